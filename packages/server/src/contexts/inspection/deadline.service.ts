/**
 * Publication deadlines of tasks (004: results within 20 working days of the task's end):
 * a countdown per task, and the overdue list for the department and for auditors. On a
 * cross-region task each side counts its own visits.
 */
import { isoDate, publicationCountdown } from '@openssj/core';
import { z } from 'zod';
import { type Actor, hasAnyRole, chinaToday, loadHolidayTable, type ServiceDeps } from '../platform';
import { taskDeadlineRows } from './deadline.repo';
import { countdownSchema } from './inspection-view';

export const taskDeadlineSchema = z.object({
  taskId: z.string(),
  title: z.string(),
  leadDepartmentCode: z.string(),
  windowEnd: z.string(),
  resultsPublishedAt: z.string().nullable(),
  inspections: z.number(),
  submitted: z.number(),
  approved: z.number(),
  published: z.number(),
  countdown: countdownSchema,
});
export type TaskDeadline = z.infer<typeof taskDeadlineSchema>;

/** Tasks with visits, in the actor's departments (all for system admins and auditors), each with its countdown. */
export async function listTaskDeadlines(
  deps: ServiceDeps,
  actor: Actor,
  f: { overdueOnly: boolean; includePublished: boolean },
): Promise<TaskDeadline[]> {
  const db = deps.database.db;
  const all = hasAnyRole(actor, ['system_admin', 'auditor']);
  const dept = actor.departmentCode;
  const rows = await taskDeadlineRows(db, all ? null : dept, f.includePublished);
  const table = await loadHolidayTable(db);
  const today = chinaToday(deps.clock());
  const out = rows.map((r) => ({
    taskId: r.id,
    title: r.title,
    leadDepartmentCode: r.lead_department_code,
    windowEnd: r.window_end,
    resultsPublishedAt: r.results_published_at?.toISOString() ?? null,
    inspections: r.total,
    submitted: r.submitted,
    approved: r.approved,
    published: r.published,
    countdown: publicationCountdown(isoDate(r.window_end), today, table, r.results_published_at !== null),
  }));
  return f.overdueOnly ? out.filter((t) => t.countdown.overdue) : out;
}
