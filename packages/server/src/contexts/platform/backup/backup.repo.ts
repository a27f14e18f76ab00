/**
 * What a backup's manifest counts (issue 17 §4): the rows of every table in the public schema.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/sql';

/** Row counts by table name, every base table of the public schema (migrations' own included). */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await queryRows(
    db,
    sql`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    z.object({ name: z.string() }),
  );
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const rows = await queryRows(
      db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(t.name)}`,
      z.object({ n: z.number() }),
    );
    counts[t.name] = rows[0]?.n ?? 0;
  }
  return counts;
}
