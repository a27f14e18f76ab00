/**
 * Follow-up repository (后续处置): actions on findings, tracked to closure.
 */
import { and, asc, count, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { followUps, inspections, targets } from '../../db/schema';

export type FollowUpRow = typeof followUps.$inferSelect;

/** The follow-ups of an inspection. */
export async function followUpsOfInspection(db: Db, inspectionId: string): Promise<FollowUpRow[]> {
  return db
    .select()
    .from(followUps)
    .where(eq(followUps.inspectionId, inspectionId))
    .orderBy(asc(followUps.createdAt));
}

/** Insert a follow-up. */
export async function insertFollowUp(tx: Db, row: typeof followUps.$inferInsert): Promise<FollowUpRow> {
  const [out] = await tx.insert(followUps).values(row).returning();
  if (out === undefined) {
    throw new Error('bug: insert returned no row');
  }
  return out;
}

/** One follow-up, locked for a change. */
export async function lockFollowUp(tx: Db, id: string): Promise<FollowUpRow | undefined> {
  const [row] = await tx.select().from(followUps).where(eq(followUps.id, id)).for('update');
  return row;
}

/** Close a follow-up. */
export async function closeFollowUp(
  tx: Db,
  id: string,
  by: string,
  note: string,
  at: Date,
): Promise<FollowUpRow | undefined> {
  const [row] = await tx
    .update(followUps)
    .set({ status: 'closed', closedAt: at, closedBy: by, closingNote: note })
    .where(and(eq(followUps.id, id), eq(followUps.status, 'open')))
    .returning();
  return row;
}

export interface FollowUpFilter {
  readonly departments?: readonly string[];
  readonly status?: 'open' | 'closed';
  /** Only open ones past their deadline on this date. */
  readonly overdueOn?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Follow-ups with their target's name, open ones by deadline first; and the total. */
export async function searchFollowUps(db: Db, f: FollowUpFilter) {
  const conds: (SQL | undefined)[] = [];
  if (f.departments !== undefined) {
    conds.push(
      f.departments.length === 0 ? sql`false` : inArray(followUps.departmentCode, [...f.departments]),
    );
  }
  if (f.status !== undefined) {
    conds.push(eq(followUps.status, f.status));
  }
  if (f.overdueOn !== undefined) {
    conds.push(and(eq(followUps.status, 'open'), lt(followUps.deadline, f.overdueOn)));
  }
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select({
        followUp: followUps,
        targetName: targets.name,
        uscc: targets.uscc,
        taskId: inspections.taskId,
      })
      .from(followUps)
      .innerJoin(targets, eq(targets.id, followUps.targetId))
      .innerJoin(inspections, eq(inspections.id, followUps.inspectionId))
      .where(where)
      .orderBy(
        sql`${followUps.status} desc`,
        sql`${followUps.deadline} asc nulls last`,
        asc(followUps.createdAt),
      )
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(followUps).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
