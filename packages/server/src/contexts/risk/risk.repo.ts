/**
 * Credit-risk repository (issue 6): risk facts gathered in bulk for a batch of targets
 * (including problems found in past inspections), set-based writes of computed scores, of
 * imported tiers and of imported risk facts, and the effective tier on `targets`
 * (risk_tier / tier_source / tier_date).
 */
import { appealStatusSchema, type AppealStatus, type TierSource } from '@openssj/core';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { exec, queryOne, queryRows, pgTextArray } from '../../db/sql';
import { divisionRange } from '../../db/target-filter';

/** Result categories that are not a problem found (issue 5; everything else is). */
export const NO_PROBLEM_CATEGORIES = ['未发现问题', '未发现开展本次抽查涉及的经营活动'] as const;

/** Targets in a region ('all' = everywhere) that scoring covers: those in business (在营). */
export function regionTargets(region: string): SQL {
  if (region === 'all') {
    return sql`t.status = '在营'`;
  }
  const r = divisionRange(region);
  return sql`t.status = '在营' AND t.division_code BETWEEN ${r.lo} AND ${r.hi}`;
}

const factRow = z.object({
  id: z.string(),
  division_code: z.string(),
  industry_code: z.string().nullable(),
  warn: z.boolean(),
  registered_on: z.string().nullable(),
  abnormal_listed: z.boolean(),
  penalties_3y: z.coerce.number(),
  complaints_12m: z.coerce.number(),
  annual_report_overdue: z.boolean(),
});
export type RiskFactRow = z.infer<typeof factRow>;

/** The next batch of targets after `afterId` (keyset on id) with their stored risk facts. */
export async function factBatch(
  db: Db,
  region: string,
  afterId: string,
  limit: number,
): Promise<RiskFactRow[]> {
  return queryRows(
    db,
    sql`SELECT t.id, t.division_code, t.industry_code, (t.tags @> ARRAY['风险预警']::text[]) AS warn,
          f.registered_on::text AS registered_on, coalesce(f.abnormal_listed, false) AS abnormal_listed,
          coalesce(f.penalties_3y, 0) AS penalties_3y, coalesce(f.complaints_12m, 0) AS complaints_12m,
          coalesce(f.annual_report_overdue, false) AS annual_report_overdue
        FROM targets t LEFT JOIN target_risk_facts f ON f.target_id = t.id
        WHERE t.id > ${afterId} AND ${regionTargets(region)}
        ORDER BY t.id LIMIT ${limit}`,
    factRow,
  );
}

const problemRow = z.object({
  target_id: z.string(),
  days: z.array(z.string()),
  inspections: z.array(z.string()),
});

/** A reviewed inspection that found a problem: its day and id (the id finds its appeals). */
export interface ProblemFinding {
  readonly day: string;
  readonly inspectionId: string;
}

/** For each target of the batch, the reviewed inspections since `since` that found a problem. */
export async function problemDates(
  db: Db,
  ids: readonly string[],
  since: string,
): Promise<Map<string, ProblemFinding[]>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await queryRows(
    db,
    sql`SELECT i.target_id, array_agg(coalesce(i.visited_at, i.created_at)::date::text ORDER BY i.id) AS days,
          array_agg(i.id::text ORDER BY i.id) AS inspections
        FROM inspections i
        WHERE i.target_id = ANY(${pgTextArray(ids)}::text[]) AND i.status IN ('approved', 'published')
          AND coalesce(i.visited_at, i.created_at) >= ${since}::date
          AND EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.id
                      AND r.category <> ALL(${pgTextArray([...NO_PROBLEM_CATEGORIES])}::text[]))
        GROUP BY i.target_id`,
    problemRow,
  );
  return new Map(
    rows.map((r) => [r.target_id, r.days.map((day, n) => ({ day, inspectionId: r.inspections[n] ?? '' }))]),
  );
}

const settledRow = z.object({
  inspection_id: z.string(),
  status: appealStatusSchema,
  effective_from: z.string().nullable(),
});

/**
 * The decided appeals that can stop a finding counting (issue 16 part 2): withdrawn results
 * and approved credit repairs, by inspection. Core `findingCounts` says what they mean.
 */
