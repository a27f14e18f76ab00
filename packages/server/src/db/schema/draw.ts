/** Draw (spec ssj-draw/1): draws, frames and exclusions, inspector pools, pair exclusions, direct assignments and abandon requests. */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { tasks } from './workflow';

/** Draws (摇号, spec ssj-draw/1). Never deleted: an abandoned draw stays with its reason. */
export const draws = pgTable(
  'draws',
  {
    /** e.g. D-2026-0001 */
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id),
    /** frozen → committed → drawn; or abandoned */
    status: text('status').notNull(),
    supersedes: text('supersedes'),
    abandonedReason: text('abandoned_reason'),
    abandonedAt: ts('abandoned_at'),
    abandonedBy: text('abandoned_by'),
    frozenAt: ts('frozen_at').notNull(),
    /** Strata as frozen: [{name, ratio, min, max, frameSize, frameDigest, sampleSize}]. */
    strata: jsonb('strata').notNull(),
    frameExclusionCounts: jsonb('frame_exclusion_counts').notNull(),
    poolDigest: text('pool_digest').notNull(),
    pairExclusionsDigest: text('pair_exclusions_digest').notNull(),
    seedSource: text('seed_source'),
    seedPlan: text('seed_plan'),
    /** The system CSPRNG seed, generated at commit and kept secret until the draw. */
    systemSeed: text('system_seed'),
    commitmentObject: jsonb('commitment_object'),
    commitment: text('commitment'),
    committedAt: ts('committed_at'),
    seed: text('seed'),
    drawnAt: ts('drawn_at'),
    witnesses: jsonb('witnesses')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The published record (spec §7), once drawn. */
    record: jsonb('record'),
    createdBy: text('created_by'),
  },
  (t) => [
    index('draws_task_idx').on(t.taskId),
    check('draws_status_chk', sql`${t.status} in ('frozen','committed','drawn','abandoned')`),
    // Two people pressing "draw" at once produce exactly one live draw per task.
    uniqueIndex('draws_one_live_per_task_uq')
      .on(t.taskId)
      .where(sql`${t.status} <> 'abandoned'`),
  ],
);

/** Frame lines of a frozen draw (spec §4), per stratum. */
export const drawFrames = pgTable(
  'draw_frames',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    stratum: text('stratum').notNull(),
    targetId: text('target_id').notNull(),
    unit: text('unit'),
  },
  (t) => [
    primaryKey({ columns: [t.drawId, t.stratum, t.targetId] }),
    // spec §4: frame files are read in UTF-8 byte order, which COLLATE "C" gives; the index serves the keyset pages
    index('draw_frames_byte_order_idx').on(t.drawId, t.stratum, sql`${t.targetId} COLLATE "C"`),
  ],
);

/** Targets excluded from a frame, with reason code (spec §4); ids stay here, not in the record. */
export const drawFrameExclusions = pgTable(
  'draw_frame_exclusions',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    stratum: text('stratum').notNull(),
    targetId: text('target_id').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.targetId] })],
);

/** The inspector pool of a frozen draw (spec §5). */
export const drawPool = pgTable(
  'draw_pool',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    inspectorId: text('inspector_id').notNull(),
    department: text('department').notNull(),
    homeDepartment: text('home_department').notNull(),
    unit: text('unit'),
    capacity: integer('capacity'),
    fallback: boolean('fallback').notNull(),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.inspectorId] })],
);

/** Inspectors left out of a draw's pool, with the code of the rule (core pool-eligibility): staff only. */
export const drawPoolExclusions = pgTable(
  'draw_pool_exclusions',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    inspectorId: text('inspector_id').notNull(),
    badgeNo: text('badge_no'),
    name: text('name').notNull(),
    department: text('department').notNull(),
    fallback: boolean('fallback').notNull(),
    reason: text('reason').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.inspectorId] })],
);

/** Pair exclusions of a draw with their reasons (recusal, rotation); the record shows only pairs. */
export const drawPairExclusions = pgTable(
  'draw_pair_exclusions',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    targetId: text('target_id').notNull(),
    inspectorId: text('inspector_id').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.targetId, t.inspectorId] })],
);

/** Direct assignments (直接委派) after a draw: they add people to a drawn team (spec §5, §7). */
export const drawOverrides = pgTable(
  'draw_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    targetId: text('target_id').notNull(),
    inspectors: text('inspectors').array().notNull(),
    /** Published in the draw record. */
    reason: text('reason').notNull(),
    /** Staff only (e.g. a personal circumstance); never published. */
    internalReason: text('internal_reason'),
    by: text('by').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('overrides_draw_idx').on(t.drawId)],
);

/** A request to abandon a draw (redraw), approved or rejected by a second person (issue 13). */
export const drawAbandonRequests = pgTable('draw_abandon_requests', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  drawId: text('draw_id')
    .notNull()
    .references(() => draws.id),
  reason: text('reason').notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedAt: ts('requested_at').notNull(),
  status: text('status').notNull().default('pending'),
  decidedBy: text('decided_by'),
  decidedAt: ts('decided_at'),
  comment: text('comment'),
});
