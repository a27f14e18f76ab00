/** Risk (信用风险分级分类): risk facts, computed and imported tiers, scoring runs. */
import { sql } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { targets } from './library';
import { departments } from './platform';

/** Risk facts per target that the library does not hold: registration, abnormal list, penalties, complaints, annual report. */
export const targetRiskFacts = pg.pgTable(
  'target_risk_facts',
  {
    targetId: pg
      .text('target_id')
      .primaryKey()
      .references(() => targets.id),
    registeredOn: pg.date('registered_on', { mode: 'string' }),
    abnormalListed: pg.boolean('abnormal_listed').notNull().default(false),
    penalties3y: pg.integer('penalties_3y').notNull().default(0),
    complaints12m: pg.integer('complaints_12m').notNull().default(0),
    annualReportOverdue: pg.boolean('annual_report_overdue').notNull().default(false),
    /** 数据日期: the date the sending system's data refers to, as given by the last import that set it. */
    dataDate: pg.date('data_date', { mode: 'string' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [pg.check('risk_facts_counts_chk', sql`${t.penalties3y} >= 0 and ${t.complaints12m} >= 0`)],
);

/** Computed tiers: each target's latest score, tier and the indicators behind it (only non-zero ones). */
export const targetRiskScores = pg.pgTable(
  'target_risk_scores',
  {
    targetId: pg
      .text('target_id')
      .primaryKey()
      .references(() => targets.id),
    /** Exact decimal with two places, e.g. "42.50". */
    score: pg.numeric('score', { precision: 12, scale: 2 }).notNull(),
    tier: pg.text('tier').notNull(),
    /** {indicator: [value, points×100]} for the indicators that scored. */
    indicators: pg.jsonb('indicators').notNull(),
    modelVersion: pg.text('model_version').notNull(),
    asOf: pg.date('as_of', { mode: 'string' }).notNull(),
    runId: pg.uuid('run_id'),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [
    pg.index('risk_scores_tier_idx').on(t.tier),
    pg.check('risk_scores_tier_chk', sql`${t.tier} in ('A','B','C','D')`),
  ],
);

/** Imported tiers (e.g. the national monthly A–D classification), kept apart from computed ones. */
export const targetImportedTiers = pg.pgTable(
  'target_imported_tiers',
  {
    targetId: pg
      .text('target_id')
      .primaryKey()
      .references(() => targets.id),
    tier: pg.text('tier').notNull(),
    ratedOn: pg.date('rated_on', { mode: 'string' }).notNull(),
    source: pg.text('source').notNull(),
    importJobId: pg.uuid('import_job_id'),
    importedAt: ts('imported_at').notNull(),
  },
  (t) => [
    pg.index('imported_tiers_tier_idx').on(t.tier),
    pg.check('imported_tiers_tier_chk', sql`${t.tier} in ('A','B','C','D')`),
  ],
);

/** Scoring runs: progress (processed/total) polled by the console, and cancellation. */
export const riskScoreRuns = pg.pgTable(
  'risk_score_runs',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    /** A region code, or 'all'. */
    scope: pg.text('scope').notNull(),
    /** running → done | cancelled | failed */
    status: pg.text('status').notNull(),
    total: pg.integer('total').notNull().default(0),
    processed: pg.integer('processed').notNull().default(0),
    asOf: pg.date('as_of', { mode: 'string' }).notNull(),
    cancelRequested: pg.boolean('cancel_requested').notNull().default(false),
    counts: pg.jsonb('counts'),
    error: pg.text('error'),
    startedBy: pg.text('started_by'),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    pg.index('risk_runs_started_idx').on(t.startedAt),
    pg.check('risk_runs_status_chk', sql`${t.status} in ('running','done','cancelled','failed')`),
  ],
);

/** Partner systems that send risk alerts (issue 16): the key they sign with and who triages. */
export const alertSources = pg.pgTable(
  'alert_sources',
  {
    id: pg.text('id').primaryKey(),
    name: pg.text('name').notNull(),
    /** kitchen (明厨亮灶) | elevator (智慧电梯) */
    kind: pg.text('kind').notNull(),
    departmentCode: pg
      .text('department_code')
      .notNull()
      .references(() => departments.code),
    /** The HMAC-SHA256 key (kept: a signature can only be checked with it). */
    secret: pg.text('secret').notNull(),
    active: pg.boolean('active').notNull().default(true),
    createdBy: pg.text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    pg.check('alert_sources_kind_chk', sql`${t.kind} in ('kitchen','elevator')`),
    pg.check('alert_sources_id_chk', sql`${t.id} ~ '^[a-z0-9][a-z0-9-]{1,39}$'`),
  ],
);

/** Risk alerts (风险预警): stored once per (source, idempotency key), matched to a target, triaged. */
export const riskAlerts = pg.pgTable(
  'risk_alerts',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    sourceId: pg
      .text('source_id')
      .notNull()
      .references(() => alertSources.id),
    idempotencyKey: pg.text('idempotency_key').notNull(),
    alertType: pg.text('alert_type').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    receivedAt: ts('received_at').notNull(),
    uscc: pg.text('uscc'),
    equipmentId: pg.text('equipment_id'),
    targetId: pg.text('target_id').references(() => targets.id),
    location: pg.text('location'),
    detail: pg.text('detail'),
    /** new → verified | dismissed | referred */
    status: pg.text('status').notNull().default('new'),
    triageReason: pg.text('triage_reason'),
    triagedBy: pg.text('triaged_by'),
    triagedAt: ts('triaged_at'),
    /** The end of the alert's time to live: it counts for the tag and the score until then. */
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    pg.check('risk_alerts_status_chk', sql`${t.status} in ('new','verified','dismissed','referred')`),
    pg.unique('risk_alerts_idem_uq').on(t.sourceId, t.idempotencyKey),
    pg
      .index('risk_alerts_target_idx')
      .on(t.targetId, t.expiresAt)
      .where(sql`${t.targetId} IS NOT NULL`),
    pg.index('risk_alerts_queue_idx').on(t.sourceId, t.status, t.receivedAt),
    pg.index('risk_alerts_received_idx').on(t.receivedAt),
  ],
);
