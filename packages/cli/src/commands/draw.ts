/**
 * `ssj draw --seed SEED (--ratio R | --size K) FRAME_FILE` (spec §8): prints `TICKET ID` per
 * selected id in ascending ticket order, and nothing else on stdout. FRAME_FILE may be `-` (stdin),
 * a named pipe or `<(…)`: a seekable file is scanned in parallel ranges, a stream in one pass. Each
 * line is checked (sorted, unique: spec §4) in O(1) memory; exit 2 names the line.
 */
import { closeSync, createWriteStream, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRatio, type Ratio } from '@openssj/core';
import { drawEnv, EXIT_OK, EXIT_UNUSABLE, parseCommandArgs } from '../draw/cli-args';
import { streamReader } from '../draw/frame-scan';
import { createLineScanner } from '@openssj/server/draw-engine';
import { drawFromFile, drawFromStream, type DrawFileIssue, type DrawFileOk } from '../draw/parallel-draw';

const USAGE =
  'usage: ssj draw --seed SEED (--ratio R | --size K) FRAME_FILE\n' +
  '  FRAME_FILE: a frame file (spec §4), or - for standard input; named pipes and <(…) work too.\n' +
  '  Prints TICKET ID per selected id, ascending. Env: SSJ_DRAW_SCANNER=auto|native|js, SSJ_DRAW_WORKERS=N.\n';

/** Copy a stream into a temporary file (a --ratio draw needs |F| before k: spec §3). */
async function spool(fd: number): Promise<{ path: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ssj-draw-'));
  const path = join(dir, 'frame.txt');
  const out = createWriteStream(path);
  const read = streamReader(fd);
  const buf = Buffer.allocUnsafe(1 << 20);
  for (;;) {
    const got = read(buf, 0, buf.length);
    if (got === 0) {
      break;
    }
    if (!out.write(Buffer.from(buf.subarray(0, got)))) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'close');
  return { path, dir };
}

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
  let fd: number | null = null;
  try {
    if (path === '-') {
      fd = 0;
    } else {
      const st = statSync(path);
      if (st.isDirectory()) {
        return unusable(`${path}: is a directory`);
      }
      if (!st.isFile()) {
        fd = openSync(path, 'r'); // a FIFO, <(…), a character device: read it as a stream
      } else {
        closeSync(openSync(path, 'r'));
      }
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
  const scanner = env.value.SSJ_DRAW_SCANNER;
  if (
    createLineScanner(scanner, { prefixHex64: '0'.repeat(64), k: 0, withUnits: null, fileStart: true }) ===
    null
  ) {
    return unusable('SSJ_DRAW_SCANNER=native, but the native addon is not built (packages/native)');
  }
  let result: DrawFileOk | DrawFileIssue;
  if (fd !== null && k !== undefined) {
    result = drawFromStream({ fd, seed, size: k, scanner });
  } else {
    const spooled = fd === null ? null : await spool(fd);
    try {
      result = await drawFromFile({
        path: spooled?.path ?? path,
        seed,
        ...(k === undefined ? {} : { size: k }),
        ...(parsedRatio === undefined ? {} : { ratio: parsedRatio }),
        scanner,
        ...(env.value.SSJ_DRAW_WORKERS === undefined ? {} : { workers: env.value.SSJ_DRAW_WORKERS }),
        ...(tty
          ? {
              onProgress: (done: number, total: number) =>
                void process.stderr.write(`\rssj draw: ${((100 * done) / total).toFixed(1)}%`),
            }
          : {}),
      });
    } finally {
      if (spooled !== null) {
        rmSync(spooled.dir, { recursive: true, force: true });
      }
    }
  }
  if (fd !== null && fd !== 0) {
    closeSync(fd);
  }
  if (tty) {
    process.stderr.write('\r\x1b[K');
  }
  if (!result.ok) {
    process.stderr.write(`ssj draw: ${path === '-' ? 'stdin' : path}: ${result.message}\n`);
    return EXIT_UNUSABLE;
  }
  const secs = ((performance.now() - started) / 1000).toFixed(2);
  const how = fd === null ? 'file' : k === undefined ? 'stream spooled for --ratio' : 'stream';
  process.stderr.write(
    `ssj draw: scanner ${result.scanner}${result.scanner === 'native' || scanner === 'js' ? '' : ' (native addon not loaded)'}, ${how}, ` +
      `${result.workers === 0 ? 'in-process' : `${result.workers} worker threads`}, ${result.lines} lines, k = ${result.k}, ${secs} s\n`,
  );
  // stdout: TICKET ID lines only, written in blocks with backpressure
  const BLOCK = 1 << 22;
  for (let i = 0; i < result.text.byteLength; i += BLOCK) {
    if (!process.stdout.write(result.text.subarray(i, i + BLOCK))) {
      await once(process.stdout, 'drain');
    }
  }
  return EXIT_OK;
}
