/**
 * Draw repository (摇号, spec ssj-draw/1): draw rows, their overrides, the inspections a draw
 * creates, and the lists of the portal. A draw is never deleted; abandoning keeps the row.
 */
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { drawOverrides, draws, inspections, tasks } from '../../db/schema';

export type DrawRow = typeof draws.$inferSelect;
export type NewDrawRow = typeof draws.$inferInsert;
export type OverrideRow = typeof drawOverrides.$inferSelect;

/** One draw; `lock` takes a row lock (two presses of "draw" serialise on it). */
export async function findDraw(db: Db, id: string, lock = false): Promise<DrawRow | undefined> {
  const q = db.select().from(draws).where(eq(draws.id, id)).limit(1);
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

/** Draws of a task, oldest first. */
export async function drawsOfTask(db: Db, taskId: string): Promise<DrawRow[]> {
  return db.select().from(draws).where(eq(draws.taskId, taskId)).orderBy(asc(draws.frozenAt), asc(draws.id));
}

/** Insert a draw row (the partial unique index refuses a second live draw of a task). */
export async function insertDraw(tx: Db, row: NewDrawRow): Promise<void> {
  await tx.insert(draws).values(row);
}

/** Update a draw row. */
export async function updateDraw(tx: Db, id: string, patch: Partial<NewDrawRow>): Promise<void> {
  await tx.update(draws).set(patch).where(eq(draws.id, id));
}

/** Overrides of a draw, in the order they were made. */
export async function overridesOf(db: Db, drawId: string): Promise<OverrideRow[]> {
  return db
    .select()
    .from(drawOverrides)
    .where(eq(drawOverrides.drawId, drawId))
    .orderBy(asc(drawOverrides.at), asc(drawOverrides.id));
}

/** Record a direct assignment (直接委派). */
export async function insertOverride(tx: Db, row: typeof drawOverrides.$inferInsert): Promise<void> {
  await tx.insert(drawOverrides).values(row);
}

/** One inspection row per selected target (the other half of issue 5 works them). */
export interface NewInspection {
  readonly targetId: string;
  readonly inspectors: readonly string[];
  readonly plannedDate: string;
}

/** Create the inspections of a draw in the caller's transaction. */
export async function insertInspections(
  tx: Db,
  taskId: string,
  drawId: string,
  drawYear: number,
  rows: readonly NewInspection[],
  at: Date,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.insert(inspections).values(
      rows.slice(i, i + 1000).map((r) => ({
        taskId,
        drawId,
        targetId: r.targetId,
        drawYear,
        inspectors: [...r.inspectors],
        plannedDate: r.plannedDate,
        status: 'assigned',
        createdAt: at,
        updatedAt: at,
      })),
    );
  }
}

/** Inspections of a draw that have started (anything past `assigned`, not cancelled). */
export async function startedInspections(db: Db, drawId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(inspections)
    .where(
      and(
        eq(inspections.drawId, drawId),
        ne(inspections.status, 'assigned'),
        ne(inspections.status, 'cancelled'),
      ),
    );
  return r?.n ?? 0;
}

/** Cancel the (unstarted) inspections of an abandoned draw; the rows stay. */
export async function cancelInspections(tx: Db, drawId: string, at: Date): Promise<void> {
  await tx
    .update(inspections)
    .set({ status: 'cancelled', updatedAt: at })
    .where(and(eq(inspections.drawId, drawId), eq(inspections.status, 'assigned')));
}

/** The inspection of a drawn target. */
export async function inspectionOf(db: Db, drawId: string, targetId: string) {
  const [r] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.drawId, drawId), eq(inspections.targetId, targetId)))
    .limit(1);
  return r;
}

/** Set an inspection's team (after an override). */
export async function setInspectionTeam(
  tx: Db,
  id: string,
  team: readonly string[],
  at: Date,
): Promise<void> {
  await tx
    .update(inspections)
    .set({ inspectors: [...team], updatedAt: at, version: sql`${inspections.version} + 1` })
    .where(eq(inspections.id, id));
}

/** The latest abandoned draw of a task not yet superseded (the next draw names it). */
export async function supersedable(db: Db, taskId: string): Promise<string | null> {
  const rows = await db
    .select({ id: draws.id })
    .from(draws)
    .where(
      and(
        eq(draws.taskId, taskId),
        eq(draws.status, 'abandoned'),
        sql`NOT EXISTS (SELECT 1 FROM draws d2 WHERE d2.supersedes = ${draws.id})`,
      ),
    )
    .orderBy(desc(draws.abandonedAt))
    .limit(1);
  return rows[0]?.id ?? null;
}

export interface PublicDrawFilter {
  readonly statuses?: readonly string[];
  readonly limit: number;
  readonly offset: number;
}

/** Committed, drawn and abandoned-after-commit draws (frozen ones are not public yet), newest first. */
export async function listPublicDraws(
  db: Db,
  f: PublicDrawFilter,
): Promise<{ rows: (DrawRow & { taskTitle: string; lead: string })[]; total: number }> {
  const conds: SQL[] = [sql`${draws.commitment} IS NOT NULL`];
  if (f.statuses !== undefined) {
    conds.push(inArray(draws.status, [...f.statuses]));
  }
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select({ draw: draws, taskTitle: tasks.title, lead: tasks.leadDepartmentCode })
      .from(draws)
      .innerJoin(tasks, eq(tasks.id, draws.taskId))
      .where(where)
      .orderBy(desc(draws.committedAt), desc(draws.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(draws).where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r.draw, taskTitle: r.taskTitle, lead: r.lead })),
    total: totals[0]?.n ?? 0,
  };
}

/** Counts of public draws by status (the portal counts abandoned draws). */
export async function publicDrawCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: draws.status, n: count() })
    .from(draws)
    .where(sql`${draws.commitment} IS NOT NULL`)
    .groupBy(draws.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
