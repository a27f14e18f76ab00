/**
 * worker_threads entry for `ssj draw`: scans one byte range of the frame file (or counts its
 * lines) and posts the result back. Started by parallel-draw.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { countLines, scanRange } from './frame-scan';
import { pickLineHasher } from './line-hasher';

const jobSchema = z.object({
  mode: z.enum(['scan', 'count']),
  path: z.string(),
  start: z.int().min(0),
  end: z.int().min(0),
  prefixHex64: z.string().length(64),
  k: z.int().min(0),
  withUnits: z.boolean(),
  hasher: z.enum(['auto', 'native', 'js', 'node', 'node-hash']),
});

/** One worker job, as parallel-draw.ts sends it. */
export type WorkerJob = z.infer<typeof jobSchema>;

const job = jobSchema.parse(workerData);
const port = parentPort;
if (job.mode === 'count') {
  port?.postMessage({ type: 'count', lines: countLines(job.path, job.start, job.end) });
} else {
  const hasher = pickLineHasher(job.hasher);
  if (hasher === null) {
    throw new Error(`hasher ${job.hasher} is not available`);
  }
  const result = scanRange(job, hasher, (bytes) => port?.postMessage({ type: 'progress', bytes }));
  port?.postMessage({ type: 'done', result });
}