export async function settledFindings(
  db: Db,
  inspectionIds: readonly string[],
): Promise<Map<string, { status: AppealStatus; effectiveFrom: string | null }[]>> {
  const out = new Map<string, { status: AppealStatus; effectiveFrom: string | null }[]>();
  if (inspectionIds.length === 0) {
    return out;
  }
  const rows = await queryRows(
    db,
    sql`SELECT inspection_id::text AS inspection_id, status, effective_from::text AS effective_from
        FROM result_appeals
        WHERE inspection_id = ANY(${pgTextArray(inspectionIds)}::uuid[]) AND status IN ('withdrawn', 'approved')`,
    settledRow,
  );
  for (const r of rows) {
    out.set(r.inspection_id, [
      ...(out.get(r.inspection_id) ?? []),
      { status: r.status, effectiveFrom: r.effective_from },
    ]);
  }
  return out;
}

const alertCountRow = z.object({ target_id: z.string(), n: z.coerce.number() });

/**
 * For each target of the batch, the risk alerts in force on `asOf` (issue 16): received by
 * then, not yet expired, and not dismissed or referred (core `alertActive`).
 */
export async function activeAlertCounts(
  db: Db,
  ids: readonly string[],
  asOf: string,
): Promise<Map<string, number>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await queryRows(
    db,
    sql`SELECT a.target_id, count(*) AS n FROM risk_alerts a
        WHERE a.target_id = ANY(${pgTextArray(ids)}::text[]) AND a.status IN ('new', 'verified')
          AND a.occurred_at < ${asOf}::date + 1 AND a.expires_at > ${asOf}::date + 1
        GROUP BY a.target_id`,
    alertCountRow,
  );
  return new Map(rows.map((r) => [r.target_id, r.n]));
}

export interface ScoreWrite {
  readonly targetId: string;
  readonly score: string;
  readonly tier: string;
  /** Stored contributions as JSON text. */
  readonly indicators: string;
  readonly modelVersion: string;
  /** Whether the target's region shows imported tiers first. */
  readonly preferImported: boolean;
}

/** Upsert computed scores (one multi-row statement), then the effective tier on targets. */
export async function writeScores(
  tx: Db,
  rows: readonly ScoreWrite[],
  meta: { asOf: string; runId: string | null; at: Date },
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const col = (f: (r: ScoreWrite) => string): string => pgTextArray(rows.map(f));
  await exec(
    tx,
    sql`INSERT INTO target_risk_scores AS s (target_id, score, tier, indicators, model_version, as_of, run_id, computed_at)
        SELECT u.id, u.score::numeric, u.tier, u.ind::jsonb, u.mv, ${meta.asOf}::date, ${meta.runId}::uuid, ${meta.at.toISOString()}::timestamptz
        FROM unnest(${col((r) => r.targetId)}::text[], ${col((r) => r.score)}::text[], ${col((r) => r.tier)}::text[],
                    ${col((r) => r.indicators)}::text[], ${col((r) => r.modelVersion)}::text[]) AS u(id, score, tier, ind, mv)
        ON CONFLICT (target_id) DO UPDATE SET score = EXCLUDED.score, tier = EXCLUDED.tier, indicators = EXCLUDED.indicators,
          model_version = EXCLUDED.model_version, as_of = EXCLUDED.as_of, run_id = EXCLUDED.run_id, computed_at = EXCLUDED.computed_at`,
  );
  // The effective tier: the imported one where the region prefers it and has it, else the computed one.
  await exec(
    tx,
    sql`UPDATE targets t SET risk_tier = e.tier, tier_source = e.src, tier_date = e.d
        FROM (SELECT u.id,
                CASE WHEN u.pi AND it.tier IS NOT NULL THEN it.tier ELSE u.tier END AS tier,
                CASE WHEN u.pi AND it.tier IS NOT NULL THEN 'imported' ELSE 'computed' END AS src,
                CASE WHEN u.pi AND it.tier IS NOT NULL THEN it.rated_on ELSE ${meta.asOf}::date END AS d
              FROM unnest(${col((r) => r.targetId)}::text[], ${col((r) => r.tier)}::text[], ${col((r) => (r.preferImported ? 't' : 'f'))}::boolean[]) AS u(id, tier, pi)
              LEFT JOIN target_imported_tiers it ON u.pi AND it.target_id = u.id) e
        WHERE t.id = e.id AND (t.risk_tier IS DISTINCT FROM e.tier OR t.tier_source IS DISTINCT FROM e.src)`,
  );
}

/**
 * Set targets' effective tier from one source. `prefer` = the region shows this source first;
 * otherwise it is set only when the other source has no tier for that target. Rows whose tier
 * and source are already right are not touched (fewer index writes on 1 M targets).
 */
