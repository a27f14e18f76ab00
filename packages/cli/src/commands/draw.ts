/**
 * `ssj draw --seed SEED (--ratio R | --size K) FRAME_FILE` (spec §8): prints `TICKET ID` per
 * selected id in ascending ticket order, and nothing else on stdout. The frame streams from the
 * file and is checked line by line (sorted, unique: spec §4) in O(1) memory; exit 2 names the line.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { once } from 'node:events';
import { parseRatio, type Ratio } from '@openssj/core';
import { drawEnv, EXIT_OK, EXIT_UNUSABLE, parseCommandArgs } from '../draw/cli-args';
import { drawFromFile } from '../draw/parallel-draw';

const USAGE = 'usage: ssj draw --seed SEED (--ratio R | --size K) FRAME_FILE\n';

function unusable(message: string): number {
  process.stderr.write(`ssj draw: ${message}\n${USAGE}`);
  return EXIT_UNUSABLE;
}

/** Run `ssj draw`; returns the exit code (spec §8). */
export async function run(argv: readonly string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    seed: { type: 'string' },
    ratio: { type: 'string' },
    size: { type: 'string' },
  });
  if (!args.ok) {
    return unusable(args.message);
  }
  const { seed, ratio, size } = args.values;
  if (typeof seed !== 'string') {
    return unusable('missing --seed');
  }
  if (seed.length === 0) {
    return unusable('empty seed');
  }
  if ((ratio === undefined) === (size === undefined)) {
    return unusable('give exactly one of --ratio and --size');
  }
  let parsedRatio: Ratio | undefined;
  let k: number | undefined;
  if (typeof ratio === 'string') {
    const r = parseRatio(ratio);
    if (!r.ok) {
      return unusable(r.error.messageEn);
    }
    parsedRatio = r.value;
  } else if (typeof size === 'string') {
    if (!/^[0-9]+$/.test(size) || !Number.isSafeInteger(Number(size))) {
      return unusable(`--size must be a whole number, got "${size}"`);
    }
    k = Number(size);
  }
  if (args.positionals.length !== 1) {
    return unusable(
      args.positionals.length === 0
        ? 'missing FRAME_FILE'
        : `one FRAME_FILE expected, got ${args.positionals.length}`,
    );
  }
  const path = args.positionals[0] ?? '';
  try {
    accessSync(path, constants.R_OK);
    if (!statSync(path).isFile()) {
      return unusable(`${path}: not a file`);
    }
  } catch (e) {
    return unusable(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const env = drawEnv();
  if (!env.ok) {
    return unusable(`environment: ${env.message}`);
  }

  const tty = process.stderr.isTTY;
  const started = performance.now();
  const result = await drawFromFile({
    path,
    seed,
    ...(k === undefined ? {} : { size: k }),
    ...(parsedRatio === undefined ? {} : { ratio: parsedRatio }),
    hasher: env.value.SSJ_DRAW_HASHER,
    ...(env.value.SSJ_DRAW_WORKERS === undefined ? {} : { workers: env.value.SSJ_DRAW_WORKERS }),
    ...(tty
      ? {
          onProgress: (done: number, total: number) =>
            void process.stderr.write(`\rssj draw: ${((100 * done) / total).toFixed(1)}%`),
        }
      : {}),
  });
  if (tty) {
    process.stderr.write('\r\x1b[K');
  }
  if (!result.ok) {
    process.stderr.write(`ssj draw: ${path}: ${result.message}\n`);
    return EXIT_UNUSABLE;
  }
  const secs = ((performance.now() - started) / 1000).toFixed(2);
  process.stderr.write(
    `ssj draw: hasher ${result.hasher}${result.hasher === 'native' ? '' : ' (native addon not loaded)'}, ` +
      `${result.workers === 0 ? 'in-process' : `${result.workers} worker threads`}, ${result.lines} lines, k = ${result.k}, ${secs} s\n`,
  );
  // stdout: TICKET ID lines only, written in blocks with backpressure
  const BLOCK = 50_000;
  for (let i = 0; i < result.picks.length; i += BLOCK) {
    const text = result.picks
      .slice(i, i + BLOCK)
      .map((p) => `${p.ticket} ${p.id}\n`)
      .join('');
    if (!process.stdout.write(text)) {
      await once(process.stdout, 'drain');
    }
  }
  return EXIT_OK;
}
