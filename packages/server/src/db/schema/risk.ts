/** Risk (信用风险分级分类): risk facts, computed and imported tiers, scoring runs. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { targets } from './library';

/** Risk facts per target that the library does not hold: registration, abnormal list, penalties, complaints, annual report. */
export const targetRiskFacts = pgTable(
  'target_risk_facts',
  {
    targetId: text('target_id')
      .primaryKey()
      .references(() => targets.id),
    registeredOn: date('registered_on', { mode: 'string' }),
    abnormalListed: boolean('abnormal_listed').notNull().default(false),
    penalties3y: integer('penalties_3y').notNull().default(0),
    complaints12m: integer('complaints_12m').notNull().default(0),
    annualReportOverdue: boolean('annual_report_overdue').notNull().default(false),
    /** 数据日期: the date the sending system's data refers to, as given by the last import that set it. */
    dataDate: date('data_date', { mode: 'string' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [check('risk_facts_counts_chk', sql`${t.penalties3y} >= 0 and ${t.complaints12m} >= 0`)],
);

/** Computed tiers: each target's latest score, tier and the indicators behind it (only non-zero ones). */
export const targetRiskScores = pgTable(
  'target_risk_scores',
  {
    targetId: text('target_id')
      .primaryKey()
      .references(() => targets.id),
    /** Exact decimal with two places, e.g. "42.50". */
    score: numeric('score', { precision: 12, scale: 2 }).notNull(),
    tier: text('tier').notNull(),
    /** {indicator: [value, points×100]} for the indicators that scored. */
    indicators: jsonb('indicators').notNull(),
    modelVersion: text('model_version').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    runId: uuid('run_id'),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [
    index('risk_scores_tier_idx').on(t.tier),
    check('risk_scores_tier_chk', sql`${t.tier} in ('A','B','C','D')`),
  ],
);

/** Imported tiers (e.g. the national monthly A–D classification), kept apart from computed ones. */
export const targetImportedTiers = pgTable(
  'target_imported_tiers',
  {
    targetId: text('target_id')
      .primaryKey()
      .references(() => targets.id),
    tier: text('tier').notNull(),
    ratedOn: date('rated_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    importJobId: uuid('import_job_id'),
    importedAt: ts('imported_at').notNull(),
  },
  (t) => [
    index('imported_tiers_tier_idx').on(t.tier),
    check('imported_tiers_tier_chk', sql`${t.tier} in ('A','B','C','D')`),
  ],
);

/** Scoring runs: progress (processed/total) polled by the console, and cancellation. */
export const riskScoreRuns = pgTable(
  'risk_score_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A region code, or 'all'. */
    scope: text('scope').notNull(),
    /** running → done | cancelled | failed */
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    counts: jsonb('counts'),
    error: text('error'),
    startedBy: text('started_by'),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('risk_runs_started_idx').on(t.startedAt),
    check('risk_runs_status_chk', sql`${t.status} in ('running','done','cancelled','failed')`),
  ],
);
