/**
 * Dashboard metrics as SQL aggregation (issue 6: 1 M inspections in ≤ 1 s on PostgreSQL): tasks,
 * inspections, joint share and visits, problem discovery, item coverage, follow-up closure and
 * inspector workload, per department (lead and participating departments) for a region and period.
 */
import { isProblemCategory, RESULT_CATEGORIES } from '@openssj/core';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryRows, pgTextArray } from '../../db/sql';
import { divisionRange } from '../../db/target-filter';

/** Which tasks a metric counts: a region ('all' or 6 digits), an optional department, a window-start range. */
export interface MetricsScope {
  readonly region: string;
  readonly department: string | null;
  readonly from: string;
  readonly to: string;
}

const PROBLEM = pgTextArray(RESULT_CATEGORIES.filter(isProblemCategory));
const n = z.coerce.number();

/**
 * Each task in scope with each of its departments (lead + non-declined participants):
 * `st(task_id, dept, ndept, joint, sided)`. A sided task is a cross-region task whose departments
 * lie in more than one region: each of its visits belongs to one side (core `sideOfTarget`).
 */
export function scopedTasks(s: MetricsScope): SQL {
  const r = s.region === 'all' ? null : divisionRange(s.region);
  const inRegion = r === null ? sql`true` : sql`d.region_code BETWEEN ${r.lo} AND ${r.hi}`;
  const inDept = s.department === null ? sql`true` : sql`m.dept = ${s.department}`;
  return sql`st AS (
    SELECT m.task_id, m.dept, m.ndept, m.ndept > 1 OR m.cross_region AS joint, m.sided
    FROM (
      SELECT k.id AS task_id, x.dept, k.cross_region,
        1 + (SELECT count(*) FROM task_participants p WHERE p.task_id = k.id AND p.status <> 'declined') AS ndept,
        k.cross_region AND (SELECT count(DISTINCT dd.region_code) FROM departments dd
          WHERE dd.code = k.lead_department_code
             OR dd.code IN (SELECT p.department_code FROM task_participants p WHERE p.task_id = k.id AND p.status <> 'declined')) > 1 AS sided
      FROM tasks k
      CROSS JOIN LATERAL (
        SELECT k.lead_department_code AS dept
        UNION SELECT p.department_code FROM task_participants p WHERE p.task_id = k.id AND p.status <> 'declined'
      ) x
      -- a task merged into a joint task is not carried out: the joint task counts instead
      WHERE k.window_start BETWEEN ${s.from}::date AND ${s.to}::date AND k.status <> 'merged'
    ) m JOIN departments d ON d.code = m.dept
    WHERE ${inRegion} AND ${inDept})`;
}

const taskRow = z.object({
  task_id: z.string(),
  depts: z.array(z.string()),
  ndept: n,
  joint: z.boolean(),
  sided: z.boolean(),
  inspections: n,
  /** Of the inspections, those made remotely (非现场检查, issue 15): no door was knocked on. */
  remote: n,
  with_results: n,
  with_problem: n,
});
export type TaskCounts = z.infer<typeof taskRow>;

/*
 * The counting below reads the rollup tables (rollup_task_*), which triggers keep in step with
 * inspections, inspection_results and follow_ups (migration 0010), so a dashboard reads a few rows
 * per task instead of every inspection. `rollupDrift` recomputes them from the base tables.
 */

/**
 * Per task in scope: its departments (lead + non-declined participants), whether it is joint, and its
 * inspections made, those with results and those with a problem. The per-department and overall sums
 * are over tasks (hundreds a year), so they run in the service.
 */
