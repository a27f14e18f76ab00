/**
 * Publication deadlines of tasks (004: results within 20 working days of the task's end):
 * a countdown per task, and the overdue list for the department and for auditors. On a
 * cross-region task each side counts its own visits.
 */
import { isoDate, publicationCountdown } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { hasAnyRole } from '../auth/actor';
import { onSideOf } from '../db/repos/inspection.repo';
import { queryRows } from '../db/sql';
import { chinaToday, loadHolidayTable } from './calendar.service';
import type { ServiceDeps } from './context';
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

const rowSchema = z.object({
  id: z.string(),
  title: z.string(),
  lead_department_code: z.string(),
  window_end: z.string(),
  results_published_at: z.coerce.date().nullable(),
  total: z.coerce.number(),
  submitted: z.coerce.number(),
  approved: z.coerce.number(),
  published: z.coerce.number(),
});

/** Tasks with visits, in the actor's departments (all for system admins and auditors), each with its countdown. */
export async function listTaskDeadlines(
  deps: ServiceDeps,
  actor: Actor,
  f: { overdueOnly: boolean; includePublished: boolean },
): Promise<TaskDeadline[]> {
  const db = deps.database.db;
  const all = hasAnyRole(actor, ['system_admin', 'auditor']);
  const dept = actor.departmentCode;
  const rows = await queryRows(
    db,
    sql`select t.id, t.title, t.lead_department_code, t.window_end::text as window_end, t.results_published_at,
          count(i.id) as total,
          count(i.id) filter (where i.status = 'submitted') as submitted,
          count(i.id) filter (where i.status = 'approved') as approved,
          count(i.id) filter (where i.status = 'published') as published
        from tasks t join inspections i on i.task_id = t.id and i.status <> 'cancelled'
          -- a cross-region task's side counts (and publishes) only the visits of its region
          join targets tg on tg.id = i.target_id and (${all} or ${onSideOf([dept], sql`t.id`, sql`tg.division_code`)})
        where (${all} or t.lead_department_code = ${dept}
               or exists (select 1 from task_participants p where p.task_id = t.id and p.department_code = ${dept} and p.status <> 'declined'))
          and (${f.includePublished} or t.results_published_at is null)
        group by t.id
        order by t.window_end asc, t.id asc
        limit 1000`,
    rowSchema,
  );
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
