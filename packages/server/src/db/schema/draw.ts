/** Draw (spec ssj-draw/1): draws, frames and exclusions, inspector pools, pair exclusions, direct assignments and abandon requests. */
import { sql } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { tasks } from './workflow';

/** Draws (摇号, spec ssj-draw/1). Never deleted: an abandoned draw stays with its reason. */
export const draws = pg.pgTable(
  'draws',
  {
    /** e.g. D-2026-0001 */
    id: pg.text('id').primaryKey(),
    taskId: pg
      .text('task_id')
      .notNull()
      .references(() => tasks.id),
    /** frozen → committed → drawn; or abandoned */
    status: pg.text('status').notNull(),
    supersedes: pg.text('supersedes'),
    abandonedReason: pg.text('abandoned_reason'),
    abandonedAt: ts('abandoned_at'),
    abandonedBy: pg.text('abandoned_by'),
    frozenAt: ts('frozen_at').notNull(),
    /** Strata as frozen: [{name, ratio, min, max, frameSize, frameDigest, sampleSize}]. */
    strata: pg.jsonb('strata').notNull(),
    frameExclusionCounts: pg.jsonb('frame_exclusion_counts').notNull(),
    poolDigest: pg.text('pool_digest').notNull(),
    pairExclusionsDigest: pg.text('pair_exclusions_digest').notNull(),
    seedSource: pg.text('seed_source'),
    seedPlan: pg.text('seed_plan'),
    /** The system CSPRNG seed, generated at commit and kept secret until the draw. */
    systemSeed: pg.text('system_seed'),
    commitmentObject: pg.jsonb('commitment_object'),
    commitment: pg.text('commitment'),
    committedAt: ts('committed_at'),
    seed: pg.text('seed'),
    drawnAt: ts('drawn_at'),
    witnesses: pg
      .jsonb('witnesses')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The published record (spec §7), once drawn. */
    record: pg.jsonb('record'),
    createdBy: pg.text('created_by'),
  },
  (t) => [
    pg.index('draws_task_idx').on(t.taskId),
    pg.check('draws_status_chk', sql`${t.status} in ('frozen','committed','drawn','abandoned')`),
    // Two people pressing "draw" at once produce exactly one live draw per task.
    pg
      .uniqueIndex('draws_one_live_per_task_uq')
      .on(t.taskId)
      .where(sql`${t.status} <> 'abandoned'`),
  ],
);

/** Frame lines of a frozen draw (spec §4), per stratum. */
export const drawFrames = pg.pgTable(
  'draw_frames',
  {
    drawId: pg
      .text('draw_id')
      .notNull()
      .references(() => draws.id),
    stratum: pg.text('stratum').notNull(),
    targetId: pg.text('target_id').notNull(),
    unit: pg.text('unit'),
  },
  (t) => [
    pg.primaryKey({ columns: [t.drawId, t.stratum, t.targetId] }),
    // spec §4: frame files are read in UTF-8 byte order, which COLLATE "C" gives; the index serves the keyset pages
    pg.index('draw_frames_byte_order_idx').on(t.drawId, t.stratum, sql`${t.targetId} COLLATE "C"`),
  ],
);

/** Targets excluded from a frame, with reason code (spec §4); ids stay here, not in the record. */
export const drawFrameExclusions = pg.pgTable(
  'draw_frame_exclusions',
  {
    drawId: pg
      .text('draw_id')
      .notNull()
      .references(() => draws.id),
    stratum: pg.text('stratum').notNull(),
    targetId: pg.text('target_id').notNull(),
    reason: pg.text('reason').notNull(),
    note: pg.text('note'),
  },
  (t) => [pg.primaryKey({ columns: [t.drawId, t.targetId] })],
);

/** The inspector pool of a frozen draw (spec §5). */
export const drawPool = pg.pgTable(
  'draw_pool',
  {
    drawId: pg
      .text('draw_id')
      .notNull()
      .references(() => draws.id),
    inspectorId: pg.text('inspector_id').notNull(),
    department: pg.text('department').notNull(),
    homeDepartment: pg.text('home_department').notNull(),
    unit: pg.text('unit'),
    capacity: pg.integer('capacity'),
    fallback: pg.boolean('fallback').notNull(),
  },
  (t) => [pg.primaryKey({ columns: [t.drawId, t.inspectorId] })],
);

/** Inspectors left out of a draw's pool, with the code of the rule (core pool-eligibility): staff only. */
export const drawPoolExclusions = pg.pgTable(
  'draw_pool_exclusions',
  {
    drawId: pg
      .text('draw_id')
      .notNull()
      .references(() => draws.id),
    inspectorId: pg.text('inspector_id').notNull(),
    badgeNo: pg.text('badge_no'),
    name: pg.text('name').notNull(),
    department: pg.text('department').notNull(),
    fallback: pg.boolean('fallback').notNull(),
    reason: pg.text('reason').notNull(),
    expiresOn: pg.date('expires_on', { mode: 'string' }),
  },
  (t) => [pg.primaryKey({ columns: [t.drawId, t.inspectorId] })],
);

/** Pair exclusions of a draw with their reasons (recusal, rotation); the record shows only pairs. */
export const drawPairExclusions = pg.pgTable(
  'draw_pair_exclusions',
  {
    drawId: pg
      .text('draw_id')
      .notNull()
      .references(() => draws.id),
    targetId: pg.text('target_id').notNull(),
    inspectorId: pg.text('inspector_id').notNull(),
    reason: pg.text('reason').notNull(),
  },
  (t) => [pg.primaryKey({ columns: [t.drawId, t.targetId, t.inspectorId] })],
);

/** Direct assignments (直接委派) after a draw: they add people to a drawn team (spec §5, §7). */
export const drawOverrides = pg.pgTable(
  'draw_overrides',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    drawId: pg
      .text('draw_id')
      .notNull()
      .references(() => draws.id),
    targetId: pg.text('target_id').notNull(),
    inspectors: pg.text('inspectors').array().notNull(),
    /** Published in the draw record. */
    reason: pg.text('reason').notNull(),
    /** Staff only (e.g. a personal circumstance); never published. */
    internalReason: pg.text('internal_reason'),
    by: pg.text('by').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [pg.index('overrides_draw_idx').on(t.drawId)],
);

/** A request to abandon a draw (redraw), approved or rejected by a second person (issue 13). */
export const drawAbandonRequests = pg.pgTable('draw_abandon_requests', {
  id: pg.bigserial('id', { mode: 'number' }).primaryKey(),
  drawId: pg
    .text('draw_id')
    .notNull()
    .references(() => draws.id),
  reason: pg.text('reason').notNull(),
  requestedBy: pg.text('requested_by').notNull(),
  requestedAt: ts('requested_at').notNull(),
  status: pg.text('status').notNull().default('pending'),
  decidedBy: pg.text('decided_by'),
  decidedAt: ts('decided_at'),
  comment: pg.text('comment'),
});
