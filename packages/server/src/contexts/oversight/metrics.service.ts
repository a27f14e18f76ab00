/**
 * Dashboard metrics (统计分析, issue 6) by region, department and period: tasks and inspections,
 * item coverage, joint share and visits saved (001: 2,518 → 630), problem discovery, on-time
 * publication (004: ≤ 20 working days), follow-up closure, risk usage (from the risk service) and
 * inspector workload spread. The counting is SQL (metrics.repo); only per-task deadlines run here.
 */
import {
  coefficientOfVariation,
  domainError,
  err,
  gini,
  isoDate,
  ok,
  rateOf,
  resultPublicationDeadline,
  sideOfTarget,
  visitsSaved,
  type DomainError,
  type Result,
  chinaDate,
} from '@openssj/core';
import { z } from 'zod';
import { type Actor, listDepartments, chinaToday, loadHolidayTable, type ServiceDeps } from '../platform';
import type { Db } from '../../db/client';
import { taskSideDepartments } from '../inspection';
import {
  categoryCounts,
  followUpClosure,
  inspectorWorkload,
  itemCoverage,
  monthlyInspections,
  sidedTaskDivisions,
  taskCounts,
  tasksForPublication,
  type MetricsScope,
  type TaskCounts,
} from './metrics.repo';
import { canReadRiskRegion, forbiddenRegion, riskRegionSchema, riskUsage } from '../risk';

