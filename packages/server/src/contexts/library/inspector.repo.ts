/**
 * Inspector library repository (执法检查人员名录库). An inspector's id is the badge number of
 * a law-enforcement officer or the library id (EXP-0001) of an expert.
 */
import { and, asc, count, eq, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inspectors } from '../../db/schema';
import { likePattern } from './item.repo';

export type InspectorRow = typeof inspectors.$inferSelect;
export type NewInspectorRow = typeof inspectors.$inferInsert;

export interface InspectorFilter {
  readonly departments?: readonly string[];
  /** Only this inspector (an inspector reading their own record). */
  readonly ids?: readonly string[];
  readonly keyword?: string;
  readonly unitCode?: string;
  readonly expert?: boolean;
  readonly active?: boolean;
  readonly specialty?: string;
  readonly limit: number;
  readonly offset: number;
}

function filterWhere(f: Omit<InspectorFilter, 'limit' | 'offset'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.departments !== undefined) {
    conds.push(
      f.departments.length === 0 ? sql`false` : inArray(inspectors.departmentCode, [...f.departments]),
    );
  }
  if (f.ids !== undefined) {
    conds.push(f.ids.length === 0 ? sql`false` : inArray(inspectors.id, [...f.ids]));
  }
  const kw = f.keyword?.trim() ?? '';
  if (kw !== '') {
    const p = likePattern(kw);
    conds.push(or(ilike(inspectors.name, p), ilike(inspectors.id, p), ilike(inspectors.badgeNo, p)));
  }
  if (f.unitCode !== undefined) {
    conds.push(eq(inspectors.unitCode, f.unitCode));
  }
  if (f.expert !== undefined) {
    conds.push(eq(inspectors.expert, f.expert));
  }
  if (f.active !== undefined) {
    conds.push(eq(inspectors.active, f.active));
  }
  if (f.specialty !== undefined && f.specialty !== '') {
    conds.push(sql`${f.specialty} = ANY(${inspectors.specialties})`);
  }
  return and(...conds);
}

/** Inspectors matching a filter, by department then id; and the total. */
export async function searchInspectors(
  db: Db,
  f: InspectorFilter,
): Promise<{ rows: InspectorRow[]; total: number }> {
  const where = filterWhere(f);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(inspectors)
      .where(where)
      .orderBy(asc(inspectors.departmentCode), asc(inspectors.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(inspectors).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** One inspector by id. */
export async function findInspector(db: Db, id: string): Promise<InspectorRow | undefined> {
  const rows = await db.select().from(inspectors).where(eq(inspectors.id, id)).limit(1);
  return rows[0];
}

/** Inspectors by ids, keyed by id. */
export async function findInspectorsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, InspectorRow>> {
  const out = new Map<string, InspectorRow>();
  if (ids.length > 0) {
    for (const r of await db
      .select()
      .from(inspectors)
      .where(inArray(inspectors.id, [...ids]))) {
      out.set(r.id, r);
    }
  }
  return out;
}

/** Inspectors by badge numbers, keyed by badge. */
export async function findInspectorsByBadges(
  db: Db,
  badges: readonly string[],
): Promise<Map<string, InspectorRow>> {
  const out = new Map<string, InspectorRow>();
  if (badges.length > 0) {
    for (const r of await db
      .select()
      .from(inspectors)
      .where(inArray(inspectors.badgeNo, [...badges]))) {
      out.set(r.badgeNo ?? r.id, r);
    }
  }
  return out;
}

/** Experts of a department by name (re-imports of experts without their library id). */
export async function findExpertsByName(
  db: Db,
  departmentCode: string,
  names: readonly string[],
): Promise<InspectorRow[]> {
  if (names.length === 0) {
    return [];
  }
  return db
    .select()
    .from(inspectors)
    .where(
      and(
        eq(inspectors.expert, true),
        eq(inspectors.departmentCode, departmentCode),
        inArray(inspectors.name, [...names]),
      ),
    );
}

/** Every expert library id in use (for numbering the next one). */
export async function listExpertIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: inspectors.id }).from(inspectors).where(like(inspectors.id, 'EXP-%'));
  return rows.map((r) => r.id);
}

/** Insert inspectors (multi-row). */
export async function insertInspectors(db: Db, rows: readonly NewInspectorRow[]): Promise<void> {
  if (rows.length > 0) {
    await db.insert(inspectors).values([...rows]);
  }
}

/** Update one inspector's fields. */
export async function updateInspector(
  db: Db,
  id: string,
  patch: Partial<NewInspectorRow>,
): Promise<InspectorRow | undefined> {
  const rows = await db.update(inspectors).set(patch).where(eq(inspectors.id, id)).returning();
  return rows[0];
}
