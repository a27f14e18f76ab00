/**
 * Inspection repository (检查): visits and their per-item results (photos: photo.repo), and the task
 * context a visit needs (items with their guideline versions, departments, team).
 */
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  departments,
  inspectionItemVersions,
  inspectionResults,
  inspections,
  inspectors,
  targets,
  taskItems,
  taskParticipants,
  tasks,
  users,
} from '../../db/schema';

export type InspectionRow = typeof inspections.$inferSelect;
export type ResultRow = typeof inspectionResults.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type TargetRow = typeof targets.$inferSelect;
export type InspectorRow = typeof inspectors.$inferSelect;

/** One inspection by id. */
export async function findInspection(db: Db, id: string): Promise<InspectionRow | undefined> {
  const [row] = await db.select().from(inspections).where(eq(inspections.id, id));
  return row;
}

/** Lock one inspection for a change (SELECT … FOR UPDATE) inside a transaction. */
export async function lockInspection(tx: Db, id: string): Promise<InspectionRow | undefined> {
  const [row] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
  return row;
}

/** Update an inspection only if it still has `version`; bumps the version. Undefined when stale. */
export async function updateInspectionVersioned(
  tx: Db,
  id: string,
  version: number,
  set: Partial<Omit<InspectionRow, 'id' | 'version'>>,
): Promise<InspectionRow | undefined> {
  const [row] = await tx
    .update(inspections)
    .set({ ...set, version: version + 1 })
    .where(and(eq(inspections.id, id), eq(inspections.version, version)))
    .returning();
  return row;
}

/** A task by id. */
export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row;
}

/** The departments of a task: the lead first, then participants that did not decline. */
export async function taskDepartments(
  db: Db,
  task: Pick<TaskRow, 'id' | 'leadDepartmentCode'>,
): Promise<string[]> {
  const rows = await db
    .select({ d: taskParticipants.departmentCode })
    .from(taskParticipants)
    .where(and(eq(taskParticipants.taskId, task.id), ne(taskParticipants.status, 'declined')))
    .orderBy(asc(taskParticipants.departmentCode));
  return [task.leadDepartmentCode, ...rows.map((r) => r.d).filter((d) => d !== task.leadDepartmentCode)];
}

/** A department taking part in a task, with its name (the lists show it). */
export interface SideDepartment {
  readonly code: string;
  readonly regionCode: string;
  readonly name: string;
}

/** The departments of tasks (lead first, and participants that did not decline) with their regions and names, and the cross-region flag. */
export async function taskSideDepartments(
  db: Db,
  taskIds: readonly string[],
): Promise<Map<string, { crossRegion: boolean; departments: SideDepartment[] }>> {
  const out = new Map<string, { crossRegion: boolean; departments: SideDepartment[] }>();
  if (taskIds.length === 0) {
    return out;
  }
  const rows = await db
    .select({
      taskId: tasks.id,
      crossRegion: tasks.crossRegion,
      lead: tasks.leadDepartmentCode,
      code: departments.code,
      regionCode: departments.regionCode,
      name: departments.name,
    })
    .from(tasks)
    .innerJoin(
      departments,
      sql`${departments.code} = ${tasks.leadDepartmentCode} or ${departments.code} in (select p.department_code from task_participants p where p.task_id = ${tasks.id} and p.status <> 'declined')`,
    )
    .where(inArray(tasks.id, [...taskIds]));
  for (const r of rows) {
    const t = out.get(r.taskId) ?? { crossRegion: r.crossRegion, departments: [] };
    const d = { code: r.code, regionCode: r.regionCode, name: r.name };
    t.departments = r.code === r.lead ? [d, ...t.departments] : [...t.departments, d];
    out.set(r.taskId, t);
  }
  return out;
}

/**
 * SQL: is a visit (its task id and target division as SQL) on the side of one of `depts`? Always
 * true for a task without sides. Mirrors core `sideOfTarget`: a cross-region task whose departments
 * span regions gives each target to the departments of the most specific region holding it
 * (none holding it: shared by all).
 */
export function onSideOf(depts: readonly string[], taskId: SQL, division: SQL): SQL {
  const td = sql`(select d.code, d.region_code, regexp_replace(d.region_code, '(00)+$', '') as p
    from departments d
    where d.code = (select lead_department_code from tasks where id = ${taskId})
       or d.code in (select department_code from task_participants where task_id = ${taskId} and status <> 'declined'))`;
  const mine =
    depts.length === 0
      ? sql`false`
      : sql`td.code in (${sql.join(
          depts.map((d) => sql`${d}`),
          sql`, `,
        )})`;
  return sql`(not coalesce((select cross_region from tasks where id = ${taskId}), false)
    or (select count(distinct region_code) from ${td} td) < 2
    or not exists (select 1 from ${td} td where ${division} like td.p || '%')
    or exists (select 1 from ${td} td where ${mine} and ${division} like td.p || '%'
      and not exists (select 1 from ${td} o where ${division} like o.p || '%' and length(o.p) > length(td.p))))`;
}

/** The item versions of a task with their guideline (unparsed JSON). */
export async function taskItemVersions(db: Db, taskId: string) {
  return db
    .select({
      itemId: taskItems.itemId,
      version: taskItems.itemVersion,
      departmentCode: taskItems.departmentCode,
      name: inspectionItemVersions.name,
      legalBasis: inspectionItemVersions.legalBasis,
      guideline: inspectionItemVersions.guideline,
    })
    .from(taskItems)
    .innerJoin(
      inspectionItemVersions,
      and(
        eq(inspectionItemVersions.itemId, taskItems.itemId),
        eq(inspectionItemVersions.version, taskItems.itemVersion),
      ),
    )
    .where(eq(taskItems.taskId, taskId))
    .orderBy(asc(taskItems.departmentCode), asc(inspectionItemVersions.name));
}

