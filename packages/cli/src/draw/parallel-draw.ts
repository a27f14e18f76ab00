/**
 * `ssj draw` over a frame (spec §3, §4, §8). A seekable file is split at line boundaries into byte
 * ranges, each scanned in a worker thread (own checks, own top-k heap); the lines where ranges meet
 * are checked and the heaps merged. Small files are scanned in-process. A stream (stdin, a named
 * pipe, `<(…)`) is scanned in one pass on this thread. Only the winners are formatted.
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { hashHex, sampleSize, type Ratio } from '@openssj/core';
import { countLines, scanRange, scanStream, type ScanRequest, type ScanResult } from './frame-scan';
import { createLineScanner, type ScannerChoice } from '@openssj/server/draw-engine';
import type { WorkerJob } from './draw-worker';

/** Files smaller than this are scanned without workers. */
const PARALLEL_THRESHOLD = 32 << 20;

export interface DrawFileOptions {
  readonly path: string;
  readonly seed: string;
  /** Exactly one of size and ratio. */
  readonly size?: number;
  readonly ratio?: Ratio;
  readonly scanner?: ScannerChoice;
  /** Worker threads; default: available cores (1 below the threshold). */
  readonly workers?: number;
  readonly onProgress?: (doneBytes: number, totalBytes: number) => void;
}

export interface DrawFileOk {
  readonly ok: true;
  /** The spec §8 output: `TICKET ID\n` per selected id, ascending. */
  readonly text: Uint8Array;
  readonly lines: number;
  readonly k: number;
  readonly scanner: string;
  readonly workers: number;
}

export interface DrawFileIssue {
  readonly ok: false;
  readonly line: number;
  readonly message: string;
}

/** The (ticket, id) pairs of a draw's output text. */
export function picksOf(text: Uint8Array): { ticket: string; id: string }[] {
  const s = Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
  return s
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      const sp = l.indexOf(' ');
      return { ticket: l.slice(0, sp), id: l.slice(sp + 1) };
    });
}

const lineSchema = z.instanceof(Uint8Array).nullable();
const resultSchema = z.object({
  firstLine: lineSchema,
  firstIdLength: z.int(),
  lastLine: lineSchema,
  lastIdLength: z.int(),
  lines: z.number(),
  packed: z.instanceof(Uint8Array),
  issue: z
    .object({
      line: z.int(),
      code: z.enum([
        'BOM',
        'CR',
        'EMPTY_LINE',
        'NO_FINAL_NEWLINE',
        'EMPTY_ID',
        'EMPTY_UNIT',
        'EXTRA_TAB',
        'UNIT_MISSING',
        'UNIT_UNEXPECTED',
        'OUT_OF_ORDER',
        'DUPLICATE',
        'INVALID_UTF8',
      ]),
      message: z.string(),
    })
    .nullable(),
});
const messageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), bytes: z.number() }),
  z.object({ type: z.literal('count'), lines: z.int() }),
  z.object({ type: z.literal('done'), result: resultSchema }),
]);

/** Byte offsets where ranges start: about size/n apart, each just after a \n. */
export function splitRanges(path: string, size: number, n: number): [number, number][] {
  const cuts = [0];
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 16);
  try {
    for (let i = 1; i < n; i++) {
      let p = Math.max(Math.floor((size * i) / n), cuts[cuts.length - 1] ?? 0);
      for (;;) {
        const got = readSync(fd, buf, 0, buf.length, p);
        if (got === 0) {
          p = size;
          break;
        }
        const nl = buf.subarray(0, got).indexOf(10);
        if (nl >= 0) {
          p += nl + 1;
          break;
        }
        p += got;
      }
      if (p < size && p > (cuts[cuts.length - 1] ?? 0)) {
        cuts.push(p);
      }
    }
  } finally {
    closeSync(fd);
  }
  return cuts.map((c, i) => [c, cuts[i + 1] ?? size]);
}

function firstLineHasTab(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    const got = readSync(fd, buf, 0, buf.length, 0);
    const view = buf.subarray(0, got);
    const nl = view.indexOf(10);
    const tab = view.indexOf(9);
    return tab >= 0 && (nl < 0 || tab < nl);
  } finally {
    closeSync(fd);
  }
}

/** The worker: compiled JS next to this bundle, or (sources run by vitest/tsx) TypeScript through tsx. */
function startWorker(job: WorkerJob): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./draw-worker.mjs', import.meta.url), { workerData: job });
  }
  const target = new URL('./draw-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(code, { eval: true, workerData: job });
}

function runWorker(job: WorkerJob, onProgress: (bytes: number) => void): Promise<ScanResult | number> {
  return new Promise((resolve, reject) => {
    const w = startWorker(job);
    w.on('message', (raw: unknown) => {
      const m = messageSchema.parse(raw);
      switch (m.type) {
        case 'progress':
          onProgress(m.bytes);
          break;
        case 'count':
          resolve(m.lines);
          break;
        case 'done':
          resolve(m.result);
          break;
      }
    });
    w.on('error', reject);
    w.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`draw worker exited with code ${code}`));
      }
    });
  });
}

