/**
 * runDraw in a worker thread (draw-run.worker.ts) so a large draw does not block the event loop;
 * falls back to running it in this thread with the same hasher when no worker can be started.
 * Results are byte-identical either way: the worker runs the same pure core function.
 */
import { Worker } from 'node:worker_threads';
import { runDraw, type DomainError, type DrawInput, type DrawRecord, type Result } from '@openssj/core';
import { serverTicketHasher } from './native-ticket-hasher';

let compiledWorker: URL | null = null;

/** Set by the compiled `ssj` bundle: where its compiled copy of draw-run.worker lives. */
export function setCompiledDrawWorker(url: URL): void {
  compiledWorker = url;
}

function startWorker(input: DrawInput): Worker {
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
 * Frames smaller than this (in UTF-16 units, about bytes) are drawn in this thread: the native
 * hasher takes milliseconds on them, less than starting a worker.
 */
export const WORKER_MIN_FRAME_CHARS = 1 << 20;

/** Run the draw in a worker thread (large frames); in this thread if the worker cannot start or dies. */
export async function runDrawOffThread(
  input: DrawInput,
  minFrameChars: number = WORKER_MIN_FRAME_CHARS,
): Promise<DrawRun> {
  const size = input.strata.reduce((n, s) => n + s.frame.length, 0);
  if (size >= minFrameChars && process.env['SSJ_DRAW_WORKER'] !== '0') {
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
  return { result: runDraw(input, hasher), hasher: hasher.name, inWorker: false };
}