export async function taskCounts(db: Db, s: MetricsScope): Promise<TaskCounts[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)},
      t1 AS (SELECT task_id, array_agg(dept ORDER BY dept) AS depts, max(ndept) AS ndept, bool_or(joint) AS joint, bool_or(sided) AS sided
             FROM st GROUP BY task_id),
      per_task AS (
        SELECT m.task_id, sum(m.inspections) AS inspections, sum(m.with_results) AS with_results, sum(m.with_problem) AS with_problem
        FROM rollup_task_months m WHERE m.task_id IN (SELECT task_id FROM t1)
        GROUP BY m.task_id),
      -- remote inspections are few: the partial index inspections_remote_idx finds them per task
      rem AS (
        SELECT i.task_id, count(*) AS remote FROM inspections i
        WHERE i.method <> 'onsite' AND i.status <> 'cancelled' AND i.task_id IN (SELECT task_id FROM t1)
        GROUP BY i.task_id)
    SELECT t1.task_id, t1.depts, t1.ndept, t1.joint, t1.sided, coalesce(pt.inspections, 0) AS inspections,
      coalesce(rem.remote, 0) AS remote,
      coalesce(pt.with_results, 0) AS with_results, coalesce(pt.with_problem, 0) AS with_problem
    FROM t1 LEFT JOIN per_task pt ON pt.task_id = t1.task_id LEFT JOIN rem ON rem.task_id = t1.task_id
    ORDER BY t1.task_id`,
    taskRow,
  );
}

const sidedRow = z.object({
  task_id: z.string(),
  division_code: z.string(),
  inspections: n,
  remote: n,
  with_results: n,
  with_problem: n,
});

/** Inspections of sided (cross-region) tasks per target division, to split them between the sides. */
export async function sidedTaskDivisions(
  db: Db,
  taskIds: readonly string[],
): Promise<z.infer<typeof sidedRow>[]> {
  return queryRows(
    db,
    sql`SELECT i.task_id, t.division_code, count(*) AS inspections,
        count(*) FILTER (WHERE i.method <> 'onsite') AS remote,
        count(*) FILTER (WHERE cardinality(i.result_categories) > 0) AS with_results,
        count(*) FILTER (WHERE i.result_categories && ${PROBLEM}::text[]) AS with_problem
      FROM inspections i JOIN targets t ON t.id = i.target_id
      WHERE i.task_id = ANY(${pgTextArray(taskIds)}::text[]) AND i.status <> 'cancelled'
      GROUP BY 1, 2 ORDER BY 1, 2`,
    sidedRow,
  );
}

const coverageRow = z.object({ dept: z.string(), items: n, inspected: n });

/** Item-list coverage per department: its published items, and those with a result in the period's inspections. */
export async function itemCoverage(db: Db, s: MetricsScope): Promise<z.infer<typeof coverageRow>[]> {
  const r = s.region === 'all' ? null : divisionRange(s.region);
  const inRegion = r === null ? sql`true` : sql`d.region_code BETWEEN ${r.lo} AND ${r.hi}`;
  const inDept = s.department === null ? sql`true` : sql`d.code = ${s.department}`;
  return queryRows(
    db,
    sql`WITH seen AS (
        SELECT DISTINCT ri.item_id FROM rollup_task_items ri JOIN tasks k ON k.id = ri.task_id
        WHERE ri.inspections > 0 AND k.window_start BETWEEN ${s.from}::date AND ${s.to}::date)
      SELECT d.code AS dept, count(it.id) AS items, count(seen.item_id) AS inspected
      FROM departments d JOIN inspection_items it ON it.department_code = d.code AND it.published
      LEFT JOIN seen ON seen.item_id = it.id
      WHERE ${inRegion} AND ${inDept}
      GROUP BY d.code ORDER BY d.code`,
    coverageRow,
  );
}

const followRow = z.object({ dept: z.string(), total: n, closed: n });

/** Follow-up closure per department, for follow-ups of the period's inspections. */
export async function followUpClosure(db: Db, s: MetricsScope): Promise<z.infer<typeof followRow>[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)}
      SELECT f.department_code AS dept, sum(f.total) AS total, sum(f.closed) AS closed
      FROM rollup_task_follow_ups f
      WHERE f.task_id IN (SELECT task_id FROM st) AND f.department_code IN (SELECT dept FROM st)
      GROUP BY f.department_code HAVING sum(f.total) > 0 ORDER BY 1`,
    followRow,
  );
}

const workloadRow = z.object({ inspector: z.string(), visits: n });

