/**
 * Objections and credit repair (issue 16 part 2): finding a published visit by USCC and notice
 * code, the appeals of a visit, the leaders' queue, attachments, decisions and corrections.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  appealAttachments,
  inspectionResults,
  inspections,
  resultAppeals,
  targets,
  tasks,
} from '../../db/schema';
import { handledBy } from './inspection.repo';

export type AppealRow = typeof resultAppeals.$inferSelect;
export type NewAppealRow = typeof resultAppeals.$inferInsert;
export type NewAttachmentRow = typeof appealAttachments.$inferInsert;

/** A published visit of the business with this USCC whose notice carries this code. */
export async function findPublishedByNotice(db: Db, uscc: string, noticeCode: string) {
  const [row] = await db
    .select({ inspection: inspections, targetName: targets.name, taskTitle: tasks.title })
    .from(inspections)
    .innerJoin(targets, eq(targets.id, inspections.targetId))
    .innerJoin(tasks, eq(tasks.id, inspections.taskId))
    .where(
      and(
        eq(targets.uscc, uscc),
        eq(inspections.noticeCode, noticeCode),
        eq(inspections.status, 'published'),
      ),
    )
    .limit(1);
  return row;
}

/** Every appeal of a visit, oldest first. */
export async function appealsOfInspection(db: Db, inspectionId: string): Promise<AppealRow[]> {
  return db
    .select()
    .from(resultAppeals)
    .where(eq(resultAppeals.inspectionId, inspectionId))
    .orderBy(asc(resultAppeals.filedAt), asc(resultAppeals.id));
}

/** The newest appeal of each of these visits (for portal lists and details). */
export async function newestAppeals(
  db: Db,
  inspectionIds: readonly string[],
): Promise<Map<string, AppealRow>> {
  if (inspectionIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectDistinctOn([resultAppeals.inspectionId])
    .from(resultAppeals)
    .where(inArray(resultAppeals.inspectionId, [...inspectionIds]))
    .orderBy(resultAppeals.inspectionId, desc(resultAppeals.filedAt), desc(resultAppeals.id));
  return new Map(rows.map((r) => [r.inspectionId, r]));
}

/** Store an appeal and its attachments. */
export async function insertAppeal(
  tx: Db,
  row: NewAppealRow,
  files: readonly Omit<NewAttachmentRow, 'appealId'>[],
): Promise<AppealRow> {
  const [saved] = await tx.insert(resultAppeals).values(row).returning();
  if (saved === undefined) {
    throw new Error('bug: an insert returned no row');
  }
  if (files.length > 0) {
    await tx.insert(appealAttachments).values(files.map((f) => ({ ...f, appealId: saved.id })));
  }
  return saved;
}

/** An appeal, locked for the caller's transaction. */
export async function lockAppeal(tx: Db, id: string): Promise<AppealRow | undefined> {
  const [row] = await tx.select().from(resultAppeals).where(eq(resultAppeals.id, id)).for('update');
  return row;
}

/** An appeal. */
export async function findAppeal(db: Db, id: string): Promise<AppealRow | undefined> {
  const [row] = await db.select().from(resultAppeals).where(eq(resultAppeals.id, id));
  return row;
}

/** Record the decision on an appeal. */
export async function setDecision(
  tx: Db,
  id: string,
  set: Pick<AppealRow, 'status' | 'decidedAt' | 'decidedBy' | 'reason' | 'corrections' | 'effectiveFrom'>,
): Promise<AppealRow> {
  const [row] = await tx.update(resultAppeals).set(set).where(eq(resultAppeals.id, id)).returning();
  if (row === undefined) {
    throw new Error(`bug: appeal ${id} vanished inside its transaction`);
  }
  return row;
}

/** Correct one item's result of a visit (an objection decided `corrected`). */
export async function correctResult(
  tx: Db,
  inspectionId: string,
  c: { itemId: string; category: string; note: string | null; by: string; at: Date },
): Promise<void> {
  await tx
    .update(inspectionResults)
    .set({ category: c.category, categoryNote: c.note, recordedBy: c.by, recordedAt: c.at })
    .where(and(eq(inspectionResults.inspectionId, inspectionId), eq(inspectionResults.itemId, c.itemId)));
}

/** Attachment metadata of an appeal, without the bytes. */
export async function attachmentsOf(db: Db, appealId: string) {
  return db
    .select({
      id: appealAttachments.id,
      fileName: appealAttachments.fileName,
      mime: appealAttachments.mime,
      bytes: appealAttachments.bytes,
      sha256: appealAttachments.sha256,
    })
    .from(appealAttachments)
    .where(eq(appealAttachments.appealId, appealId))
    .orderBy(asc(appealAttachments.fileName), asc(appealAttachments.id));
}

/** One attachment with its bytes (base64). */
export async function findAttachment(db: Db, appealId: string, id: string) {
  const [row] = await db
    .select()
    .from(appealAttachments)
    .where(and(eq(appealAttachments.appealId, appealId), eq(appealAttachments.id, id)));
  return row;
}

export interface AppealListFilter {
  /** Appeals on visits these departments handle; null = every department (oversight roles). */
  readonly departments: readonly string[] | null;
  readonly status?: string | undefined;
  readonly kind?: string | undefined;
  readonly targetId?: string | undefined;
  readonly assignedTo?: string | undefined;
  readonly overdueOn?: string | undefined;
}

/** A page of appeals, pending ones by deadline first, then the decided newest first. */
export async function listAppeals(db: Db, f: AppealListFilter, page: { offset: number; limit: number }) {
  const conds: SQL[] = [];
  if (f.departments !== null) {
    conds.push(handledBy(f.departments));
  }
  const eqIf = <T>(col: Parameters<typeof eq>[0], v: T | undefined) => {
    if (v !== undefined) {
      conds.push(eq(col, v));
    }
  };
  eqIf(resultAppeals.status, f.status);
  eqIf(resultAppeals.kind, f.kind);
  eqIf(resultAppeals.targetId, f.targetId);
  eqIf(resultAppeals.assignedTo, f.assignedTo);
  if (f.overdueOn !== undefined) {
    conds.push(sql`${resultAppeals.status} = 'pending' and ${resultAppeals.dueOn} < ${f.overdueOn}::date`);
  }
  const where = conds.length === 0 ? undefined : and(...conds);
  const base = db
    .select({
      appeal: resultAppeals,
      targetName: targets.name,
      uscc: targets.uscc,
      taskId: tasks.id,
      taskTitle: tasks.title,
      leadDepartmentCode: tasks.leadDepartmentCode,
    })
    .from(resultAppeals)
    .innerJoin(inspections, eq(inspections.id, resultAppeals.inspectionId))
    .innerJoin(targets, eq(targets.id, resultAppeals.targetId))
    .innerJoin(tasks, eq(tasks.id, inspections.taskId))
    .where(where);
  // one after the other: `db` may be a transaction's one connection
  const rows = await base
    .orderBy(
      sql`(${resultAppeals.status} = 'pending') desc`,
      sql`case when ${resultAppeals.status} = 'pending' then ${resultAppeals.dueOn} end asc`,
      desc(resultAppeals.filedAt),
      asc(resultAppeals.id),
    )
    .offset(page.offset)
    .limit(page.limit);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(resultAppeals)
    .innerJoin(inspections, eq(inspections.id, resultAppeals.inspectionId))
    .innerJoin(targets, eq(targets.id, resultAppeals.targetId))
    .innerJoin(tasks, eq(tasks.id, inspections.taskId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}
