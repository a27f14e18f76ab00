/**
 * Target library repository (检查对象名录库): search, single reads and writes, dated status
 * history, and claims (认领). Upserts and imports write through target-write.repo.ts.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { exec, queryOne, queryRows, pgTextArray } from '../../db/sql';
import { targetWhere, type TargetFilter } from '../../db/target-filter';

const SELECT_TARGET = sql`t.id, t.uscc, t.type, t.name, t.division_code, t.address, t.industry_code, t.legal_rep, t.status,
  t.status_date::text AS status_date, t.supervising_unit, t.risk_tier, t.tier_source, t.tier_date::text AS tier_date, t.tags,
  to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at`;

export const targetRowSchema = z.object({
  id: z.string(),
  uscc: z.string().nullable(),
  type: z.string(),
  name: z.string(),
  division_code: z.string(),
  address: z.string(),
  industry_code: z.string().nullable(),
  legal_rep: z.string().nullable(),
  status: z.string(),
  status_date: z.string().nullable(),
  supervising_unit: z.string().nullable(),
  risk_tier: z.string().nullable(),
  tier_source: z.string().nullable(),
  tier_date: z.string().nullable(),
  tags: z.array(z.string()),
  updated_at: z.string(),
});
export type TargetRow = z.infer<typeof targetRowSchema>;

/** Count at most this many matches; beyond it the total is shown as "10,000+". */
export const COUNT_CAP = 10_000;

/**
 * At most this many matches are fetched whole and sorted for a page; more are paged by walking
 * the id index and stopping at the page (issue 18: a common name must not sort every match).
 */
export const SORT_MATCHES_MAX = 2000;
/** Beyond this offset the planner chooses freely (walking the index to a deep page costs more). */
const WALK_OFFSET_MAX = 1000;

/**
 * The statements of a search: the count capped at COUNT_CAP + 1, and one page ordered by id,
 * either over all the (few) matches or along the id index (the bench EXPLAINs them).
 */
export function searchTargetsSql(
  f: TargetFilter,
  limit: number,
  offset: number,
): { count: SQL; fewPage: SQL; manyPage: SQL } {
  const where = targetWhere(f);
  return {
    count: sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM targets t WHERE ${where} LIMIT ${COUNT_CAP + 1}) AS m`,
    fewPage: sql`WITH m AS MATERIALIZED (SELECT ${SELECT_TARGET} FROM targets t WHERE ${where})
      SELECT * FROM m ORDER BY m.id LIMIT ${limit} OFFSET ${offset}`,
    manyPage: sql`SELECT ${SELECT_TARGET} FROM targets t WHERE ${where} ORDER BY t.id LIMIT ${limit} OFFSET ${offset}`,
  };
}

/** One page of a search, ordered by id, with a total capped at COUNT_CAP. */
export async function searchTargets(
  db: Db,
  f: TargetFilter,
  limit: number,
  offset: number,
): Promise<{ rows: TargetRow[]; total: number; exact: boolean }> {
  const q = searchTargetsSql(f, limit, offset);
  const c = await queryOne(db, q.count, z.object({ n: z.coerce.number() }));
  const n = c?.n ?? 0;
  const total = { total: Math.min(n, COUNT_CAP), exact: n <= COUNT_CAP };
  if (n <= COUNT_CAP && offset >= n) {
    return { rows: [], ...total };
  }
  if (n <= SORT_MATCHES_MAX || offset > WALK_OFFSET_MAX) {
    return {
      rows: await queryRows(db, n <= SORT_MATCHES_MAX ? q.fewPage : q.manyPage, targetRowSchema),
      ...total,
    };
  }
  // Many matches: walk the id index and stop at the page rather than sort them all.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_sort = off`);
    return queryRows(tx, q.manyPage, targetRowSchema);
  });
  return { rows, ...total };
}

/** Matching targets a page at a time by keyset, for exports. */
export async function* streamTargets(db: Db, f: TargetFilter, pageSize = 5000): AsyncGenerator<TargetRow[]> {
  let after = '';
  for (;;) {
    const rows = await queryRows(
      db,
      sql`SELECT ${SELECT_TARGET} FROM targets t WHERE ${targetWhere(f)} AND t.id > ${after} ORDER BY t.id LIMIT ${pageSize}`,
      targetRowSchema,
    );
    if (rows.length === 0) {
      return;
    }
    yield rows;
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < pageSize) {
      return;
    }
    after = last.id;
  }
}