/** A target by id. */
export async function findTargetRow(db: Db, id: string): Promise<TargetRow | undefined> {
  const [row] = await db.select().from(targets).where(eq(targets.id, id));
  return row;
}

/** Inspectors by id (a team). */
export async function inspectorsByIds(db: Db, ids: readonly string[]): Promise<InspectorRow[]> {
  return ids.length === 0
    ? []
    : db
        .select()
        .from(inspectors)
        .where(inArray(inspectors.id, [...ids]));
}

/** The inspector records a user account stands for (users.inspector_badge ↔ inspectors.badge_no). */
export async function inspectorsOfUser(db: Db, userId: string): Promise<InspectorRow[]> {
  return db
    .select({ i: inspectors })
    .from(users)
    .innerJoin(inspectors, eq(inspectors.badgeNo, users.inspectorBadge))
    .where(eq(users.id, userId))
    .then((rows) => rows.map((r) => r.i));
}

/** Department names by code. */
export async function departmentNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ code: departments.code, name: departments.name })
    .from(departments)
    .where(inArray(departments.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The results of an inspection. */
export async function listResults(db: Db, inspectionId: string): Promise<ResultRow[]> {
  return db
    .select()
    .from(inspectionResults)
    .where(eq(inspectionResults.inspectionId, inspectionId))
    .orderBy(asc(inspectionResults.departmentCode));
}

/** Insert or replace results (one row per item). */
export async function upsertResults(
  tx: Db,
  rows: readonly (typeof inspectionResults.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await tx
    .insert(inspectionResults)
    .values([...rows])
    .onConflictDoUpdate({
      target: [inspectionResults.inspectionId, inspectionResults.itemId],
      set: {
        category: sql`excluded.category`,
        categoryNote: sql`excluded.category_note`,
        notes: sql`excluded.notes`,
        answers: sql`excluded.answers`,
        recordedBy: sql`excluded.recorded_by`,
        recordedAt: sql`excluded.recorded_at`,
      },
    });
}

/** A text[] literal from bound parameters. */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * Visits that these departments handle: of tasks where one is lead or participant and, in a
 * cross-region task, on the visit's side. Needs `inspections`, `tasks` and `targets` in the query.
 */
export function handledBy(departments: readonly string[]): SQL {
  return departments.length === 0
    ? sql`false`
    : sql`(${inArray(tasks.leadDepartmentCode, [...departments])} or exists (select 1 from task_participants p where p.task_id = ${tasks.id} and p.status <> 'declined' and ${inArray(sql`p.department_code`, [...departments])}))
            and ${onSideOf(departments, sql`${inspections.taskId}`, sql`${targets.divisionCode}`)}`;
}

export interface InspectionListFilter {
  /** Visits where one of these inspectors is on the team. */
  readonly inspectorIds?: readonly string[];
  /** Visits of tasks where one of these departments is lead or participant (and, in a cross-region task, on the visit's side). */
  readonly departments?: readonly string[];
  readonly statuses?: readonly string[];
  readonly taskId?: string;
  readonly limit: number;
}

/** Inspections with target and task, by planned date (undated last). */
export async function listInspections(db: Db, f: InspectionListFilter) {
  const conds: (SQL | undefined)[] = [ne(inspections.status, 'cancelled')];
  if (f.inspectorIds !== undefined) {
    conds.push(
      f.inspectorIds.length === 0
        ? sql`false`
        : sql`${inspections.inspectors} && ${textArray(f.inspectorIds)}`,
    );
  }
  if (f.departments !== undefined) {
    conds.push(handledBy(f.departments));
  }
  if (f.statuses !== undefined && f.statuses.length > 0) {
    conds.push(inArray(inspections.status, [...f.statuses]));
  }
  if (f.taskId !== undefined) {
    conds.push(eq(inspections.taskId, f.taskId));
  }
  return db
    .select({
      inspection: inspections,
      target: targets,
      task: {
        id: tasks.id,
        title: tasks.title,
        leadDepartmentCode: tasks.leadDepartmentCode,
        windowStart: tasks.windowStart,
        windowEnd: tasks.windowEnd,
      },
    })
    .from(inspections)
    .innerJoin(targets, eq(targets.id, inspections.targetId))
    .innerJoin(tasks, eq(tasks.id, inspections.taskId))
    .where(and(...conds))
    .orderBy(sql`${inspections.plannedDate} asc nulls last`, asc(inspections.createdAt), asc(inspections.id))
    .limit(f.limit);
}

/** Item names of several tasks, for lists. */
export async function itemNamesOfTasks(db: Db, taskIds: readonly string[]): Promise<Map<string, string[]>> {
  if (taskIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ taskId: taskItems.taskId, name: inspectionItemVersions.name })
    .from(taskItems)
    .innerJoin(
      inspectionItemVersions,
      and(
        eq(inspectionItemVersions.itemId, taskItems.itemId),
        eq(inspectionItemVersions.version, taskItems.itemVersion),
      ),
    )
    .where(inArray(taskItems.taskId, [...taskIds]))
    .orderBy(asc(inspectionItemVersions.name));
  const out = new Map<string, string[]>();
  for (const r of rows) {
    out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.name]);
  }
  return out;
}

/** A published inspection by id (anything unpublished is not found). */
export async function findPublishedInspection(db: Db, id: string): Promise<InspectionRow | undefined> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), eq(inspections.status, 'published')));
  return row;
}
