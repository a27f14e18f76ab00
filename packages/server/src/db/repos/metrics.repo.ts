/**
 * Dashboard metrics as SQL aggregation (issue 6: 1 M inspections in ≤ 1 s on PostgreSQL): tasks,
 * inspections, joint share and visits, problem discovery, item coverage, follow-up closure and
 * inspector workload, per department (lead and participating departments) for a region and period.
 */
import { isProblemCategory, RESULT_CATEGORIES } from '@openssj/core';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client';
import { queryRows } from '../sql';
import { divisionRange } from './target-filter';
import { pgTextArray } from './target.repo';

/** Which tasks a metric counts: a region ('all' or 6 digits), an optional department, a window-start range. */
export interface MetricsScope {
  readonly region: string;
  readonly department: string | null;
  readonly from: string;
  readonly to: string;
}

const PROBLEM = pgTextArray(RESULT_CATEGORIES.filter(isProblemCategory));
const n = z.coerce.number();

/** Each task in scope with each of its departments (lead + non-declined participants): `st(task_id, dept, ndept, joint)`. */
export function scopedTasks(s: MetricsScope): SQL {
  const r = s.region === 'all' ? null : divisionRange(s.region);
  const inRegion = r === null ? sql`true` : sql`d.region_code BETWEEN ${r.lo} AND ${r.hi}`;
  const inDept = s.department === null ? sql`true` : sql`m.dept = ${s.department}`;
  return sql`st AS (
    SELECT m.task_id, m.dept, m.ndept, m.ndept > 1 OR m.cross_region AS joint
    FROM (
      SELECT k.id AS task_id, x.dept, k.cross_region,
        1 + (SELECT count(*) FROM task_participants p WHERE p.task_id = k.id AND p.status <> 'declined') AS ndept
      FROM tasks k
      CROSS JOIN LATERAL (
        SELECT k.lead_department_code AS dept
        UNION SELECT p.department_code FROM task_participants p WHERE p.task_id = k.id AND p.status <> 'declined'
      ) x
      WHERE k.window_start BETWEEN ${s.from}::date AND ${s.to}::date
    ) m JOIN departments d ON d.code = m.dept
    WHERE ${inRegion} AND ${inDept})`;
}

/** Results rolled up per inspection in one hash aggregate (`ir(inspection_id, problem)`), cheaper than a lookup per inspection. */
const RESULTS_ROLLUP = sql`ir AS (SELECT inspection_id, bool_or(category = ANY(${PROBLEM}::text[])) AS problem FROM inspection_results GROUP BY inspection_id)`;

const taskRow = z.object({
  task_id: z.string(),
  depts: z.array(z.string()),
  ndept: n,
  joint: z.boolean(),
  inspections: n,
  with_results: n,
  with_problem: n,
});
export type TaskCounts = z.infer<typeof taskRow>;

/**
 * Per task in scope: its departments (lead + non-declined participants), whether it is joint, and its
 * inspections made, those with results and those with a problem. One pass over the inspections; the
 * per-department and overall sums are over tasks (hundreds a year), so they run in the service.
 */
export async function taskCounts(db: Db, s: MetricsScope): Promise<TaskCounts[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)}, ${RESULTS_ROLLUP},
      t1 AS (SELECT task_id, array_agg(dept ORDER BY dept) AS depts, max(ndept) AS ndept, bool_or(joint) AS joint FROM st GROUP BY task_id),
      per_task AS (
        SELECT i.task_id, count(*) AS inspections, count(ir.inspection_id) AS with_results, count(*) FILTER (WHERE ir.problem) AS with_problem
        FROM inspections i LEFT JOIN ir ON ir.inspection_id = i.id
        WHERE i.status <> 'cancelled' AND i.task_id IN (SELECT task_id FROM t1)
        GROUP BY i.task_id)
    SELECT t1.task_id, t1.depts, t1.ndept, t1.joint, coalesce(pt.inspections, 0) AS inspections,
      coalesce(pt.with_results, 0) AS with_results, coalesce(pt.with_problem, 0) AS with_problem
    FROM t1 LEFT JOIN per_task pt ON pt.task_id = t1.task_id ORDER BY t1.task_id`,
    taskRow,
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
        SELECT DISTINCT r.item_id FROM inspection_results r
        JOIN inspections i ON i.id = r.inspection_id JOIN tasks k ON k.id = i.task_id
        WHERE i.status <> 'cancelled' AND k.window_start BETWEEN ${s.from}::date AND ${s.to}::date)
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
      SELECT f.department_code AS dept, count(*) AS total, count(*) FILTER (WHERE f.status = 'closed') AS closed
      FROM follow_ups f JOIN inspections i ON i.id = f.inspection_id
      WHERE i.task_id IN (SELECT task_id FROM st) AND f.department_code IN (SELECT dept FROM st)
      GROUP BY f.department_code ORDER BY 1`,
    followRow,
  );
}

const workloadRow = z.object({ inspector: z.string(), visits: n });

/** Visits per inspector (badge) over the period's inspections. */
export async function inspectorWorkload(db: Db, s: MetricsScope): Promise<z.infer<typeof workloadRow>[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)}
      SELECT w.inspector, count(*) AS visits
      FROM inspections i CROSS JOIN LATERAL unnest(i.inspectors) AS w(inspector)
      WHERE i.status <> 'cancelled' AND i.task_id IN (SELECT task_id FROM st)
      GROUP BY w.inspector ORDER BY visits DESC, w.inspector`,
    workloadRow,
  );
}

const monthRow = z.object({ month: z.string(), inspections: n, with_problem: n });

/** Inspections per month (of the visit, else the task's start, China time), with those that found a problem. */
export async function monthlyInspections(db: Db, s: MetricsScope): Promise<z.infer<typeof monthRow>[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)}, ${RESULTS_ROLLUP},
      t1 AS (SELECT DISTINCT st.task_id, k.window_start FROM st JOIN tasks k ON k.id = st.task_id)
      SELECT to_char(coalesce((i.visited_at AT TIME ZONE 'Asia/Shanghai')::date, t1.window_start), 'YYYY-MM') AS month, count(*) AS inspections,
        count(*) FILTER (WHERE ir.problem) AS with_problem
      FROM inspections i JOIN t1 ON t1.task_id = i.task_id LEFT JOIN ir ON ir.inspection_id = i.id
      WHERE i.status <> 'cancelled'
      GROUP BY 1 ORDER BY 1`,
    monthRow,
  );
}

const categoryRow = z.object({ category: z.string(), inspections: n });

/** Inspections per result category (an inspection counts once per category it recorded). */
export async function categoryCounts(db: Db, s: MetricsScope): Promise<z.infer<typeof categoryRow>[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)}
      SELECT r.category, count(DISTINCT r.inspection_id) AS inspections
      FROM inspection_results r JOIN inspections i ON i.id = r.inspection_id
      WHERE i.status <> 'cancelled' AND i.task_id IN (SELECT task_id FROM st)
      GROUP BY 1 ORDER BY 2 DESC`,
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
      WHERE EXISTS (SELECT 1 FROM inspections i WHERE i.task_id = k.id AND i.status <> 'cancelled')
      ORDER BY k.id LIMIT 20000`,
    taskDueRow,
  );
}

export { PROBLEM as PROBLEM_CATEGORIES_SQL };