export async function setEffective(
  tx: Db,
  rows: readonly { targetId: string; tier: string; prefer: boolean; date?: string }[],
  source: TierSource,
  date: string,
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const other = source === 'computed' ? sql`target_imported_tiers` : sql`target_risk_scores`;
  await exec(
    tx,
    sql`UPDATE targets t SET risk_tier = u.tier, tier_source = ${source}, tier_date = coalesce(u.d, ${date})::date
        FROM unnest(${pgTextArray(rows.map((r) => r.targetId))}::text[], ${pgTextArray(rows.map((r) => r.tier))}::text[],
                    ${pgTextArray(rows.map((r) => (r.prefer ? 't' : 'f')))}::boolean[], ${pgTextArray(rows.map((r) => r.date ?? null))}::text[]) AS u(id, tier, prefer, d)
        WHERE t.id = u.id
          AND (u.prefer OR NOT EXISTS (SELECT 1 FROM ${other} o WHERE o.target_id = t.id))
          AND (t.risk_tier IS DISTINCT FROM u.tier OR t.tier_source IS DISTINCT FROM ${source})`,
  );
}

export interface ImportedTierWrite {
  readonly targetId: string;
  readonly tier: string;
  readonly ratedOn: string;
  readonly source: string;
}

const upsertCounts = z.object({ added: z.coerce.number(), updated: z.coerce.number() });

