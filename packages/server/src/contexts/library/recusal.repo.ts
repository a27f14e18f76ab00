/**
 * Recusal repository (回避): declarations of an inspector's conflict with a target, their
 * withdrawal, and the active pairs the draw freeze turns into pair exclusions (spec §5).
 */
import type { PairExclusion } from '@openssj/core';
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inspectors, recusals, targets } from '../../db/schema';

export type RecusalRow = typeof recusals.$inferSelect;

/** A declaration with the names people need to read it. */
export interface RecusalWithNames {
  readonly recusal: RecusalRow;
  readonly inspectorName: string;
  readonly departmentCode: string;
  readonly targetName: string;
}

export interface RecusalFilter {
  readonly inspectorIds?: readonly string[];
  readonly departments?: readonly string[];
  readonly targetId?: string;
  readonly activeOnly?: boolean;
  readonly limit: number;
}

/** Declarations matching a filter, newest first. */
export async function listRecusals(db: Db, f: RecusalFilter): Promise<RecusalWithNames[]> {
  const conds: (SQL | undefined)[] = [];
  if (f.inspectorIds !== undefined) {
    conds.push(f.inspectorIds.length === 0 ? sql`false` : inArray(recusals.inspectorId, [...f.inspectorIds]));
  }
  if (f.departments !== undefined) {
    conds.push(
      f.departments.length === 0 ? sql`false` : inArray(inspectors.departmentCode, [...f.departments]),
    );
  }
  if (f.targetId !== undefined) {
    conds.push(eq(recusals.targetId, f.targetId));
  }
  if (f.activeOnly === true) {
    conds.push(isNull(recusals.withdrawnAt));
  }
  return db
    .select({
      recusal: recusals,
      inspectorName: inspectors.name,
      departmentCode: inspectors.departmentCode,
      targetName: targets.name,
    })
    .from(recusals)
    .innerJoin(inspectors, eq(inspectors.id, recusals.inspectorId))
    .innerJoin(targets, eq(targets.id, recusals.targetId))
    .where(and(...conds))
    .orderBy(desc(recusals.declaredAt), asc(recusals.id))
    .limit(f.limit);
}

/** One declaration with names. */
export async function findRecusal(db: Db, id: string): Promise<RecusalWithNames | undefined> {
  const rows = await db
    .select({
      recusal: recusals,
      inspectorName: inspectors.name,
      departmentCode: inspectors.departmentCode,
      targetName: targets.name,
    })
    .from(recusals)
    .innerJoin(inspectors, eq(inspectors.id, recusals.inspectorId))
    .innerJoin(targets, eq(targets.id, recusals.targetId))
    .where(eq(recusals.id, id))
    .limit(1);
  return rows[0];
}

/** The active declaration of a pair, if any. */
export async function findActiveRecusal(
  db: Db,
  inspectorId: string,
  targetId: string,
): Promise<RecusalRow | undefined> {
  const rows = await db
    .select()
    .from(recusals)
    .where(
      and(
        eq(recusals.inspectorId, inspectorId),
        eq(recusals.targetId, targetId),
        isNull(recusals.withdrawnAt),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Insert a declaration, returning it. */
export async function insertRecusal(db: Db, row: typeof recusals.$inferInsert): Promise<RecusalRow> {
  const rows = await db.insert(recusals).values(row).returning();
  const r = rows[0];
  if (r === undefined) {
    throw new Error('bug: insert returned no row');
  }
  return r;
}

/** Mark a declaration withdrawn at `at` (only if still active); returns it, or undefined. */
export async function withdrawRecusal(db: Db, id: string, at: Date): Promise<RecusalRow | undefined> {
  const rows = await db
    .update(recusals)
    .set({ withdrawnAt: at })
    .where(and(eq(recusals.id, id), isNull(recusals.withdrawnAt)))
    .returning();
  return rows[0];
}

/** The active (inspector, target) pairs among these inspectors (and targets, if given), for the draw's pair exclusions. */
export async function activeRecusalPairs(
  db: Db,
  inspectorIds: readonly string[],
  targetIds?: readonly string[],
): Promise<PairExclusion[]> {
  if (inspectorIds.length === 0 || (targetIds !== undefined && targetIds.length === 0)) {
    return [];
  }
  const rows = await db
    .selectDistinct({ target: recusals.targetId, inspector: recusals.inspectorId })
    .from(recusals)
    .where(
      and(
        isNull(recusals.withdrawnAt),
        inArray(recusals.inspectorId, [...inspectorIds]),
        targetIds === undefined ? undefined : inArray(recusals.targetId, [...targetIds]),
      ),
    )
    .orderBy(asc(recusals.targetId), asc(recusals.inspectorId));
  return rows;
}

/** True when the target is in the library. */
export async function targetExists(db: Db, targetId: string): Promise<boolean> {
  const rows = await db.select({ id: targets.id }).from(targets).where(eq(targets.id, targetId)).limit(1);
  return rows.length > 0;
}

/** Which of these inspectors have an active (not withdrawn) recusal from the target. */
export async function activeRecusalsAgainst(
  db: Db,
  targetId: string,
  inspectorIds: readonly string[],
): Promise<{ inspectorId: string }[]> {
  if (inspectorIds.length === 0) {
    return [];
  }
  return db
    .select({ inspectorId: recusals.inspectorId })
    .from(recusals)
    .where(
      and(
        eq(recusals.targetId, targetId),
        inArray(recusals.inspectorId, [...inspectorIds]),
        isNull(recusals.withdrawnAt),
      ),
    );
}
