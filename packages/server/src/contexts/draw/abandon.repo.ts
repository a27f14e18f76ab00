/**
 * Abandonment requests (作废申请, issue 13): a redraw needs a reason from one person and the
 * approval of a second. The partial unique index keeps one pending request per draw.
 */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { drawAbandonRequests, draws, tasks } from '../../db/schema';

export type AbandonRequestRow = typeof drawAbandonRequests.$inferSelect;

/** A request with the task it is about (for lists and access checks). */
export interface AbandonRequestWithTask extends AbandonRequestRow {
  readonly taskId: string;
  readonly taskTitle: string;
  readonly leadDepartmentCode: string;
}

/** Record a pending request; returns its id. */
export async function insertAbandonRequest(
  tx: Db,
  row: { drawId: string; reason: string; requestedBy: string; requestedAt: Date },
): Promise<number> {
  const [r] = await tx
    .insert(drawAbandonRequests)
    .values({ ...row, status: 'pending' })
    .returning({ id: drawAbandonRequests.id });
  if (r === undefined) {
    throw new Error('insert into draw_abandon_requests returned no row');
  }
  return r.id;
}

/** One request; `lock` takes a row lock (two leaders deciding at once serialise on it). */
export async function findAbandonRequest(
  db: Db,
  id: number,
  lock = false,
): Promise<AbandonRequestRow | undefined> {
  const q = db.select().from(drawAbandonRequests).where(eq(drawAbandonRequests.id, id)).limit(1);
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

/** The pending request of a draw, if any. */
export async function pendingAbandonRequest(db: Db, drawId: string): Promise<AbandonRequestRow | undefined> {
  const [r] = await db
    .select()
    .from(drawAbandonRequests)
    .where(and(eq(drawAbandonRequests.drawId, drawId), eq(drawAbandonRequests.status, 'pending')))
    .limit(1);
  return r;
}

/** Record the decision on a pending request. */
export async function decideAbandonRequest(
  tx: Db,
  id: number,
  d: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; comment: string | null },
): Promise<void> {
  await tx.update(drawAbandonRequests).set(d).where(eq(drawAbandonRequests.id, id));
}

const withTask = {
  id: drawAbandonRequests.id,
  drawId: drawAbandonRequests.drawId,
  reason: drawAbandonRequests.reason,
  requestedBy: drawAbandonRequests.requestedBy,
  requestedAt: drawAbandonRequests.requestedAt,
  status: drawAbandonRequests.status,
  decidedBy: drawAbandonRequests.decidedBy,
  decidedAt: drawAbandonRequests.decidedAt,
  comment: drawAbandonRequests.comment,
  taskId: tasks.id,
  taskTitle: tasks.title,
  leadDepartmentCode: tasks.leadDepartmentCode,
};

/**
 * Requests, newest first, optionally one by id, of one draw, of one status, or of tasks led by the given
 * departments (null: every department).
 */
export async function listAbandonRequests(
  db: Db,
  filter: {
    id?: number;
    drawId?: string;
    status?: string;
    departments: readonly string[] | null;
    limit: number;
  },
): Promise<AbandonRequestWithTask[]> {
  const where: SQL[] = [];
  if (filter.id !== undefined) {
    where.push(eq(drawAbandonRequests.id, filter.id));
  }
  if (filter.drawId !== undefined) {
    where.push(eq(drawAbandonRequests.drawId, filter.drawId));
  }
  if (filter.status !== undefined) {
    where.push(eq(drawAbandonRequests.status, filter.status));
  }
  if (filter.departments !== null) {
    if (filter.departments.length === 0) {
      return [];
    }
    where.push(inArray(tasks.leadDepartmentCode, [...filter.departments]));
  }
  return db
    .select(withTask)
    .from(drawAbandonRequests)
    .innerJoin(draws, eq(draws.id, drawAbandonRequests.drawId))
    .innerJoin(tasks, eq(tasks.id, draws.taskId))
    .where(and(...where))
    .orderBy(desc(drawAbandonRequests.requestedAt), desc(drawAbandonRequests.id))
    .limit(filter.limit);
}
