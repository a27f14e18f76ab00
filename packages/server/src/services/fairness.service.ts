/**
 * The fairness monitor (issue 6): across a year's draws, each target's selection count against
 * chance given its frame memberships (p = sample size ÷ frame size of each stratum it was in),
 * and repeated inspector–target pairs against the inspector's share of visits. Sums run in SQL;
 * the exact tail probabilities (statistics in core) run on the targets drawn at least once.
 */
import {
  chiSquareSurvival,
  ok,
  pairFairness,
  targetFairness,
  type DomainError,
  type Result,
} from '@openssj/core';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { divisionRange } from '../db/repos/target-filter';
import type { Db } from '../db/client';
import { queryRows } from '../db/sql';
import type { ServiceDeps } from './context';
import { metricsScope } from './metrics.service';
import { riskRegionSchema } from './risk-access';

export const fairnessQuerySchema = z.object({
  region: riskRegionSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  alpha: z.coerce.number().gt(0).max(0.2).default(0.01),
});

const flagged = z.object({ statistic: z.number(), pValue: z.number() });
export const fairnessSchema = z.object({
  region: z.string(),
  year: z.number(),
  alpha: z.number(),
  draws: z.number(),
  targets: z.object({
    inFrames: z.number(),
    selected: z.number(),
    statistic: z.number(),
    df: z.number(),
    pValue: z.number(),
    flagged: z.number(),
  }),
  targetOutliers: z.array(
    flagged.extend({
      targetId: z.string(),
      name: z.string().nullable(),
      draws: z.number(),
      observed: z.number(),
      expected: z.number(),
    }),
  ),
  pairs: z.object({ repeated: z.number(), flagged: z.number() }),
  pairOutliers: z.array(
    flagged.omit({ statistic: true }).extend({
      inspectorId: z.string(),
      targetId: z.string(),
      together: z.number(),
      targetVisits: z.number(),
      share: z.number(),
      expected: z.number(),
    }),
  ),
});
export type FairnessReport = z.infer<typeof fairnessSchema>;

const n = z.coerce.number();
const MAX_ROWS = 20_000;

function yearDraws(region: string, year: number): SQL {
  const r = region === 'all' ? null : divisionRange(region);
  const inRegion = r === null ? sql`true` : sql`d.region_code BETWEEN ${r.lo} AND ${r.hi}`;
  return sql`yd AS (
      SELECT dr.id, dr.strata FROM draws dr JOIN tasks k ON k.id = dr.task_id JOIN departments d ON d.code = k.lead_department_code
      WHERE dr.status = 'drawn' AND extract(year FROM dr.drawn_at AT TIME ZONE 'Asia/Shanghai') = ${year} AND ${inRegion}),
    sp AS (
      SELECT yd.id AS draw_id, s->>'name' AS stratum, (s->>'sampleSize')::float8 / nullif((s->>'frameSize')::float8, 0) AS p
      FROM yd CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(yd.strata) = 'array' THEN yd.strata ELSE '[]'::jsonb END) s),
    obs AS (SELECT i.target_id, count(*) AS observed FROM inspections i WHERE i.draw_id IN (SELECT id FROM yd) GROUP BY 1),
    mem AS (
      SELECT f.target_id, array_agg(least(1, sp.p)) AS ps, sum(least(1, sp.p)) AS e, sum(least(1, sp.p) * (1 - least(1, sp.p))) AS v
      FROM draw_frames f JOIN sp ON sp.draw_id = f.draw_id AND sp.stratum = f.stratum WHERE sp.p IS NOT NULL GROUP BY f.target_id)`;
}

/** Inspector–target pairs visited together at least twice in the year's draws, with each inspector's share of its department's visits. */
async function pairCounts(db: Db, base: SQL) {
  return queryRows(
    db,
    sql`WITH ${base},
      v AS (SELECT i.id, i.target_id, w.badge FROM inspections i CROSS JOIN LATERAL unnest(i.inspectors) AS w(badge) WHERE i.draw_id IN (SELECT id FROM yd)),
      badges AS (SELECT DISTINCT ON (badge_no) badge_no, department_code FROM inspectors WHERE badge_no IS NOT NULL ORDER BY badge_no, id),
      dv AS (SELECT v.id, v.target_id, v.badge, coalesce(b.department_code, '') AS dept FROM v LEFT JOIN badges b ON b.badge_no = v.badge),
      per_inspector AS (SELECT badge, dept, count(*) AS visits FROM dv GROUP BY 1, 2),
      per_dept AS (SELECT dept, count(DISTINCT id) AS visits FROM dv GROUP BY 1),
      tv AS (SELECT target_id, count(*) AS visits FROM inspections WHERE draw_id IN (SELECT id FROM yd) GROUP BY 1),
      pairs AS (SELECT badge, dept, target_id, count(*) AS together FROM dv GROUP BY 1, 2, 3 HAVING count(*) >= 2)
      SELECT p.badge, p.target_id, p.together, tv.visits AS target_visits, pi.visits::float8 / nullif(pd.visits, 0) AS share
      FROM pairs p JOIN tv ON tv.target_id = p.target_id JOIN per_inspector pi ON pi.badge = p.badge AND pi.dept = p.dept JOIN per_dept pd ON pd.dept = p.dept
      ORDER BY p.together DESC, p.badge, p.target_id LIMIT ${MAX_ROWS}`,
    z.object({
      badge: z.string(),
      target_id: z.string(),
      together: n,
      target_visits: n,
      share: n.nullable(),
    }),
  );
}

