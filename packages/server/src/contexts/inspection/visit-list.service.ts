/**
 * Visit lists: an inspector's own visits (today and upcoming, or done) and a department's visits, with each visit's links to its task and target.
 */
import { inspectionStatusSchema, sideOfTarget, UNDER_WAY_STATUSES } from '@openssj/core';
import { z } from 'zod';
import { type Actor, chinaToday, type ServiceDeps } from '../platform';
import type { Db } from '../../db/client';
import { inspectorsOfUser, itemNamesOfTasks, listInspections, taskSideDepartments } from './inspection.repo';

export const visitListItemSchema = z.object({
  id: z.string(),
  status: inspectionStatusSchema,
  version: z.number(),
  plannedDate: z.string().nullable(),
  today: z.boolean(),
  target: z.object({ id: z.string(), name: z.string(), uscc: z.string().nullable(), address: z.string() }),
  mapUrl: z.string().nullable(),
  task: z.object({
    id: z.string(),
    title: z.string(),
    windowStart: z.string(),
    windowEnd: z.string(),
    leadDepartmentCode: z.string(),
  }),
  items: z.array(z.string()),
  reviewComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** Cross-region task (issue 6): the side the visit belongs to (the target's region); null otherwise. */
  side: z
    .object({ departmentCode: z.string(), departmentName: z.string(), regionCode: z.string() })
    .nullable(),
});

export type VisitListItem = z.infer<typeof visitListItemSchema>;

/** An AMap (高德) search link for an address; works on phones without an app key. */
export function mapLink(address: string): string | null {
  return address.trim() === ''
    ? null
    : `https://uri.amap.com/search?keyword=${encodeURIComponent(address.trim())}`;
}

async function toListItems(
  db: Db,
  rows: Awaited<ReturnType<typeof listInspections>>,
  today: string,
): Promise<VisitListItem[]> {
  const taskIds = [...new Set(rows.map((r) => r.task.id))];
  const names = await itemNamesOfTasks(db, taskIds);
  const sided = await taskSideDepartments(db, taskIds);
  const deptNames = new Map(
    [...sided.values()].flatMap((x) => x.departments.map((d) => [d.code, d.name] as const)),
  );
  const sideOf = (taskId: string, division: string) => {
    const x = sided.get(taskId);
    const side = x === undefined ? null : sideOfTarget(x.crossRegion, x.departments, division);
    return side === null
      ? null
      : {
          departmentCode: side.departments.join(','),
          departmentName: side.departments.map((c) => deptNames.get(c) ?? c).join('、'),
          regionCode: side.regionCode,
        };
  };
  return rows.map(({ inspection: i, target: t, task }) => ({
    id: i.id,
    status: inspectionStatusSchema.parse(i.status),
    version: i.version,
    plannedDate: i.plannedDate,
    today: i.plannedDate === today,
    target: { id: t.id, name: t.name, uscc: t.uscc, address: t.address },
    mapUrl: mapLink(t.address),
    task,
    items: names.get(task.id) ?? [],
    reviewComment: i.reviewComment,
    submittedAt: i.submittedAt?.toISOString() ?? null,
    side: sideOf(task.id, t.divisionCode),
  }));
}

/** The visits of the actor's inspector records: open ones (today and upcoming) and recently submitted ones. */
export async function listMyVisits(
  deps: ServiceDeps,
  actor: Actor,
  includeDone: boolean,
): Promise<VisitListItem[]> {
  const db = deps.database.db;
  const mine = await inspectorsOfUser(db, actor.userId);
  const rows = await listInspections(db, {
    inspectorIds: mine.map((m) => m.id),
    statuses: includeDone ? [] : [...UNDER_WAY_STATUSES],
    limit: 500,
  });
  return toListItems(db, rows, chinaToday(deps.clock()));
}

/** The visits of the actor's department's tasks (every department for oversight roles), at most 500. */
export async function listDepartmentVisits(
  deps: ServiceDeps,
  actor: Actor,
  f: { status?: string | undefined; taskId?: string | undefined; underWay?: boolean },
): Promise<VisitListItem[]> {
  const db = deps.database.db;
  const all = actor.roles.includes('system_admin') || actor.roles.includes('auditor');
  // status and underWay both narrow the list: a status that is not under way then matches nothing
  const statuses =
    f.underWay === true
      ? UNDER_WAY_STATUSES.filter((x) => f.status === undefined || x === f.status)
      : f.status === undefined
        ? undefined
        : [f.status];
  if (statuses !== undefined && statuses.length === 0) {
    return [];
  }
  const rows = await listInspections(db, {
    ...(all ? {} : { departments: [actor.departmentCode] }),
    ...(statuses === undefined ? {} : { statuses }),
    ...(f.taskId === undefined ? {} : { taskId: f.taskId }),
    limit: 500,
  });
  return toListItems(db, rows, chinaToday(deps.clock()));
}