/** Visits per inspector (badge) over the period's inspections. */
export async function inspectorWorkload(db: Db, s: MetricsScope): Promise<z.infer<typeof workloadRow>[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)}
      SELECT w.inspector, sum(w.visits) AS visits
      FROM rollup_task_inspectors w
      WHERE w.task_id IN (SELECT task_id FROM st)
      GROUP BY w.inspector HAVING sum(w.visits) > 0 ORDER BY visits DESC, w.inspector`,
    workloadRow,
  );
}

const monthRow = z.object({ month: z.string(), inspections: n, with_problem: n });

/** Inspections per month (of the visit, else the task's start, China time), with those that found a problem. */
export async function monthlyInspections(db: Db, s: MetricsScope): Promise<z.infer<typeof monthRow>[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)},
      t1 AS (SELECT DISTINCT st.task_id, k.window_start FROM st JOIN tasks k ON k.id = st.task_id)
      SELECT CASE WHEN m.month = '' THEN to_char(t1.window_start, 'YYYY-MM') ELSE m.month END AS month,
        sum(m.inspections) AS inspections, sum(m.with_problem) AS with_problem
      FROM rollup_task_months m JOIN t1 ON t1.task_id = m.task_id
      GROUP BY 1 HAVING sum(m.inspections) > 0 ORDER BY 1`,
    monthRow,
  );
}

const categoryRow = z.object({ category: z.string(), inspections: n });

/** Inspections per result category (an inspection counts once per category it recorded). */
export async function categoryCounts(db: Db, s: MetricsScope): Promise<z.infer<typeof categoryRow>[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)}
      SELECT c.category, sum(c.inspections) AS inspections
      FROM rollup_task_categories c
      WHERE c.task_id IN (SELECT task_id FROM st)
      GROUP BY 1 HAVING sum(c.inspections) > 0 ORDER BY 2 DESC, 1`,
    categoryRow,
  );
}

const taskDueRow = z.object({
  id: z.string(),
  dept: z.string(),
  window_end: z.string(),
  results_published_at: z.coerce.date().nullable(),
});

/** Tasks in scope with their end and results publication, for on-time publication (deadline in core). */
export async function tasksForPublication(db: Db, s: MetricsScope): Promise<z.infer<typeof taskDueRow>[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)}
      SELECT k.id, st.dept, k.window_end::text AS window_end, k.results_published_at
      FROM st JOIN tasks k ON k.id = st.task_id
      WHERE EXISTS (SELECT 1 FROM rollup_task_months m WHERE m.task_id = k.id AND m.inspections > 0)
      ORDER BY k.id LIMIT 20000`,
    taskDueRow,
  );
}

const driftRow = z.object({ rollup: z.string(), rows: n });

/**
 * Rollup rows that differ from a recount over the base tables (zero rows and missing rows are the
 * same), per rollup. Empty when the triggers kept every rollup in step. Reads every inspection:
 * for tests and `ssj rollups check`, not for requests.
 */
export async function rollupDrift(db: Db): Promise<{ rollup: string; rows: number }[]> {
  const rows = await queryRows(
    db,
    sql`WITH
      m AS (SELECT task_id, coalesce(to_char(visited_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), '') AS month, count(*)::int AS a,
              (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.id)))::int AS b,
              (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.id AND r.category = ANY(${PROBLEM}::text[]))))::int AS c
            FROM inspections i WHERE status <> 'cancelled' GROUP BY 1, 2),
      w AS (SELECT i.task_id, x AS inspector, count(*)::int AS v FROM inspections i CROSS JOIN LATERAL unnest(i.inspectors) x
            WHERE i.status <> 'cancelled' GROUP BY 1, 2),
      c AS (SELECT i.task_id, r.category, count(DISTINCT i.id)::int AS v FROM inspections i JOIN inspection_results r ON r.inspection_id = i.id
            WHERE i.status <> 'cancelled' GROUP BY 1, 2),
      it AS (SELECT i.task_id, r.item_id, count(DISTINCT i.id)::int AS v FROM inspections i JOIN inspection_results r ON r.inspection_id = i.id
            WHERE i.status <> 'cancelled' GROUP BY 1, 2),
      f AS (SELECT i.task_id, f.department_code, count(*)::int AS t, (count(*) FILTER (WHERE f.status = 'closed'))::int AS c
            FROM follow_ups f JOIN inspections i ON i.id = f.inspection_id GROUP BY 1, 2),
      rm AS (SELECT task_id, month, inspections AS a, with_results AS b, with_problem AS c FROM rollup_task_months WHERE (inspections, with_results, with_problem) <> (0, 0, 0)),
      rw AS (SELECT task_id, inspector, visits AS v FROM rollup_task_inspectors WHERE visits <> 0),
      rc AS (SELECT task_id, category, inspections AS v FROM rollup_task_categories WHERE inspections <> 0),
      rit AS (SELECT task_id, item_id, inspections AS v FROM rollup_task_items WHERE inspections <> 0),
      rf AS (SELECT task_id, department_code, total AS t, closed AS c FROM rollup_task_follow_ups WHERE (total, closed) <> (0, 0))
    SELECT 'rollup_task_months' AS rollup, count(*) AS rows FROM ((TABLE m EXCEPT TABLE rm) UNION ALL (TABLE rm EXCEPT TABLE m)) d
    UNION ALL SELECT 'rollup_task_inspectors', count(*) FROM ((TABLE w EXCEPT TABLE rw) UNION ALL (TABLE rw EXCEPT TABLE w)) d
    UNION ALL SELECT 'rollup_task_categories', count(*) FROM ((TABLE c EXCEPT TABLE rc) UNION ALL (TABLE rc EXCEPT TABLE c)) d
    UNION ALL SELECT 'rollup_task_items', count(*) FROM ((TABLE it EXCEPT TABLE rit) UNION ALL (TABLE rit EXCEPT TABLE it)) d
    UNION ALL SELECT 'rollup_task_follow_ups', count(*) FROM ((TABLE f EXCEPT TABLE rf) UNION ALL (TABLE rf EXCEPT TABLE f)) d`,
    driftRow,
  );
  return rows.filter((r) => r.rows > 0);
}

