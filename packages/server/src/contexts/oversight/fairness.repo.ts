/**
 * The fairness monitor's sums (issue 6), for services/fairness.service.ts: per target, its
 * selection count and its frame memberships' probabilities over a year's draws in a region, and
 * inspector–target pairs visited together at least twice. Each query runs in its own transaction
 * with room to aggregate in memory; the two run side by side on separate connections.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/sql';
import { divisionRange } from '../../db/target-filter';

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

/** Runs `run` in a transaction with work_mem raised for the aggregates. */
async function roomy<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    return run(tx);
  });
}

/**
 * The year's sums for a region ('all' or a division code): one row per target drawn more often
 * than expected (the first row also carries the totals over every target in a frame), and the
 * repeated inspector–target pairs.
 */
export async function fairnessSums(db: Db, region: string, year: number) {
  const base = yearDraws(region, year);
  // spec: the overall statistic covers every target in a frame, drawn or not: Σ (O − E)² / V, df = targets with V > 0.
  const [targetRows, pairRows] = await Promise.all([
    roomy(db, (tx) =>
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
    roomy(db, (tx) => pairCounts(tx, base)),
  ]);
  return { targetRows, pairRows };
}
