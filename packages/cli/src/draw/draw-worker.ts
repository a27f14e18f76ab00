/**
 * worker_threads entry for `ssj draw`: scans one byte range of the frame file (or counts its
 * lines) and posts the result back. Started by parallel-draw.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { countLines, scanRange } from './frame-scan';

const jobSchema = z.object({
  mode: z.enum(['scan', 'count']),
  path: z.string(),
  start: z.int().min(0),
  end: z.int().min(0),
  prefixHex64: z.string().length(64),
  k: z.int().min(0),
  withUnits: z.boolean(),
  scanner: z.enum(['auto', 'native', 'js']),
});

/** One worker job, as parallel-draw.ts sends it. */
export type WorkerJob = z.infer<typeof jobSchema>;

const job = jobSchema.parse(workerData);
const port = parentPort;
if (job.mode === 'count') {
  port?.postMessage({ type: 'count', lines: countLines(job.path, job.start, job.end) });
} else {
  const result = scanRange(job, job.scanner, (bytes) => port?.postMessage({ type: 'progress', bytes }));
  const packed = result.packed;
  port?.postMessage({ type: 'done', result }, packed.byteLength > 0 ? [packed.buffer as ArrayBuffer] : []);
}