/**
 * Recount every rollup from the base tables (the migration's backfill), in the caller's transaction:
 * the repair when `rollupDrift` finds a difference, e.g. after rows were changed with triggers disabled.
 */
export async function rebuildRollups(tx: Db): Promise<void> {
  await tx.execute(sql`UPDATE inspections i SET result_categories = coalesce(x.cats, '{}'), result_items = coalesce(x.items, '{}')
    FROM inspections j LEFT JOIN (SELECT inspection_id, array_agg(DISTINCT category ORDER BY category) AS cats,
        array_agg(DISTINCT item_id ORDER BY item_id) AS items FROM inspection_results GROUP BY inspection_id) x ON x.inspection_id = j.id
    WHERE i.id = j.id AND (i.result_categories, i.result_items) IS DISTINCT FROM (coalesce(x.cats, '{}'), coalesce(x.items, '{}'))`);
  await tx.execute(sql`DELETE FROM rollup_task_months`);
  await tx.execute(sql`DELETE FROM rollup_task_inspectors`);
  await tx.execute(sql`DELETE FROM rollup_task_categories`);
  await tx.execute(sql`DELETE FROM rollup_task_items`);
  await tx.execute(sql`DELETE FROM rollup_task_follow_ups`);
  await tx.execute(sql`INSERT INTO rollup_task_months (task_id, month, inspections, with_results, with_problem)
    SELECT task_id, coalesce(to_char(visited_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), ''), count(*),
      count(*) FILTER (WHERE cardinality(result_categories) > 0), count(*) FILTER (WHERE result_categories && ssj_problem_categories())
    FROM inspections WHERE status <> 'cancelled' GROUP BY 1, 2`);
  await tx.execute(sql`INSERT INTO rollup_task_inspectors (task_id, inspector, visits)
    SELECT i.task_id, w, count(*) FROM inspections i CROSS JOIN LATERAL unnest(i.inspectors) AS w
    WHERE i.status <> 'cancelled' GROUP BY 1, 2`);
  await tx.execute(sql`INSERT INTO rollup_task_categories (task_id, category, inspections)
    SELECT i.task_id, c, count(*) FROM inspections i CROSS JOIN LATERAL unnest(i.result_categories) AS c
    WHERE i.status <> 'cancelled' GROUP BY 1, 2`);
  await tx.execute(sql`INSERT INTO rollup_task_items (task_id, item_id, inspections)
    SELECT i.task_id, it, count(*) FROM inspections i CROSS JOIN LATERAL unnest(i.result_items) AS it
    WHERE i.status <> 'cancelled' GROUP BY 1, 2`);
  await tx.execute(sql`INSERT INTO rollup_task_follow_ups (task_id, department_code, total, closed)
    SELECT i.task_id, f.department_code, count(*), count(*) FILTER (WHERE f.status = 'closed')
    FROM follow_ups f JOIN inspections i ON i.id = f.inspection_id GROUP BY 1, 2`);
}

export { PROBLEM as PROBLEM_CATEGORIES_SQL };
