/** Publication deadlines (004): the visit counts per task that the countdowns are computed from. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/sql';
import { onSideOf } from './inspection.repo';

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

export type TaskDeadlineRow = z.infer<typeof rowSchema>;

/**
 * Tasks with visits, with their visit counts by status, led by or shared with `department` (every
 * task when null); on a cross-region task only the department's side's visits count.
 */
export async function taskDeadlineRows(
  db: Db,
  department: string | null,
  includePublished: boolean,
): Promise<TaskDeadlineRow[]> {
  const all = department === null;
  const dept = department ?? '';
  return queryRows(
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
          and (${includePublished} or t.results_published_at is null)
        group by t.id
        order by t.window_end asc, t.id asc
        limit 1000`,
    rowSchema,
  );
}
