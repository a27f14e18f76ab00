/**
 * The inspector pool of a freeze (spec §5): the candidates of the quota departments and of the
 * adjacent-region fallback departments as the library holds them, and the rows the freeze writes
 * once core's eligibility rule has sorted them — the pool, and the exclusions with their codes.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { drawPool, drawPoolExclusions } from '../../db/schema';
import { queryRows, pgTextArray } from '../../db/sql';

/** What the pool is drawn from (spec §5). */
export interface PoolQuery {
  readonly departments: readonly string[];
  /** Adjacent regions whose same-kind departments stand in (fallback), when the task allows it. */
  readonly fallbackRegions: readonly string[];
}

const candidateRow = z.object({
  id: z.string(),
  badge_no: z.string(),
  name: z.string(),
  department: z.string(),
  home_department: z.string(),
  unit: z.string().nullable(),
  capacity: z.coerce.number().nullable(),
  fallback: z.boolean(),
  active: z.boolean(),
  active_from: z.string().nullable(),
  active_to: z.string().nullable(),
  qualifications: z.unknown(),
});
export type PoolCandidateRow = z.infer<typeof candidateRow>;

const columns = sql`i.id, i.badge_no, i.name, i.department_code AS home_department, i.unit_code AS unit, i.capacity,
  i.active, i.active_from::text AS active_from, i.active_to::text AS active_to, i.qualifications`;

/** Law-enforcement officers (badge, not expert) of the quota departments, then of the fallback departments. */
export async function poolCandidates(tx: Db, q: PoolQuery): Promise<PoolCandidateRow[]> {
  const primary = await queryRows(
    tx,
    sql`SELECT ${columns}, i.department_code AS department, false AS fallback
      FROM inspectors i
      WHERE NOT i.expert AND i.badge_no IS NOT NULL AND i.department_code = ANY(${pgTextArray(q.departments)}::text[])
      ORDER BY i.badge_no COLLATE "C"`,
    candidateRow,
  );
  if (q.fallbackRegions.length === 0) {
    return primary;
  }
  // spec §5: a fallback entry's department is the quota department it stands in for (same kind, e.g. -SCJG).
  const fallback = await queryRows(
    tx,
    sql`SELECT ${columns}, qd.code AS department, true AS fallback
      FROM inspectors i
      JOIN departments d ON d.code = i.department_code
      JOIN unnest(${pgTextArray(q.departments)}::text[]) AS qd(code) ON split_part(qd.code, '-', 2) = split_part(d.code, '-', 2)
      WHERE NOT i.expert AND i.badge_no IS NOT NULL AND d.region_code = ANY(${pgTextArray(q.fallbackRegions)}::text[])
      ORDER BY i.badge_no COLLATE "C", qd.code COLLATE "C"`,
    candidateRow,
  );
  return [...primary, ...fallback];
}

/** A pool entry as the table stores it. */
export interface PoolRow {
  readonly inspectorId: string;
  readonly department: string;
  readonly homeDepartment: string;
  readonly unit: string | null;
  readonly capacity: number | null;
  readonly fallback: boolean;
}

/** An inspector left out, with the rule's code. */
export interface PoolExclusionRow {
  readonly inspectorId: string;
  readonly badgeNo: string | null;
  readonly name: string;
  readonly department: string;
  readonly fallback: boolean;
  readonly reason: string;
  readonly expiresOn: string | null;
}

const CHUNK = 1000;

/** Write the pool of a draw. */
export async function insertPool(tx: Db, drawId: string, rows: readonly PoolRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(drawPool).values(rows.slice(i, i + CHUNK).map((r) => ({ drawId, ...r })));
  }
}

/** Write the exclusions of a draw's pool. */
export async function insertPoolExclusions(
  tx: Db,
  drawId: string,
  rows: readonly PoolExclusionRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(drawPoolExclusions).values(rows.slice(i, i + CHUNK).map((r) => ({ drawId, ...r })));
  }
}

const exclusionRow = z.object({
  inspector_id: z.string(),
  badge_no: z.string().nullable(),
  name: z.string(),
  department: z.string(),
  fallback: z.boolean(),
  reason: z.string(),
  expires_on: z.string().nullable(),
});

/** The exclusions of a draw's pool, by reason then badge. */
export async function loadPoolExclusions(db: Db, drawId: string): Promise<PoolExclusionRow[]> {
  const rows = await queryRows(
    db,
    sql`SELECT inspector_id, badge_no, name, department, fallback, reason, expires_on::text AS expires_on
      FROM draw_pool_exclusions WHERE draw_id = ${drawId} ORDER BY reason, badge_no COLLATE "C"`,
    exclusionRow,
  );
  return rows.map((r) => ({
    inspectorId: r.inspector_id,
    badgeNo: r.badge_no,
    name: r.name,
    department: r.department,
    fallback: r.fallback,
    reason: r.reason,
    expiresOn: r.expires_on,
  }));
}
