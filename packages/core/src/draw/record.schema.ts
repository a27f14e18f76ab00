/**
 * The published draw record (spec §7) as zod schemas, shared by server, web and cli. Objects
 * are strict: an unknown key is a structure failure (spec §7 names pool entries; we pin it for
 * every object so a record cannot carry fields that nothing verifies).
 */
import { z } from 'zod';
import { DRAW_SPEC } from './digests';

const text = z.string().min(1);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex characters');
/** ISO-8601 date-time with a UTC offset (or Z), as spec §6 asks for committedAt. */
export const isoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/,
    'expected ISO-8601 date-time with offset',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid date-time');

export const frameExclusionCodeSchema = z.enum(['CAP_REACHED', 'DEREGISTERED', 'MANUAL']);

export const poolEntrySchema = z.strictObject({
  id: text,
  department: text,
  unit: text.nullable(),
  capacity: z.int().min(0).nullable(),
  fallback: z.boolean(),
});

export const pairExclusionSchema = z.strictObject({ target: text, inspector: text });

export const committedStratumSchema = z.strictObject({
  name: text,
  ratio: z.string(),
  min: z.int().min(0),
  max: z.int().min(1).nullable(),
  frameSize: z.int().min(0),
  frameDigest: hex64,
  sampleSize: z.int().min(0),
});

export const seedSourceSchema = z.enum(['dice', 'beacon', 'system']);

/** The commitment object (spec §6). */
export const commitmentObjectSchema = z.strictObject({
  spec: z.literal(DRAW_SPEC),
  drawId: text,
  taskId: text,
  strata: z.array(committedStratumSchema).min(1),
  quota: z.record(text, z.int().min(0)),
  jurisdictionRule: z.boolean(),
  poolDigest: hex64,
  pairExclusionsDigest: hex64,
  seedSource: seedSourceSchema,
  seedPlan: text,
  committedAt: isoDateTime,
});

export const selectedTargetSchema = z.strictObject({
  stratum: text,
  id: text,
  ticket: z.string().regex(/^0\.[0-9]+$/),
});

export const assignmentSchema = z.strictObject({
  target: text,
  inspectors: z.array(text),
  status: z.enum(['filled', 'unfilled']),
  open: z.record(text, z.int().min(1)),
});

export const overrideSchema = z.strictObject({
  target: text,
  inspectors: z.array(text).min(1),
  reason: z.string(),
  by: text,
  at: isoDateTime,
});

/** The draw record (spec §7). */
export const drawRecordSchema = z.strictObject({
  ...commitmentObjectSchema.shape,
  commitment: hex64,
  seed: z.string().min(1),
  drawnAt: isoDateTime,
  pool: z.array(poolEntrySchema),
  pairExclusions: z.array(pairExclusionSchema),
  frameExclusionCounts: z.record(text, z.partialRecord(frameExclusionCodeSchema, z.int().min(0))),
  selected: z.array(selectedTargetSchema),
  assignments: z.array(assignmentSchema),
  overrides: z.array(overrideSchema),
  supersedes: text.nullable(),
});

export type DrawRecord = z.infer<typeof drawRecordSchema>;
export type DrawOverride = z.infer<typeof overrideSchema>;
export type FrameExclusionCode = z.infer<typeof frameExclusionCodeSchema>;
