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

const deptRow = z.object({
  dept: z.string(),
  tasks: n,
  joint_tasks: n,
  inspections: n,
  visits_alone: n,
  with_results: n,
  with_problem: n,
});
export type DepartmentCounts = z.infer<typeof deptRow>;

/**
 * Per department: tasks, joint tasks, inspections made, visits the departments would make alone
 * (each inspection × the task's departments, 001), inspections with results and with a problem.
 */
export async function departmentCounts(db: Db, s: MetricsScope): Promise<DepartmentCounts[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)},
      per_task AS (
        SELECT i.task_id, count(*) AS inspections,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.id)) AS with_results,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.id AND r.category = ANY(${PROBLEM}::text[]))) AS with_problem
        FROM inspections i
        WHERE i.status <> 'cancelled' AND i.task_id IN (SELECT task_id FROM st)
        GROUP BY i.task_id)
    SELECT st.dept, count(*) AS tasks, count(*) FILTER (WHERE st.joint) AS joint_tasks,
      coalesce(sum(pt.inspections), 0) AS inspections,
      coalesce(sum(pt.inspections * st.ndept), 0) AS visits_alone,
      coalesce(sum(pt.with_results), 0) AS with_results,
      coalesce(sum(pt.with_problem), 0) AS with_problem
    FROM st LEFT JOIN per_task pt ON pt.task_id = st.task_id
    GROUP BY st.dept ORDER BY st.dept`,
    deptRow,
  );
}

const totalsRow = z.object({ tasks: n, joint_tasks: n, inspections: n, visits_alone: n, with_results: n, with_problem: n });

/** The same counts over all tasks in scope, each task and inspection counted once. */
export async function overallCounts(db: Db, s: MetricsScope): Promise<z.infer<typeof totalsRow>> {
  const rows = await queryRows(
    db,
    sql`WITH ${scopedTasks(s)},
      t1 AS (SELECT DISTINCT task_id, ndept, joint FROM st),
      per_task AS (
        SELECT i.task_id, count(*) AS inspections,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.id)) AS with_results,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.id AND r.category = ANY(${PROBLEM}::text[]))) AS with_problem
        FROM inspections i
        WHERE i.status <> 'cancelled' AND i.task_id IN (SELECT task_id FROM t1)
        GROUP BY i.task_id)
    SELECT count(*) AS tasks, count(*) FILTER (WHERE t1.joint) AS joint_tasks,
      coalesce(sum(pt.inspections), 0) AS inspections, coalesce(sum(pt.inspections * t1.ndept), 0) AS visits_alone,
      coalesce(sum(pt.with_results), 0) AS with_results, coalesce(sum(pt.with_problem), 0) AS with_problem
    FROM t1 LEFT JOIN per_task pt ON pt.task_id = t1.task_id`,
    totalsRow,
  );
  return rows[0] ?? { tasks: 0, joint_tasks: 0, inspections: 0, visits_alone: 0, with_results: 0, with_problem: 0 };
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

/** Inspections per month (of the visit, else the task's start), with those that found a problem. */
export async function monthlyInspections(db: Db, s: MetricsScope): Promise<z.infer<typeof monthRow>[]> {
  return queryRows(
    db,
    sql`WITH ${scopedTasks(s)}
      SELECT to_char(coalesce((i.visited_at AT TIME ZONE 'Asia/Shanghai')::date, k.window_start), 'YYYY-MM') AS month, count(*) AS inspections,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection_results r WHERE r.inspection_id = i.id AND r.category = ANY(${PROBLEM}::text[]))) AS with_problem
      FROM inspections i JOIN tasks k ON k.id = i.task_id
      WHERE i.status <> 'cancelled' AND i.task_id IN (SELECT task_id FROM st)
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

const taskDueRow = z.object({ id: z.string(), dept: z.string(), window_end: z.string(), results_published_at: z.coerce.date().nullable() });

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
