/**
 * Raw-SQL helpers that read rows the same way on PGlite and PostgreSQL, parsing them with zod
 * (house style: never `as` on data read back from the database).
 */
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from './client';

const rowsShape = z.object({ rows: z.array(z.record(z.string(), z.unknown())) });

/** Run a query and parse each row with `schema`. */
export async function queryRows<T extends z.ZodType>(db: Db, query: SQL, schema: T): Promise<z.infer<T>[]> {
  const res: unknown = await db.execute(query);
  const { rows } = rowsShape.parse(res);
  return rows.map((r) => schema.parse(r));
}

/** Run a query that returns at most one row. */
export async function queryOne<T extends z.ZodType>(
  db: Db,
  query: SQL,
  schema: T,
): Promise<z.infer<T> | undefined> {
  const rows = await queryRows(db, query, schema);
  return rows[0];
}

/** Run a statement and ignore its rows. */
export async function exec(db: Db, query: SQL): Promise<void> {
  await db.execute(query);
}

/** A PostgreSQL text[] literal, passed as one parameter (the same on PGlite and PostgreSQL). */
export function pgTextArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}