/** One target by id. */
export async function findTarget(db: Db, id: string): Promise<TargetRow | undefined> {
  return queryOne(db, sql`SELECT ${SELECT_TARGET} FROM targets t WHERE t.id = ${id}`, targetRowSchema);
}

/** The ids among `ids` that exist. */
export async function existingTargetIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await queryRows(
    db,
    sql`SELECT t.id FROM targets t WHERE t.id = ANY(${pgTextArray(ids)}::text[])`,
    z.object({ id: z.string() }),
  );
  return new Set(rows.map((r) => r.id));
}

/** The division code of each existing target among `ids` (for the policy's owner checks). */
export async function targetDivisions(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await queryRows(
    db,
    sql`SELECT t.id, t.division_code FROM targets t WHERE t.id = ANY(${pgTextArray(ids)}::text[])`,
    z.object({ id: z.string(), division_code: z.string() }),
  );
  return new Map(rows.map((r) => [r.id, r.division_code]));
}

const historyRow = z.object({
  status: z.string(),
  effective_date: z.string(),
  recorded_by: z.string().nullable(),
  recorded_at: z.string(),
});

/** A target's dated status changes, newest first. */
export async function targetStatusHistory(db: Db, id: string): Promise<z.infer<typeof historyRow>[]> {
  return queryRows(
    db,
    sql`SELECT status, effective_date::text AS effective_date, recorded_by,
      to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS recorded_at
      FROM target_status_history WHERE target_id = ${id} ORDER BY id DESC`,
    historyRow,
  );
}

/** Record a status change: the target's status and date, and a history row. */
export async function setTargetStatus(
  tx: Db,
  id: string,
  status: string,
  date: string,
  by: string | null,
  at: Date,
): Promise<void> {
  const iso = at.toISOString();
  await exec(
    tx,
    sql`UPDATE targets SET status = ${status}, status_date = ${date}::date, updated_at = ${iso}::timestamptz WHERE id = ${id}`,
  );
  await exec(
    tx,
    sql`INSERT INTO target_status_history (target_id, status, effective_date, recorded_by, recorded_at) VALUES (${id}, ${status}, ${date}::date, ${by}, ${iso}::timestamptz)`,
  );
}

const claimRow = z.object({
  department_code: z.string(),
  claimed_by: z.string().nullable(),
  claimed_at: z.string(),
});

/** A target's claims, optionally only those of some departments. */
export async function targetClaims(
  db: Db,
  id: string,
  departments?: readonly string[],
): Promise<z.infer<typeof claimRow>[]> {
  const only =
    departments === undefined ? sql`true` : sql`department_code = ANY(${pgTextArray(departments)}::text[])`;
  return queryRows(
    db,
    sql`SELECT department_code, claimed_by, to_char(claimed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS claimed_at
      FROM target_claims WHERE target_id = ${id} AND ${only} ORDER BY department_code`,
    claimRow,
  );
}

/** Which targets are to be claimed: listed ids, or a search filter. */
export type ClaimSelection = { readonly ids: readonly string[] } | { readonly filter: TargetFilter };

function selectionSql(sel: ClaimSelection): SQL {
  return 'ids' in sel
    ? sql`SELECT t.id FROM targets t WHERE t.id = ANY(${pgTextArray(sel.ids)}::text[])`
    : sql`SELECT t.id FROM targets t WHERE ${targetWhere(sel.filter)}`;
}

/** Claim the selected targets for a department; returns how many claims were new. */
export async function claimTargets(
  tx: Db,
  department: string,
  sel: ClaimSelection,
  by: string | null,
  at: Date,
): Promise<number> {
  const r = await queryOne(
    tx,
    sql`WITH ins AS (
      INSERT INTO target_claims (target_id, department_code, claimed_by, claimed_at)
      SELECT s.id, ${department}, ${by}, ${at.toISOString()}::timestamptz FROM (${selectionSql(sel)}) AS s
      ON CONFLICT DO NOTHING RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`,
    z.object({ n: z.coerce.number() }),
  );
  return r?.n ?? 0;
}

/** Withdraw a department's claims on the selected targets; returns how many were removed. */
export async function unclaimTargets(tx: Db, department: string, sel: ClaimSelection): Promise<number> {
  const r = await queryOne(
    tx,
    sql`WITH del AS (
      DELETE FROM target_claims WHERE department_code = ${department} AND target_id IN (${selectionSql(sel)}) RETURNING 1
    ) SELECT count(*)::int AS n FROM del`,
    z.object({ n: z.coerce.number() }),
  );
  return r?.n ?? 0;
}
