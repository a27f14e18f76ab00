/**
 * Settings repository: key–value settings per scope (a region code, or 'global').
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { settings } from '../../db/schema';

/** Values of one key for several scopes, keyed by scope (values are unparsed JSON). */
export async function getSettings(
  db: Db,
  key: string,
  scopes: readonly string[],
): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  if (scopes.length === 0) {
    return out;
  }
  const rows = await db
    .select()
    .from(settings)
    .where(and(eq(settings.key, key), inArray(settings.scope, [...scopes])));
  for (const r of rows) {
    out.set(r.scope, r.value);
  }
  return out;
}

/** Set one setting (insert or replace). */
export async function putSetting(
  db: Db,
  scope: string,
  key: string,
  value: unknown,
  at: Date,
): Promise<void> {
  await db
    .insert(settings)
    .values({ scope, key, value, updatedAt: at })
    .onConflictDoUpdate({ target: [settings.scope, settings.key], set: { value, updatedAt: at } });
}

/** Every scope's value of one key (values are unparsed JSON), by scope. */
export async function listSettings(db: Db, key: string): Promise<Map<string, unknown>> {
  const rows = await db.select().from(settings).where(eq(settings.key, key)).orderBy(asc(settings.scope));
  return new Map(rows.map((r) => [r.scope, r.value]));
}

/** Remove one scope's setting, so the scope inherits again; false when there was none. */
export async function deleteSetting(db: Db, scope: string, key: string): Promise<boolean> {
  const rows = await db
    .delete(settings)
    .where(and(eq(settings.scope, scope), eq(settings.key, key)))
    .returning({ scope: settings.scope });
  return rows.length > 0;
}

/** The settings key (scope 'global') that marks a database seeded with demo data. */
export const DEMO_MARKER_KEY = 'demo.seeded';

/** Does the database hold the demo data set? */
export async function isDemoDatabase(db: Db): Promise<boolean> {
  return (await getSettings(db, DEMO_MARKER_KEY, ['global'])).has('global');
}
