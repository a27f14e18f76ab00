/**
 * What the staff view of a draw reads beside the draw itself: the selected targets' names, the
 * teams' people, the visits it created, its pool size, the overrides' internal reasons and the
 * departments' names.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, drawOverrides, drawPool, inspections, inspectors, targets } from '../../db/schema';

export async function targetNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) {
    return new Map<string, { name: string; address: string; legalRep: string | null }>();
  }
  const rows = await db
    .select({ id: targets.id, name: targets.name, address: targets.address, legalRep: targets.legalRep })
    .from(targets)
    .where(inArray(targets.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The code printed on a drawn target's notice (issue 16 part 2), once the draw made its visit. */
export async function noticeCodeOf(db: Db, drawId: string, targetId: string): Promise<string | null> {
  const [row] = await db
    .select({ code: inspections.noticeCode })
    .from(inspections)
    .where(and(eq(inspections.drawId, drawId), eq(inspections.targetId, targetId)));
  return row?.code ?? null;
}

export async function peopleByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) {
    return new Map<
      string,
      { name: string; badgeNo: string | null; departmentCode: string; expert: boolean }
    >();
  }
  const rows = await db
    .select({
      id: inspectors.id,
      badgeNo: inspectors.badgeNo,
      name: inspectors.name,
      departmentCode: inspectors.departmentCode,
      expert: inspectors.expert,
    })
    .from(inspectors)
    .where(inArray(inspectors.id, [...ids]));
  const out = new Map<
    string,
    { name: string; badgeNo: string | null; departmentCode: string; expert: boolean }
  >();
  for (const r of rows) {
    out.set(r.id, r);
    if (r.badgeNo !== null) {
      out.set(r.badgeNo, r);
    }
  }
  return out;
}

/** The visits a draw created for these targets. */
export async function drawInspectionsOf(db: Db, drawId: string, targetIds: readonly string[]) {
  if (targetIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(inspections)
    .where(and(eq(inspections.drawId, drawId), inArray(inspections.targetId, [...targetIds])));
}

/** How many inspectors were in the draw's frozen pool. */
export async function drawPoolSize(db: Db, drawId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(drawPool).where(eq(drawPool.drawId, drawId));
  return row?.n ?? 0;
}

/** The draw's overrides with their staff-only reasons. */
export async function drawOverrideReasons(db: Db, drawId: string) {
  return db
    .select({
      targetId: drawOverrides.targetId,
      at: drawOverrides.at,
      inspectors: drawOverrides.inspectors,
      internalReason: drawOverrides.internalReason,
    })
    .from(drawOverrides)
    .where(eq(drawOverrides.drawId, drawId));
}

/** Code and name of these departments. */
export async function departmentNames(db: Db, codes: readonly string[]) {
  if (codes.length === 0) {
    return [];
  }
  return db
    .select({ code: departments.code, name: departments.name })
    .from(departments)
    .where(inArray(departments.code, [...codes]));
}