/** The year's fairness report for a region: overall chi-square, outlying targets and inspector–target pairs. */
export async function fairnessReport(
  deps: ServiceDeps,
  actor: Actor,
  q: z.infer<typeof fairnessQuerySchema>,
): Promise<Result<FairnessReport, DomainError>> {
  const sc = metricsScope(actor, { year: q.year, ...(q.region === undefined ? {} : { region: q.region }) });
  if (!sc.ok) {
    return sc;
  }
  const region = sc.value.region;
  const db = deps.database.db;
  const base = yearDraws(region, q.year);
  // spec: the overall statistic covers every target in a frame, drawn or not: Σ (O − E)² / V, df = targets with V > 0.
  // One pass over the frames gives the totals and the targets drawn more often than expected; the pair
  // counts run beside it on another connection. Each is one transaction with room to aggregate in memory.
  const roomy = async <T>(run: (tx: Db) => Promise<T>): Promise<T> =>
    db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
      return run(tx);
    });
  const targetRow = z.object({
    draws: n,
    in_frames: n,
    selected: n,
    statistic: n,
    df: n,
    target_id: z.string().nullable(),
    ps: z.array(n).nullable(),
    observed: n.nullable(),
    name: z.string().nullable(),
  });
  const [targetRows, pairRows] = await Promise.all([
    roomy((tx) =>
      queryRows(
        tx,
        sql`WITH ${base},
          j AS MATERIALIZED (SELECT m.target_id, m.ps, m.e, m.v, coalesce(o.observed, 0) AS observed FROM mem m LEFT JOIN obs o ON o.target_id = m.target_id),
          tot AS (SELECT (SELECT count(*) FROM yd) AS draws, count(*) AS in_frames, count(*) FILTER (WHERE observed > 0) AS selected,
                    coalesce(sum((observed - e) ^ 2 / v) FILTER (WHERE v > 0), 0) AS statistic, count(*) FILTER (WHERE v > 0) AS df FROM j),
          top AS (SELECT target_id, ps, observed, row_number() OVER (ORDER BY (observed - e) ^ 2 / nullif(v, 0) DESC NULLS LAST, target_id) AS rk
                  FROM j WHERE observed > e ORDER BY rk LIMIT ${MAX_ROWS})
          SELECT tot.draws, tot.in_frames, tot.selected, tot.statistic, tot.df, top.target_id, top.ps, top.observed, t.name
          FROM tot LEFT JOIN top ON true LEFT JOIN targets t ON t.id = top.target_id ORDER BY top.rk`,
        targetRow,
      ),
    ),
    roomy((tx) => pairCounts(tx, base)),
  ]);
  const totals = targetRows[0];
  const drawn = targetRows.flatMap((r) =>
    r.target_id === null || r.ps === null || r.observed === null
      ? []
      : [{ target_id: r.target_id, ps: r.ps, observed: r.observed, name: r.name }],
  );
  const names = new Map(drawn.map((d) => [d.target_id, d.name]));
  const tested = targetFairness(
    drawn.map((d) => ({ targetId: d.target_id, probabilities: d.ps, observed: d.observed })),
    q.alpha,
  );
  const pairs = pairFairness(
    pairRows.map((p) => ({
      inspectorId: p.badge,
      targetId: p.target_id,
      together: p.together,
      targetVisits: p.target_visits,
      share: p.share ?? 1,
    })),
    q.alpha,
  );
  const t = totals ?? { draws: 0, in_frames: 0, selected: 0, statistic: 0, df: 0 };
  return ok({
    region,
    year: q.year,
    alpha: q.alpha,
    draws: t.draws,
    targets: {
      inFrames: t.in_frames,
      selected: t.selected,
      statistic: t.statistic,
      df: t.df,
      pValue: t.df === 0 ? 1 : chiSquareSurvival(t.statistic, t.df),
      flagged: tested.summary.flagged,
    },
    targetOutliers: tested.rows
      .filter((r) => r.flagged)
      .sort((a, b) => a.pValue - b.pValue)
      .slice(0, 200)
      .map((r) => ({
        targetId: r.targetId,
        name: names.get(r.targetId) ?? null,
        draws: r.draws,
        observed: r.observed,
        expected: r.expected,
        statistic: r.statistic,
        pValue: r.pValue,
      })),
    pairs: { repeated: pairs.length, flagged: pairs.filter((p) => p.flagged).length },
    pairOutliers: pairs
      .filter((p) => p.flagged)
      .sort((a, b) => a.pValue - b.pValue)
      .slice(0, 200)
      .map((p) => ({
        inspectorId: p.inspectorId,
        targetId: p.targetId,
        together: p.together,
        targetVisits: p.targetVisits,
        share: p.share,
        expected: p.expected,
        pValue: p.pValue,
      })),
  });
}
