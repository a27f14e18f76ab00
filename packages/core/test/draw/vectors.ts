/**
 * Loads the spec vectors (shared/spec/draw-v1-vectors.json) from the project's own copy in
 * fixtures/, parsed with zod like any outside data.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const caseSchema = z.object({
  about: z.string(),
  frameFiles: z.record(z.string(), z.string()),
  tickets: z.record(z.string(), z.string()).optional(),
  commitmentObject: z.record(z.string(), z.unknown()),
  commitmentJcs: z.string(),
  record: z.record(z.string(), z.unknown()),
});

export const vectorsSchema = z.object({
  spec: z.literal('ssj-draw/1'),
  check: z.object({ seed: z.string(), id: z.string(), ticket: z.string() }),
  cases: z.record(z.string(), caseSchema),
});

export type Vectors = z.infer<typeof vectorsSchema>;

/** The project's copy of the spec vectors. */
export const VECTORS_URL = new URL('./fixtures/draw-v1-vectors.json', import.meta.url);
/** The shared spec's vectors, beside the repository. */
export const SHARED_VECTORS_URL = new URL('../../../../../shared/spec/draw-v1-vectors.json', import.meta.url);

/** Read and parse a vectors file. */
export function loadVectors(url: URL = VECTORS_URL): Vectors {
  return vectorsSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}
