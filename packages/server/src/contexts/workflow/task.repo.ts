/**
 * Task repository (抽查任务): task heads with the item versions they use and their participating
 * departments' acceptance. Ids are per year, T-2026-0001, handed out under an advisory lock.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryOne, pgTextArray } from '../../db/sql';
import { draws, inspectionItemVersions, plans, taskItems, taskParticipants, tasks } from '../../db/schema';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;
export type ParticipantRow = typeof taskParticipants.$inferSelect;

/** An item version a task uses, with what the ratio-cap rule and screens need. */
export interface TaskItemRow {
  readonly itemId: string;
  readonly itemVersion: number;
  readonly departmentCode: string;
  readonly name: string;
  readonly priority: string;
  readonly ratioCap: string | null;
  readonly legalBasis: string;
}

/** A task with its items, participants and its plan's status. */
export interface TaskFull {
  readonly task: TaskRow;
  readonly planStatus: string;
  readonly planYear: number;
  readonly items: TaskItemRow[];
  readonly participants: ParticipantRow[];
}

/** The next task id of a year; call inside the transaction that inserts it. */
export async function nextTaskId(tx: Db, year: number): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(5050, ${year})`);
  const r = await queryOne(
    tx,
    sql`SELECT coalesce(max(substring(id from 8)::int), 0) AS n FROM tasks WHERE id LIKE ${`T-${year}-%`}`,
    z.object({ n: z.coerce.number() }),
  );
  return `T-${year}-${String((r?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** Insert a task with its items and participants (pending). */
export async function insertTask(
  tx: Db,
  row: NewTaskRow,
  items: readonly { itemId: string; itemVersion: number; departmentCode: string }[],
  participants: readonly string[],
): Promise<void> {
  await tx.insert(tasks).values(row);
  await replaceTaskParts(tx, row.id, items, participants);
}

/** Replace a task's items and participants (participants keep their answer when still listed). */
export async function replaceTaskParts(
  tx: Db,
  taskId: string,
  items: readonly { itemId: string; itemVersion: number; departmentCode: string }[],
  participants: readonly string[],
): Promise<void> {
  await tx.delete(taskItems).where(eq(taskItems.taskId, taskId));
  if (items.length > 0) {
    await tx.insert(taskItems).values(items.map((i) => ({ taskId, ...i })));
  }
  const keep = [...participants, ''];
  await tx
    .delete(taskParticipants)
    .where(
      and(
        eq(taskParticipants.taskId, taskId),
        sql`${taskParticipants.departmentCode} <> ALL(${pgTextArray(keep)}::text[])`,
      ),
    );
  if (participants.length > 0) {
    await tx
      .insert(taskParticipants)
      .values(participants.map((d) => ({ taskId, departmentCode: d })))
      .onConflictDoNothing();
  }
}

/** Update a task head. */
export async function updateTask(tx: Db, id: string, patch: Partial<NewTaskRow>): Promise<void> {
  await tx.update(tasks).set(patch).where(eq(tasks.id, id));
}

/** Delete a task that was never drawn (a draft plan's task), with its parts. */
export async function deleteTask(tx: Db, id: string): Promise<void> {
  await tx.delete(taskItems).where(eq(taskItems.taskId, id));
  await tx.delete(taskParticipants).where(eq(taskParticipants.taskId, id));
  await tx.delete(tasks).where(eq(tasks.id, id));
}

/** Set a participating department's answer. */
export async function setParticipation(
  tx: Db,
  taskId: string,
  dept: string,
  patch: Partial<typeof taskParticipants.$inferInsert>,
): Promise<void> {
  await tx
    .update(taskParticipants)
    .set(patch)
    .where(and(eq(taskParticipants.taskId, taskId), eq(taskParticipants.departmentCode, dept)));
}

async function partsOf(
  db: Db,
  ids: readonly string[],
): Promise<{ items: Map<string, TaskItemRow[]>; participants: Map<string, ParticipantRow[]> }> {
  const items = new Map<string, TaskItemRow[]>();
  const participants = new Map<string, ParticipantRow[]>();
  if (ids.length === 0) {
    return { items, participants };
  }
  // one after the other: `db` may be a transaction, whose one connection runs one query at a time
  const itemRows = await db
    .select({
      taskId: taskItems.taskId,
      itemId: taskItems.itemId,
      itemVersion: taskItems.itemVersion,
      departmentCode: taskItems.departmentCode,
      name: inspectionItemVersions.name,
      priority: inspectionItemVersions.priority,
      ratioCap: inspectionItemVersions.ratioCap,
      legalBasis: inspectionItemVersions.legalBasis,
    })
    .from(taskItems)
    .innerJoin(
      inspectionItemVersions,
      and(
        eq(inspectionItemVersions.itemId, taskItems.itemId),
        eq(inspectionItemVersions.version, taskItems.itemVersion),
      ),
    )
    .where(inArray(taskItems.taskId, [...ids]))
    .orderBy(asc(taskItems.departmentCode), asc(inspectionItemVersions.name));
  const partRows = await db
    .select()
    .from(taskParticipants)
    .where(inArray(taskParticipants.taskId, [...ids]))
    .orderBy(asc(taskParticipants.departmentCode));
  for (const { taskId, ...r } of itemRows) {
    items.set(taskId, [...(items.get(taskId) ?? []), r]);
  }
  for (const p of partRows) {
    participants.set(p.taskId, [...(participants.get(p.taskId) ?? []), p]);
  }
  return { items, participants };
}

export interface TaskFilter {
  readonly planId?: string;
  readonly year?: number;
  /** Tasks led by, or joined by, these departments; undefined: all. */
  readonly visibleTo?: readonly string[];
  readonly planStatuses?: readonly string[];
}

/** Tasks with their parts, by id. */
export async function listTasks(db: Db, f: TaskFilter, lock = false): Promise<TaskFull[]> {
  const conds: (SQL | undefined)[] = [];
  if (f.planId !== undefined) {
    conds.push(eq(tasks.planId, f.planId));
  }
  if (f.year !== undefined) {
    conds.push(eq(plans.year, f.year));
  }
  if (f.planStatuses !== undefined) {
    conds.push(inArray(plans.status, [...f.planStatuses]));
  }
  if (f.visibleTo !== undefined) {
    const depts = pgTextArray(f.visibleTo);
    conds.push(
      sql`(${tasks.leadDepartmentCode} = ANY(${depts}::text[]) OR EXISTS (SELECT 1 FROM task_participants tp WHERE tp.task_id = ${tasks.id} AND tp.department_code = ANY(${depts}::text[])))`,
    );
  }
  const q = db
    .select({ task: tasks, planStatus: plans.status, planYear: plans.year })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(...conds))
    .orderBy(asc(tasks.id));
  const heads = lock ? await q.for('update', { of: tasks }) : await q;
  const parts = await partsOf(
    db,
    heads.map((h) => h.task.id),
  );
  return heads.map((h) => ({
    ...h,
    items: parts.items.get(h.task.id) ?? [],
    participants: parts.participants.get(h.task.id) ?? [],
  }));
}

/** One task with its parts; `lock` takes a row lock on the task. */
export async function findTask(db: Db, id: string, lock = false): Promise<TaskFull | undefined> {
  const q = db
    .select({ task: tasks, planStatus: plans.status, planYear: plans.year })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(eq(tasks.id, id))
    .limit(1);
  const [head] = lock ? await q.for('update', { of: tasks }) : await q;
  if (head === undefined) {
    return undefined;
  }
  const parts = await partsOf(db, [id]);
  return { ...head, items: parts.items.get(id) ?? [], participants: parts.participants.get(id) ?? [] };
}

/** A draw of a task as task views and state checks read it (the draw context writes draws). */
export type TaskDrawRow = typeof draws.$inferSelect;

/** The draws of a task, oldest first. */
export async function drawsOfTask(db: Db, taskId: string): Promise<TaskDrawRow[]> {
  return db.select().from(draws).where(eq(draws.taskId, taskId)).orderBy(asc(draws.frozenAt), asc(draws.id));
}
