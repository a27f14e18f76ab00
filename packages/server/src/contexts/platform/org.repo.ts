/**
 * Organisation repository: regions, departments, units.
 */
import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, regions, units } from '../../db/schema';

export type RegionRow = typeof regions.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

/** All regions, by code. */
export async function listRegions(db: Db): Promise<RegionRow[]> {
  return db.select().from(regions).orderBy(asc(regions.code));
}

/** All departments, by code. */
export async function listDepartments(db: Db): Promise<DepartmentRow[]> {
  return db.select().from(departments).orderBy(asc(departments.code));
}

/** One department. */
export async function findDepartment(db: Db, code: string): Promise<DepartmentRow | undefined> {
  const rows = await db.select().from(departments).where(eq(departments.code, code)).limit(1);
  return rows[0];
}

/** Units, optionally of one department. */
export async function listUnits(db: Db, departmentCode?: string): Promise<UnitRow[]> {
  const q = db.select().from(units);
  return departmentCode === undefined
    ? q.orderBy(asc(units.code))
    : q.where(eq(units.departmentCode, departmentCode)).orderBy(asc(units.code));
}

/** Insert regions (ignoring ones already there). */
export async function insertRegions(db: Db, rows: readonly (typeof regions.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) {
    await db
      .insert(regions)
      .values([...rows])
      .onConflictDoNothing();
  }
}

/** Insert departments. */
export async function insertDepartments(
  db: Db,
  rows: readonly (typeof departments.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) {
    await db.insert(departments).values([...rows]);
  }
}

/** Insert units. */
export async function insertUnits(db: Db, rows: readonly (typeof units.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) {
    await db.insert(units).values([...rows]);
  }
}

/** One unit. */
export async function findUnit(db: Db, code: string): Promise<UnitRow | undefined> {
  const rows = await db.select().from(units).where(eq(units.code, code)).limit(1);
  return rows[0];
}

/** Rename a department (name, short name). */
export async function updateDepartment(
  db: Db,
  code: string,
  patch: { readonly name?: string | undefined; readonly shortName?: string | undefined },
): Promise<DepartmentRow | undefined> {
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.shortName !== undefined ? { shortName: patch.shortName } : {}),
  };
  if (Object.keys(set).length === 0) {
    return findDepartment(db, code);
  }
  const rows = await db.update(departments).set(set).where(eq(departments.code, code)).returning();
  return rows[0];
}

/** Rename a unit. */
export async function updateUnit(db: Db, code: string, name: string): Promise<UnitRow | undefined> {
  const rows = await db.update(units).set({ name }).where(eq(units.code, code)).returning();
  return rows[0];
}

/** Which of these department codes exist. */
export async function existingDepartmentCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ code: departments.code })
    .from(departments)
    .where(inArray(departments.code, [...codes]));
  return new Set(rows.map((r) => r.code));
}

/** How many regions and departments the platform holds (the portal's overview). */
export async function countRegionsAndDepartments(db: Db): Promise<{ regions: number; departments: number }> {
  const [[r], [d]] = await Promise.all([
    db.select({ n: count() }).from(regions),
    db.select({ n: count() }).from(departments),
  ]);
  return { regions: r?.n ?? 0, departments: d?.n ?? 0 };
}