export const metricsQuerySchema = z.object({
  region: riskRegionSchema.optional(),
  department: z.string().trim().min(1).max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

const rate = z.number().nullable();
const deptMetrics = z.object({
  code: z.string(),
  name: z.string(),
  tasks: z.number(),
  jointTasks: z.number(),
  jointShare: rate,
  inspections: z.number(),
  /** Of the inspections, those made without a visit (非现场检查). */
  remoteInspections: z.number(),
  visitsAlone: z.number(),
  problemRate: rate,
  items: z.number(),
  itemsInspected: z.number(),
  coverage: rate,
  publicationDue: z.number(),
  publishedOnTime: z.number(),
  onTimePublication: rate,
  followUps: z.number(),
  followUpsClosed: z.number(),
  followUpClosure: rate,
  riskUsage: rate,
});
export type DepartmentMetrics = z.infer<typeof deptMetrics>;

export const dashboardSchema = z.object({
  scope: z.object({
    region: z.string(),
    department: z.string().nullable(),
    year: z.number(),
    quarter: z.number().nullable(),
    from: z.string(),
    to: z.string(),
  }),
  totals: z.object({
    tasks: z.number(),
    jointTasks: z.number(),
    jointShare: rate,
    inspections: z.number(),
    /** Of the inspections, those made without a visit (非现场检查): not counted as doors knocked on. */
    remoteInspections: z.number(),
    visits: z.object({ alone: z.number(), made: z.number(), saved: z.number(), reduction: z.number() }),
    problemRate: rate,
    coverage: rate,
    onTimePublication: rate,
    followUpClosure: rate,
    riskUsage: rate,
    workload: z.object({
      inspectors: z.number(),
      visits: z.number(),
      mean: z.number(),
      max: z.number(),
      gini: z.number(),
      cv: z.number(),
    }),
  }),
  departments: z.array(deptMetrics),
  months: z.array(z.object({ month: z.string(), inspections: z.number(), withProblem: z.number() })),
  categories: z.array(z.object({ category: z.string(), inspections: z.number() })),
  /** The busiest inspectors (top 30), for the workload chart. */
  workload: z.array(z.object({ inspector: z.string(), visits: z.number() })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** The period a query covers: a year, or one quarter of it (task window start). */
export function periodOf(q: Pick<MetricsQuery, 'year' | 'quarter'>): { from: string; to: string } {
  if (q.quarter === undefined) {
    return { from: `${q.year}-01-01`, to: `${q.year}-12-31` };
  }
  const m0 = (q.quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(q.year, m0 + 2, 0)).getUTCDate();
  return {
    from: `${q.year}-${String(m0).padStart(2, '0')}-01`,
    to: `${q.year}-${String(m0 + 2).padStart(2, '0')}-${last}`,
  };
}

/** Resolve and authorise a metrics query: the region defaults to the actor's own. */
export function metricsScope(actor: Actor, q: MetricsQuery): Result<MetricsScope, DomainError> {
  const region = q.region ?? actor.regionCode;
  if (!canReadRiskRegion(actor, region)) {
    return err(forbiddenRegion(region, false));
  }
  return ok({ region, department: q.department ?? null, ...periodOf(q) });
}

/** On-time publication per department: tasks past their deadline or published, and those published by it. */
async function publicationByDept(
  deps: ServiceDeps,
  s: MetricsScope,
): Promise<{
  byDept: Map<string, { due: number; onTime: number }>;
  overall: { due: number; onTime: number };
}> {
  const db = deps.database.db;
  const table = await loadHolidayTable(db);
  const today = chinaToday(deps.clock());
  const deadlines = new Map<string, string>();
  const out = new Map<string, { due: number; onTime: number }>();
  const seen = new Set<string>();
  const overall = { due: 0, onTime: 0 };
  for (const t of await tasksForPublication(db, s)) {
    const deadline =
      deadlines.get(t.window_end) ?? resultPublicationDeadline(isoDate(t.window_end), table).date;
    deadlines.set(t.window_end, deadline);
    const published = t.results_published_at === null ? null : chinaDate(t.results_published_at);
    if (published === null && deadline >= today) {
      continue; // still within its 20 working days: not yet due
    }
    const onTime = published !== null && published <= deadline ? 1 : 0;
    const cur = out.get(t.dept) ?? { due: 0, onTime: 0 };
    out.set(t.dept, { due: cur.due + 1, onTime: cur.onTime + onTime });
    if (!seen.has(t.id)) {
      // a joint task counts once overall, once for each of its departments
      seen.add(t.id);
      overall.due += 1;
      overall.onTime += onTime;
    }
  }
  return { byDept: out, overall };
}

interface Counts {
  dept: string;
  tasks: number;
  joint_tasks: number;
  inspections: number;
  remote: number;
  visits_alone: number;
  with_results: number;
  with_problem: number;
}

/** A department's part of a sided task: the visits of its side. */
type SidePart = Pick<TaskCounts, 'inspections' | 'remote' | 'with_results' | 'with_problem'>;

/**
 * Per department (each department of a task counts it) and overall (each task once); 001: visits
 * alone = inspections × departments. A sided (cross-region) task counts, for each department, only
 * the visits of its side (`sideParts`: task → department → part).
 */
export function sumTasks(
  tasks: readonly TaskCounts[],
  department: string | null,
  sideParts: ReadonlyMap<string, ReadonlyMap<string, SidePart>> = new Map(),
): { counts: Counts[]; overall: Counts } {
  const by = new Map<string, Counts>();
  const overall: Counts = {
    dept: '',
    tasks: 0,
    joint_tasks: 0,
    inspections: 0,
    remote: 0,
    visits_alone: 0,
    with_results: 0,
    with_problem: 0,
  };
  const add = (c: Counts, t: TaskCounts) => {
    c.tasks += 1;
    c.joint_tasks += t.joint ? 1 : 0;
    c.inspections += t.inspections;
    c.remote += t.remote;
    // 001: alone, each department would have visited every target; on a sided (cross-region) task
    // each target belongs to one side only, so the task saves no visits, it shares one standard.
    // A remote inspection (issue 15) knocks on no door, so it counts in neither figure.
    const doors = t.inspections - t.remote;
    c.visits_alone += t.sided ? doors : doors * t.ndept;
    c.with_results += t.with_results;
    c.with_problem += t.with_problem;
  };
  for (const t of tasks) {
    add(overall, t);
    for (const d of t.depts) {
      if (department === null || d === department) {
        const c = by.get(d) ?? {
          dept: d,
          tasks: 0,
          joint_tasks: 0,
          inspections: 0,
          remote: 0,
          visits_alone: 0,
          with_results: 0,
          with_problem: 0,
        };
        const parts = t.sided ? sideParts.get(t.task_id) : undefined;
        const part = parts?.get(d) ?? { inspections: 0, remote: 0, with_results: 0, with_problem: 0 };
        add(c, parts === undefined ? t : { ...t, ...part });
        by.set(d, c);
      }
    }
  }
  return { counts: [...by.values()].sort((a, b) => a.dept.localeCompare(b.dept)), overall };
}

/** Each department's part (its side's visits) of the sided tasks among `tasks`; few tasks, so counted directly. */
async function sideParts(db: Db, tasks: readonly TaskCounts[]): Promise<Map<string, Map<string, SidePart>>> {
  const ids = tasks.filter((t) => t.sided).map((t) => t.task_id);
  const out = new Map<string, Map<string, SidePart>>();
  if (ids.length === 0) {
    return out;
  }
  const sides = await taskSideDepartments(db, ids);
  for (const g of await sidedTaskDivisions(db, ids)) {
    const t = sides.get(g.task_id);
    if (t === undefined) {
      continue;
    }
    const side = sideOfTarget(t.crossRegion, t.departments, g.division_code);
    const parts = out.get(g.task_id) ?? new Map<string, SidePart>();
    for (const d of side?.departments ?? t.departments.map((x) => x.code)) {
      const p = parts.get(d) ?? { inspections: 0, remote: 0, with_results: 0, with_problem: 0 };
      parts.set(d, {
        inspections: p.inspections + g.inspections,
        remote: p.remote + g.remote,
        with_results: p.with_results + g.with_results,
        with_problem: p.with_problem + g.with_problem,
      });
    }
    out.set(g.task_id, parts);
  }
  return out;
}

/** All dashboard figures for a region, department and period. */
export async function dashboardMetrics(
  deps: ServiceDeps,
  actor: Actor,
  q: MetricsQuery,
): Promise<Result<Dashboard, DomainError>> {
  const sc = metricsScope(actor, q);
  if (!sc.ok) {
    return sc;
  }
  const s = sc.value;
  const db = deps.database.db;
  const [tasks, coverage, follow, workload, months, categories, publication, usage, depts] =
    await Promise.all([
      taskCounts(db, s),
      itemCoverage(db, s),
      followUpClosure(db, s),
      inspectorWorkload(db, s),
      monthlyInspections(db, s),
      categoryCounts(db, s),
      publicationByDept(deps, s),
      riskUsage(deps, actor, s.region, q.year),
      listDepartments(db),
    ]);
  if (s.department !== null && !depts.some((d) => d.code === s.department)) {
    return err(
      domainError('NOT_FOUND', `没有这个部门：${s.department}`, `no such department: ${s.department}`),
    );
  }
  const names = new Map(depts.map((d) => [d.code, d.name]));
  const { counts, overall } = sumTasks(tasks, s.department, await sideParts(db, tasks));
  const usageByDept = new Map((usage.ok ? usage.value.departments : []).map((u) => [u.departmentCode, u]));
  const codes = [
    ...new Set([...counts.map((c) => c.dept), ...coverage.filter((c) => c.items > 0).map((c) => c.dept)]),
  ].sort();
  const departments = codes.map((code): DepartmentMetrics => {
    const c = counts.find((x) => x.dept === code);
    const cov = coverage.find((x) => x.dept === code);
    const f = follow.find((x) => x.dept === code);
    const p = publication.byDept.get(code);
    const u = usageByDept.get(code);
    return {
      code,
      name: names.get(code) ?? code,
      tasks: c?.tasks ?? 0,
      jointTasks: c?.joint_tasks ?? 0,
      jointShare: rateOf(c?.joint_tasks ?? 0, c?.tasks ?? 0),
      inspections: c?.inspections ?? 0,
      remoteInspections: c?.remote ?? 0,
      visitsAlone: c?.visits_alone ?? 0,
      problemRate: rateOf(c?.with_problem ?? 0, c?.with_results ?? 0),
      items: cov?.items ?? 0,
      itemsInspected: cov?.inspected ?? 0,
      coverage: rateOf(cov?.inspected ?? 0, cov?.items ?? 0),
      publicationDue: p?.due ?? 0,
      publishedOnTime: p?.onTime ?? 0,
      onTimePublication: rateOf(p?.onTime ?? 0, p?.due ?? 0),
      followUps: f?.total ?? 0,
      followUpsClosed: f?.closed ?? 0,
      followUpClosure: rateOf(f?.closed ?? 0, f?.total ?? 0),
      riskUsage: u === undefined ? null : rateOf(u.tieredTasks, u.tasks),
    };
  });
  const sum = (xs: readonly number[]): number => xs.reduce((a, v) => a + v, 0);
  const inUsage = (usage.ok ? usage.value.departments : []).filter(
    (u) => s.department === null || u.departmentCode === s.department,
  );
  const visitCounts = workload.map((w) => w.visits);
  return ok({
    scope: {
      region: s.region,
      department: s.department,
      year: q.year,
      quarter: q.quarter ?? null,
      from: s.from,
      to: s.to,
    },
    totals: {
      tasks: overall.tasks,
      jointTasks: overall.joint_tasks,
      jointShare: rateOf(overall.joint_tasks, overall.tasks),
      inspections: overall.inspections,
      remoteInspections: overall.remote,
      visits: visitsSaved(overall.visits_alone, overall.inspections - overall.remote),
      problemRate: rateOf(overall.with_problem, overall.with_results),
      coverage: rateOf(sum(coverage.map((c) => c.inspected)), sum(coverage.map((c) => c.items))),
      onTimePublication: rateOf(publication.overall.onTime, publication.overall.due),
      followUpClosure: rateOf(sum(follow.map((f) => f.closed)), sum(follow.map((f) => f.total))),
      riskUsage: rateOf(sum(inUsage.map((u) => u.tieredTasks)), sum(inUsage.map((u) => u.tasks))),
      workload: {
        inspectors: workload.length,
        visits: sum(visitCounts),
        mean: workload.length === 0 ? 0 : sum(visitCounts) / workload.length,
        max: visitCounts[0] ?? 0,
        gini: gini(visitCounts),
        cv: coefficientOfVariation(visitCounts),
      },
    },
    departments,
    months: months.map((m) => ({ month: m.month, inspections: m.inspections, withProblem: m.with_problem })),
    categories,
    workload: workload.slice(0, 30),
  });
}
