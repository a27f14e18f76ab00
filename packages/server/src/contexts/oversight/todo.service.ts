/**
 * The workbench's to-do list (待办事项): for each of the user's roles, the work that waits for them,
 * each with a count and the console page where it is done. Every count comes from the service
 * behind that page, so it follows the same access policy (department and region) as the page.
 */
import { chinaDate, type Role } from '@openssj/core';
import { z } from 'zod';
import { holidayCoverage, type Actor, type ServiceDeps } from '../platform';
import { listDepartmentVisits, listFollowUps, listMyVisits, listTaskDeadlines } from '../inspection';
import { certificateAlerts } from '../library';
import { listPlansFor, listTasksFor } from '../workflow';
import { listAbandon } from '../draw';
import { listProposals } from './joint.service';

export const TODO_KINDS = [
  'visits_returned',
  'visits_open',
  'plans_to_approve',
  'abandons_to_approve',
  'reviews_pending',
  'results_to_publish',
  'publication_overdue',
  'follow_ups_overdue',
  'tasks_to_draw',
  'joint_to_answer',
  'certificates',
  'holiday_years_missing',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const todoSchema = z.object({
  kind: z.enum(TODO_KINDS),
  /** How many things wait (at least 1: a kind with nothing waiting is left out). */
  count: z.int().min(1),
  /** The console page where the work is done (a page id of the console's navigation). */
  page: z.enum(['myInspections', 'plans', 'reviews', 'tasks', 'dashboard', 'inspectors', 'holidays']),
  /** error: overdue or blocking; warning: waits for this user; info: in progress. */
  tone: z.enum(['error', 'warning', 'info']),
  /** For plans_to_approve: the earliest year with a plan waiting (the plans page opens on it). */
  year: z.int().optional(),
});
export type Todo = z.infer<typeof todoSchema>;

type Source = (deps: ServiceDeps, actor: Actor, today: string) => Promise<Todo[]>;

const when = (count: number, todo: Omit<Todo, 'count'>): Todo[] => (count > 0 ? [{ ...todo, count }] : []);

const inspectorTodos: Source = async (deps, actor) => {
  const open = await listMyVisits(deps, actor, false);
  const returned = open.filter((v) => v.status === 'returned').length;
  return [
    ...when(returned, { kind: 'visits_returned', page: 'myInspections', tone: 'error' }),
    ...when(open.length - returned, { kind: 'visits_open', page: 'myInspections', tone: 'info' }),
  ];
};

const leaderTodos: Source = async (deps, actor) => {
  const pending = (await listPlansFor(deps, actor)).filter((p) => p.status === 'submitted');
  const years = pending.map((p) => p.year);
  const submitted = await listDepartmentVisits(deps, actor, { status: 'submitted' });
  const approved = await listDepartmentVisits(deps, actor, { status: 'approved' });
  const overdue = await listTaskDeadlines(deps, actor, { overdueOnly: true, includePublished: false });
  const followUps = await listFollowUps(deps, actor, { status: 'open', overdue: true, page: 1, pageSize: 1 });
  const abandons = await listAbandon(deps, actor, { status: 'pending' });
  const toDecide = abandons.ok ? abandons.value.filter((r) => r.canDecide).length : 0;
  return [
    ...when(toDecide, { kind: 'abandons_to_approve', page: 'tasks', tone: 'warning' }),
    ...when(pending.length, {
      kind: 'plans_to_approve',
      page: 'plans',
      tone: 'warning',
      ...(years.length > 0 ? { year: Math.min(...years) } : {}),
    }),
    ...when(submitted.length, { kind: 'reviews_pending', page: 'reviews', tone: 'warning' }),
    ...when(overdue.length, { kind: 'publication_overdue', page: 'reviews', tone: 'error' }),
    ...when(approved.length, { kind: 'results_to_publish', page: 'reviews', tone: 'info' }),
    ...when(followUps.total, { kind: 'follow_ups_overdue', page: 'reviews', tone: 'error' }),
  ];
};

const deptAdminTodos: Source = async (deps, actor, today) => {
  const year = Number(today.slice(0, 4));
  const tasks = await listTasksFor(deps, actor);
  const toDraw = tasks.filter(
    (t) =>
      t.leadDepartmentCode === actor.departmentCode &&
      (t.status === 'planned' || t.status === 'drawing') &&
      (t.planStatus === 'approved' || t.planStatus === 'published') &&
      t.windowEnd >= today,
  ).length;
  const proposals = [
    ...(await listProposals(deps, actor, year)),
    ...(await listProposals(deps, actor, year + 1)),
  ];
  const toAnswer = proposals.filter(
    (p) =>
      p.status === 'open' &&
      p.departments.includes(actor.departmentCode) &&
      p.responses[actor.departmentCode] === undefined,
  ).length;
  const certs = await certificateAlerts(deps, actor);
  const certCount = certs.ok ? certs.value.expired.length + certs.value.expiring.length : 0;
  return [
    ...when(toDraw, { kind: 'tasks_to_draw', page: 'tasks', tone: 'warning' }),
    ...when(toAnswer, { kind: 'joint_to_answer', page: 'dashboard', tone: 'warning' }),
    ...when(certCount, { kind: 'certificates', page: 'inspectors', tone: 'warning' }),
  ];
};

const systemAdminTodos: Source = async (deps) => {
  const coverage = await holidayCoverage(deps.database.db, deps.clock());
  return when(coverage.missing.length, { kind: 'holiday_years_missing', page: 'holidays', tone: 'error' });
};

const auditorTodos: Source = async (deps, actor) => {
  const overdue = await listTaskDeadlines(deps, actor, { overdueOnly: true, includePublished: false });
  return when(overdue.length, { kind: 'publication_overdue', page: 'dashboard', tone: 'error' });
};

const BY_ROLE: Readonly<Record<Role, Source>> = {
  inspector: inspectorTodos,
  leader: leaderTodos,
  dept_admin: deptAdminTodos,
  system_admin: systemAdminTodos,
  auditor: auditorTodos,
};

/** The actor's to-do list: each of their roles' waiting work, errors first, each kind once. */
export async function todosFor(deps: ServiceDeps, actor: Actor): Promise<Todo[]> {
  const today = chinaDate(deps.clock());
  const lists = [];
  for (const role of actor.roles) {
    lists.push(await BY_ROLE[role](deps, actor, today));
  }
  const byKind = new Map<TodoKind, Todo>();
  for (const t of lists.flat()) {
    if (!byKind.has(t.kind)) {
      byKind.set(t.kind, t);
    }
  }
  const order = { error: 0, warning: 1, info: 2 } as const;
  return [...byKind.values()].sort((a, b) => order[a.tone] - order[b.tone]);
}
