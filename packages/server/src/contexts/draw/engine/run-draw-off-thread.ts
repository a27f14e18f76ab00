/**
 * The record of a scanned draw (core's runScannedDraw: assignment and the record) in a worker
 * thread (draw-run.worker.ts) when the assignment is large, so it does not block the event loop;
 * in this thread when it is small or no worker can be started. Results are byte-identical either
 * way: the worker runs the same pure core function with the same hasher.
 */
import { Worker } from 'node:worker_threads';
import {
  runScannedDraw,
  type DomainError,
  type DrawRecord,
  type Result,
  type ScannedDrawInput,
} from '@openssj/core';
import { serverTicketHasher } from './native-ticket-hasher';

let compiledWorker: URL | null = null;

/** Set by the compiled `ssj` bundle: where its compiled copy of draw-run.worker lives. */
export function setCompiledDrawWorker(url: URL): void {
  compiledWorker = url;
}

function startWorker(input: ScannedDrawInput): Worker {
  if (compiledWorker !== null) {
    return new Worker(compiledWorker, { workerData: input });
  }
  // sources (vitest, tsx): TypeScript through tsx inside the worker
  const target = new URL('./draw-run.worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(code, { eval: true, workerData: input });
}

interface WorkerReply {
  readonly hasher: string;
  readonly result: Result<DrawRecord, DomainError>;
}

function isReply(m: unknown): m is WorkerReply {
  return typeof m === 'object' && m !== null && 'result' in m && 'hasher' in m;
}

/** What ran the draw, for logs and the bench. */
export interface DrawRun {
  readonly result: Result<DrawRecord, DomainError>;
  readonly hasher: string;
  readonly inWorker: boolean;
}

/**
 * Assignments smaller than this (selected targets × pool entries, the pairs spec §5 may hash) run
 * in this thread: they take under about 50 ms, less than starting a worker. (800 × 300 pairs
 * took 114 ms in this thread: `ssj bench server-draw --quick`.)
 */
export const WORKER_MIN_PAIRS = 1 << 17;

/** Build the record in a worker thread (large assignments); in this thread if the worker cannot start or dies. */
export async function runDrawOffThread(
  input: ScannedDrawInput,
  minPairs: number = WORKER_MIN_PAIRS,
): Promise<DrawRun> {
  const pairs = input.strata.reduce((n, s) => n + s.picks.length, 0) * input.pool.length;
  if (pairs >= minPairs && process.env['SSJ_DRAW_WORKER'] !== '0') {
    const reply = await new Promise<WorkerReply | null>((resolve) => {
      let w: Worker;
      try {
        w = startWorker(input);
      } catch {
        resolve(null);
        return;
      }
      w.once('message', (m: unknown) => {
        resolve(isReply(m) ? m : null);
        void w.terminate();
      });
      w.once('error', () => resolve(null));
      w.once('exit', () => resolve(null));
    });
    if (reply !== null) {
      return { result: reply.result, hasher: reply.hasher, inWorker: true };
    }
  }
  const hasher = serverTicketHasher();
  return { result: runScannedDraw(input, hasher), hasher: hasher.name, inWorker: false };
}