/** Upsert imported tiers; unchanged rows (same tier, date and source) are not rewritten. */
export async function upsertImportedTiers(
  tx: Db,
  rows: readonly ImportedTierWrite[],
  meta: { jobId: string | null; at: Date },
): Promise<{ added: number; updated: number }> {
  if (rows.length === 0) {
    return { added: 0, updated: 0 };
  }
  const col = (f: (r: ImportedTierWrite) => string): string => pgTextArray(rows.map(f));
  const c = await queryOne(
    tx,
    sql`WITH up AS (
          INSERT INTO target_imported_tiers AS it (target_id, tier, rated_on, source, import_job_id, imported_at)
          SELECT u.id, u.tier, u.d::date, u.src, ${meta.jobId}::uuid, ${meta.at.toISOString()}::timestamptz
          FROM unnest(${col((r) => r.targetId)}::text[], ${col((r) => r.tier)}::text[], ${col((r) => r.ratedOn)}::text[], ${col((r) => r.source)}::text[]) AS u(id, tier, d, src)
          ON CONFLICT (target_id) DO UPDATE SET tier = EXCLUDED.tier, rated_on = EXCLUDED.rated_on, source = EXCLUDED.source,
            import_job_id = EXCLUDED.import_job_id, imported_at = EXCLUDED.imported_at
          WHERE (it.tier, it.rated_on, it.source) IS DISTINCT FROM (EXCLUDED.tier, EXCLUDED.rated_on, EXCLUDED.source)
          RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted)::int AS added, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
    upsertCounts,
  );
  return { added: c?.added ?? 0, updated: c?.updated ?? 0 };
}

/** Imported risk facts of one target; null = the file left the cell blank (keep the stored value). */
export interface RiskFactsWrite {
  readonly targetId: string;
  readonly registeredOn: string | null;
  readonly abnormalListed: boolean | null;
  readonly penalties3y: number | null;
  readonly complaints12m: number | null;
  readonly annualReportOverdue: boolean | null;
  readonly dataDate: string | null;
}

/**
 * Upsert imported risk facts in one statement: a null keeps the stored value (a new row takes
 * the column default), and rows whose facts would not change are not rewritten.
 */
export async function upsertRiskFacts(
  tx: Db,
  rows: readonly RiskFactsWrite[],
  at: Date,
): Promise<{ added: number; updated: number }> {
  if (rows.length === 0) {
    return { added: 0, updated: 0 };
  }
  const col = (f: (r: RiskFactsWrite) => string | null): string => pgTextArray(rows.map(f));
  const flag = (b: boolean | null): string | null => (b === null ? null : b ? 't' : 'f');
  const num = (n: number | null): string | null => (n === null ? null : String(n));
  // Both CTEs see the table as it was before the statement: existing rows are updated, new ones inserted.
  const c = await queryOne(
    tx,
    sql`WITH u AS (
          SELECT * FROM unnest(${col((r) => r.targetId)}::text[], ${col((r) => r.registeredOn)}::date[],
                               ${col((r) => flag(r.abnormalListed))}::boolean[], ${col((r) => num(r.penalties3y))}::int[],
                               ${col((r) => num(r.complaints12m))}::int[], ${col((r) => flag(r.annualReportOverdue))}::boolean[],
                               ${col((r) => r.dataDate)}::date[]) AS u(id, reg, ab, pen, comp, ovd, dd)),
        upd AS (
          UPDATE target_risk_facts f SET registered_on = coalesce(u.reg, f.registered_on),
            abnormal_listed = coalesce(u.ab, f.abnormal_listed), penalties_3y = coalesce(u.pen, f.penalties_3y),
            complaints_12m = coalesce(u.comp, f.complaints_12m), annual_report_overdue = coalesce(u.ovd, f.annual_report_overdue),
            data_date = coalesce(u.dd, f.data_date), updated_at = ${at.toISOString()}::timestamptz
          FROM u
          WHERE f.target_id = u.id
            AND (f.registered_on, f.abnormal_listed, f.penalties_3y, f.complaints_12m, f.annual_report_overdue, f.data_date)
              IS DISTINCT FROM (coalesce(u.reg, f.registered_on), coalesce(u.ab, f.abnormal_listed), coalesce(u.pen, f.penalties_3y),
                                coalesce(u.comp, f.complaints_12m), coalesce(u.ovd, f.annual_report_overdue), coalesce(u.dd, f.data_date))
          RETURNING f.target_id),
        ins AS (
          INSERT INTO target_risk_facts (target_id, registered_on, abnormal_listed, penalties_3y, complaints_12m,
                                         annual_report_overdue, data_date, updated_at)
          SELECT u.id, u.reg, coalesce(u.ab, false), coalesce(u.pen, 0), coalesce(u.comp, 0), coalesce(u.ovd, false), u.dd,
                 ${at.toISOString()}::timestamptz
          FROM u WHERE NOT EXISTS (SELECT 1 FROM target_risk_facts f WHERE f.target_id = u.id)
          RETURNING target_id)
        SELECT (SELECT count(*) FROM ins)::int AS added, (SELECT count(*) FROM upd)::int AS updated`,
    upsertCounts,
  );
  return { added: c?.added ?? 0, updated: c?.updated ?? 0 };
}

const existingRow = z.object({ id: z.string(), division_code: z.string() });

/** Which of these target ids exist, with their division. */
export async function targetDivisions(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await queryRows(
    db,
    sql`SELECT id, division_code FROM targets WHERE id = ANY(${pgTextArray(ids)}::text[])`,
    existingRow,
  );
  return new Map(rows.map((r) => [r.id, r.division_code]));
}

const explainRow = z.object({
  id: z.string(),
  name: z.string(),
  division_code: z.string(),
  industry_code: z.string().nullable(),
  status: z.string(),
  risk_tier: z.string().nullable(),
  tier_source: z.string().nullable(),
  tier_date: z.string().nullable(),
  score: z.string().nullable(),
  computed_tier: z.string().nullable(),
  indicators: z.unknown(),
  model_version: z.string().nullable(),
  as_of: z.string().nullable(),
  computed_at: z.coerce.string().nullable(),
  imported_tier: z.string().nullable(),
  rated_on: z.string().nullable(),
  imported_source: z.string().nullable(),
  imported_at: z.coerce.string().nullable(),
});
export type ExplainRow = z.infer<typeof explainRow>;

/** One target with its effective, computed and imported tiers. */
export async function findTargetRisk(db: Db, id: string): Promise<ExplainRow | undefined> {
  return queryOne(
    db,
    sql`SELECT t.id, t.name, t.division_code, t.industry_code, t.status, t.risk_tier, t.tier_source, t.tier_date::text AS tier_date,
          s.score::text AS score, s.tier AS computed_tier, s.indicators, s.model_version, s.as_of::text AS as_of, s.computed_at,
          it.tier AS imported_tier, it.rated_on::text AS rated_on, it.source AS imported_source, it.imported_at
        FROM targets t
        LEFT JOIN target_risk_scores s ON s.target_id = t.id
        LEFT JOIN target_imported_tiers it ON it.target_id = t.id
        WHERE t.id = ${id} OR t.uscc = ${id}
        LIMIT 1`,
    explainRow,
  );
}

/** How many targets a scoring run over `region` covers. */
export async function countRegionTargets(db: Db, region: string): Promise<number> {
  const row = await queryOne(
    db,
    sql`SELECT count(*) AS n FROM targets t WHERE ${regionTargets(region)}`,
    z.object({ n: z.coerce.number() }),
  );
  return row?.n ?? 0;
}
