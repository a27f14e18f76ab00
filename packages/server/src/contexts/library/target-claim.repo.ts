/**
 * Claim lookups for pages of targets (认领): which of these targets a department claimed.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryRows, pgTextArray } from '../../db/sql';

/** The ids among `ids` that `department` has claimed. */
export async function claimedAmong(db: Db, department: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await queryRows(
    db,
    sql`SELECT target_id AS id FROM target_claims WHERE department_code = ${department} AND target_id = ANY(${pgTextArray(ids)}::text[])`,
    z.object({ id: z.string() }),
  );
  return new Set(rows.map((r) => r.id));
}