/** Draw the k ids with the smallest tickets from a frame file (spec §8 `ssj draw`). */
export async function drawFromFile(opts: DrawFileOptions): Promise<DrawFileOk | DrawFileIssue> {
  const choice = opts.scanner ?? 'auto';
  const prefixHex64 = hashHex(opts.seed);
  const probe = createLineScanner(choice, { prefixHex64, k: 0, withUnits: false, fileStart: false });
  if (probe === null) {
    throw new Error(`scanner ${choice} is not available`);
  }
  const size = statSync(opts.path).size;
  if (size === 0) {
    return { ok: true, text: new Uint8Array(0), lines: 0, k: 0, scanner: probe.name, workers: 0 };
  }
  const withUnits = firstLineHasTab(opts.path);
  const wanted = opts.workers ?? (size < PARALLEL_THRESHOLD ? 1 : Math.max(1, availableParallelism()));
  const ranges = splitRanges(opts.path, size, wanted);
  const inProcess = ranges.length === 1 && opts.workers === undefined;
  let done = 0;
  const progress = (bytes: number): void => {
    done += bytes;
    opts.onProgress?.(done, size);
  };
  const base = { path: opts.path, prefixHex64, withUnits, scanner: choice };

  let k = opts.size ?? 0;
  if (opts.ratio !== undefined) {
    const counts = inProcess
      ? [countLines(opts.path, 0, size)]
      : await Promise.all(
          ranges.map(([start, end]) =>
            runWorker({ ...base, mode: 'count', start, end, k: 0 }, () => undefined),
          ),
        );
    const total = counts.reduce<number>((a, c) => a + (typeof c === 'number' ? c : 0), 0);
    k = sampleSize(total, opts.ratio, 0, null);
  }

  const results: ScanResult[] = inProcess
    ? [scanRange({ ...base, start: 0, end: size, k } satisfies ScanRequest, choice, progress)]
    : (
        await Promise.all(
          ranges.map(([start, end]) => runWorker({ ...base, mode: 'scan', start, end, k }, progress)),
        )
      ).filter((r): r is ScanResult => typeof r !== 'number');

  // Issues inside ranges and where ranges meet, earliest line first.
  let before = 0;
  for (const [i, r] of results.entries()) {
    if (r.issue !== null) {
      return {
        ok: false,
        line: before + r.issue.line,
        message: `line ${before + r.issue.line}: ${r.issue.message}`,
      };
    }
    const next = results[i + 1];
    if (next !== undefined && next.firstLine !== null && r.lastLine !== null) {
      const line = before + r.lines + 1;
      const a = Buffer.from(r.lastLine);
      const b = Buffer.from(next.firstLine);
      if (
        r.lastIdLength === next.firstIdLength &&
        a.compare(b, 0, next.firstIdLength, 0, r.lastIdLength) === 0
      ) {
        return {
          ok: false,
          line,
          message: `line ${line}: duplicate id ${b.toString('utf8', 0, next.firstIdLength)} (same as the line before)`,
        };
      }
      if (a.compare(b) > 0) {
        return {
          ok: false,
          line,
          message: `line ${line}: out of order: sorts before the line before, in UTF-8 byte order`,
        };
      }
    }
    before += r.lines;
  }

  // merge the per-range heaps, then format the winners only
  const merged = createLineScanner(choice, { prefixHex64, k, withUnits, fileStart: false });
  if (merged === null) {
    throw new Error(`scanner ${choice} is not available`);
  }
  for (const r of results) {
    merged.offerPacked(r.packed);
  }
  return {
    ok: true,
    text: merged.textWinners(),
    lines: before,
    k,
    scanner: merged.name,
    workers: inProcess ? 0 : results.length,
  };
}

/** Options of a draw from a stream. */
export interface DrawStreamOptions {
  readonly fd: number;
  readonly seed: string;
  readonly size: number;
  readonly scanner?: ScannerChoice;
  readonly onProgress?: (doneBytes: number) => void;
}

/** Draw from a stream (stdin, a named pipe) in one pass, in O(k) memory (spec §3, §8). */
export function drawFromStream(opts: DrawStreamOptions): DrawFileOk | DrawFileIssue {
  const choice = opts.scanner ?? 'auto';
  const r = scanStream(opts.fd, hashHex(opts.seed), opts.size, choice, opts.onProgress);
  if (r.issue !== null) {
    return { ok: false, line: r.issue.line, message: `line ${r.issue.line}: ${r.issue.message}` };
  }
  return {
    ok: true,
    text: r.scanner.textWinners(),
    lines: r.lines,
    k: opts.size,
    scanner: r.scanner.name,
    workers: 0,
  };
}
