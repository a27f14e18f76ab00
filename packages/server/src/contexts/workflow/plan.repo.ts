/**
 * Plan repository (年度抽查计划): plan heads, their revisions with snapshots, and row locks
 * for transitions (a double submit changes nothing twice).
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, planRevisions, plans, tasks } from '../../db/schema';
import { pgTextArray } from '../../db/sql';

export type PlanRow = typeof plans.$inferSelect;
export type NewPlanRow = typeof plans.$inferInsert;
export type PlanRevisionRow = typeof planRevisions.$inferSelect;

/** A plan with its department's name and task count. */
export interface PlanListRow {
  readonly plan: PlanRow;
  readonly departmentName: string;
  readonly taskCount: number;
}

export interface PlanFilter {
  readonly year?: number;
  /** Plans of these departments, or with a task they participate in; undefined: all. */
  readonly visibleTo?: readonly string[];
  readonly statuses?: readonly string[];
}

/** Plans matching a filter, by year (newest first) then department. */
export async function listPlans(db: Db, f: PlanFilter): Promise<PlanListRow[]> {
  const conds: (SQL | undefined)[] = [];
  if (f.year !== undefined) {
    conds.push(eq(plans.year, f.year));
  }
  if (f.statuses !== undefined) {
    conds.push(inArray(plans.status, [...f.statuses, '']));
  }
  if (f.visibleTo !== undefined) {
    const depts = pgTextArray(f.visibleTo);
    conds.push(
      sql`(${plans.departmentCode} = ANY(${depts}::text[]) OR EXISTS (SELECT 1 FROM tasks tk JOIN task_participants tp ON tp.task_id = tk.id WHERE tk.plan_id = ${plans.id} AND tp.department_code = ANY(${depts}::text[])))`,
    );
  }
  const rows = await db
    .select({
      plan: plans,
      departmentName: departments.name,
      taskCount: sql<number>`(SELECT count(*) FROM ${tasks} WHERE ${tasks.planId} = ${plans.id})`.mapWith(
        Number,
      ),
    })
    .from(plans)
    .innerJoin(departments, eq(departments.code, plans.departmentCode))
    .where(and(...conds))
    .orderBy(desc(plans.year), asc(plans.departmentCode), asc(plans.createdAt));
  return rows;
}

/** One plan; `lock` takes a row lock for a transition. */
export async function findPlan(db: Db, id: string, lock = false): Promise<PlanRow | undefined> {
  const q = db.select().from(plans).where(eq(plans.id, id)).limit(1);
  const rows = lock ? await q.for('update') : await q;
  return rows[0];
}

/** Insert a plan. */
export async function insertPlan(db: Db, row: NewPlanRow): Promise<PlanRow> {
  const [r] = await db.insert(plans).values(row).returning();
  if (r === undefined) {
    throw new Error('bug: insert returned no plan');
  }
  return r;
}

/** Update a plan's fields. */
export async function updatePlan(
  db: Db,
  id: string,
  patch: Partial<NewPlanRow>,
): Promise<PlanRow | undefined> {
  const [r] = await db.update(plans).set(patch).where(eq(plans.id, id)).returning();
  return r;
}

/** Record a revision (its reason and the snapshot of what was published). */
export async function insertRevision(db: Db, row: typeof planRevisions.$inferInsert): Promise<void> {
  await db.insert(planRevisions).values(row);
}

/** Revisions of a plan, oldest first. */
export async function listRevisions(db: Db, planId: string): Promise<PlanRevisionRow[]> {
  return db
    .select()
    .from(planRevisions)
    .where(eq(planRevisions.planId, planId))
    .orderBy(asc(planRevisions.revision));
}

/** Number of plans (for the portal). */
export async function countPublishedPlans(db: Db): Promise<number> {
  const [r] = await db.select({ n: count() }).from(plans).where(eq(plans.status, 'published'));
  return r?.n ?? 0;
}
