/**
 * Inspection item repository (随机抽查事项清单): item heads and their versions. A version is
 * never changed once written; tasks refer to (itemId, version).
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, inspectionItems, inspectionItemVersions } from '../../db/schema';

export type ItemRow = typeof inspectionItems.$inferSelect;
export type ItemVersionRow = typeof inspectionItemVersions.$inferSelect;
export type NewItemVersionRow = typeof inspectionItemVersions.$inferInsert;

/** An item head with its current version. */
export interface ItemWithVersion {
  readonly item: ItemRow;
  readonly version: ItemVersionRow;
  readonly departmentName: string;
}

export interface ItemFilter {
  /** Restrict to these departments; undefined: all. */
  readonly departments?: readonly string[];
  readonly keyword?: string;
  readonly priority?: 'key' | 'general';
  readonly method?: 'document' | 'onsite' | 'online';
  readonly published?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** Escape LIKE wildcards so a keyword matches literally. */
export function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterWhere(f: Omit<ItemFilter, 'limit' | 'offset'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (f.departments !== undefined) {
    conds.push(
      f.departments.length === 0 ? sql`false` : inArray(inspectionItems.departmentCode, [...f.departments]),
    );
  }
  const kw = f.keyword?.trim() ?? '';
  if (kw !== '') {
    const p = likePattern(kw);
    conds.push(
      or(
        ilike(inspectionItemVersions.name, p),
        ilike(inspectionItems.code, p),
        ilike(inspectionItemVersions.legalBasis, p),
      ),
    );
  }
  if (f.priority !== undefined) {
    conds.push(eq(inspectionItemVersions.priority, f.priority));
  }
  if (f.method !== undefined) {
    conds.push(eq(inspectionItemVersions.method, f.method));
  }
  if (f.published !== undefined) {
    conds.push(eq(inspectionItems.published, f.published));
  }
  return and(...conds);
}

const currentJoin = and(
  eq(inspectionItemVersions.itemId, inspectionItems.id),
  eq(inspectionItemVersions.version, inspectionItems.currentVersion),
);

/** Items matching a filter with their current versions, by department then code; and the total. */
export async function searchItems(
  db: Db,
  f: ItemFilter,
): Promise<{ rows: ItemWithVersion[]; total: number }> {
  const where = filterWhere(f);
  const [rows, totals] = await Promise.all([
    db
      .select({ item: inspectionItems, version: inspectionItemVersions, departmentName: departments.name })
      .from(inspectionItems)
      .innerJoin(inspectionItemVersions, currentJoin)
      .innerJoin(departments, eq(departments.code, inspectionItems.departmentCode))
      .where(where)
      .orderBy(asc(inspectionItems.departmentCode), asc(inspectionItems.code))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: count() })
      .from(inspectionItems)
      .innerJoin(inspectionItemVersions, currentJoin)
      .where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** One item with its current version. */
export async function findItem(db: Db, id: string): Promise<ItemWithVersion | undefined> {
  const rows = await db
    .select({ item: inspectionItems, version: inspectionItemVersions, departmentName: departments.name })
    .from(inspectionItems)
    .innerJoin(inspectionItemVersions, currentJoin)
    .innerJoin(departments, eq(departments.code, inspectionItems.departmentCode))
    .where(eq(inspectionItems.id, id))
    .limit(1);
  return rows[0];
}

/** Items (with current versions) by department code + item code pairs, keyed `dept|code`. */
export async function findItemsByCodes(
  db: Db,
  keys: readonly { departmentCode: string; code: string }[],
): Promise<Map<string, ItemWithVersion>> {
  const out = new Map<string, ItemWithVersion>();
  if (keys.length === 0) {
    return out;
  }
  const joined = keys.map((k) => `${k.departmentCode}|${k.code}`);
  const rows = await db
    .select({ item: inspectionItems, version: inspectionItemVersions, departmentName: departments.name })
    .from(inspectionItems)
    .innerJoin(inspectionItemVersions, currentJoin)
    .innerJoin(departments, eq(departments.code, inspectionItems.departmentCode))
    .where(inArray(sql<string>`${inspectionItems.departmentCode} || '|' || ${inspectionItems.code}`, joined));
  for (const r of rows) {
    out.set(`${r.item.departmentCode}|${r.item.code}`, r);
  }
  return out;
}

/** Every version of an item, newest first. */
export async function listItemVersions(db: Db, itemId: string): Promise<ItemVersionRow[]> {
  return db
    .select()
    .from(inspectionItemVersions)
    .where(eq(inspectionItemVersions.itemId, itemId))
    .orderBy(desc(inspectionItemVersions.version));
}

/** One version of an item (what a task used). */
export async function findItemVersion(
  db: Db,
  itemId: string,
  version: number,
): Promise<ItemVersionRow | undefined> {
  const rows = await db
    .select()
    .from(inspectionItemVersions)
    .where(and(eq(inspectionItemVersions.itemId, itemId), eq(inspectionItemVersions.version, version)))
    .limit(1);
  return rows[0];
}

/** Insert item heads (at version 1), returning their ids keyed `dept|code`. */
export async function insertItems(
  db: Db,
  rows: readonly { departmentCode: string; code: string; at: Date }[],
): Promise<Map<string, string>> {
  if (rows.length === 0) {
    return new Map();
  }
  const out = await db
    .insert(inspectionItems)
    .values(
      rows.map((r) => ({
        departmentCode: r.departmentCode,
        code: r.code,
        currentVersion: 1,
        createdAt: r.at,
        updatedAt: r.at,
      })),
    )
    .returning({
      id: inspectionItems.id,
      departmentCode: inspectionItems.departmentCode,
      code: inspectionItems.code,
    });
  return new Map(out.map((r) => [`${r.departmentCode}|${r.code}`, r.id]));
}

/** Insert item versions (multi-row). */
export async function insertItemVersions(db: Db, rows: readonly NewItemVersionRow[]): Promise<void> {
  if (rows.length > 0) {
    await db.insert(inspectionItemVersions).values([...rows]);
  }
}

/** Move an item's head: its current version and/or its published flag. */
export async function updateItemHead(
  db: Db,
  id: string,
  patch: { currentVersion?: number; published?: boolean; at: Date },
): Promise<ItemRow | undefined> {
  const rows = await db
    .update(inspectionItems)
    .set({
      ...(patch.currentVersion !== undefined ? { currentVersion: patch.currentVersion } : {}),
      ...(patch.published !== undefined ? { published: patch.published } : {}),
      updatedAt: patch.at,
    })
    .where(eq(inspectionItems.id, id))
    .returning();
  return rows[0];
}

/** The current version of each of these items, with its department (ids not found are left out). */
export async function currentItemVersions(db: Db, ids: readonly string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db
    .select({
      id: inspectionItems.id,
      departmentCode: inspectionItems.departmentCode,
      version: inspectionItems.currentVersion,
      name: inspectionItemVersions.name,
      priority: inspectionItemVersions.priority,
      ratioCap: inspectionItemVersions.ratioCap,
    })
    .from(inspectionItems)
    .innerJoin(
      inspectionItemVersions,
      and(
        eq(inspectionItemVersions.itemId, inspectionItems.id),
        eq(inspectionItemVersions.version, inspectionItems.currentVersion),
      ),
    )
    .where(inArray(inspectionItems.id, [...ids]));
}
