/**
 * Frozen draw data (spec §4–5), written set-based inside the database so a 1 M-target scope
 * never passes through JS at once: frame lines, frame exclusions with reasons, the inspector
 * pool and the pair exclusions. Frames are read back in UTF-8 byte order (COLLATE "C") as one
 * COPY stream.
 */
import type { PairExclusion, PoolEntry, StratumSpec, TaskScope, TierSource } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { copyOut } from '../../db/copy-out';
import { exec, queryOne, queryRows, pgTextArray } from '../../db/sql';
import { cappedTargets, scopeWhere, stratumWhere } from '../../db/scope-sql';

/** What the frame computation needs from the task. */
export interface FrameQuery {
  readonly drawId: string;
  readonly scope: TaskScope;
  readonly year: number;
  readonly cap: number;
  readonly jurisdictionRule: boolean;
  /** Which tier the strata read (tasks.tier_source; null: the effective tier). */
  readonly tierSource: TierSource | null;
  /** MANUAL exclusions with their reasons. */
  readonly manual: readonly { readonly targetId: string; readonly reason: string }[];
}

function manualRows(q: FrameQuery) {
  return sql`SELECT * FROM unnest(${pgTextArray(q.manual.map((m) => m.targetId))}::text[], ${pgTextArray(q.manual.map((m) => m.reason))}::text[]) AS m(id, reason)`;
}

/** Frame targets of a stratum that lack a supervising unit (所所交叉 refuses to freeze); first 100 and the count. */
export async function targetsWithoutUnit(
  db: Db,
  q: FrameQuery,
  s: StratumSpec,
): Promise<{ ids: { id: string; name: string }[]; total: number }> {
  const where = sql`${scopeWhere(q.scope)} AND ${stratumWhere(s, q.tierSource)} AND t.status = '在营' AND t.supervising_unit IS NULL
    AND t.id NOT IN (${cappedTargets(q.year, q.cap)}) AND t.id NOT IN (SELECT id FROM (${manualRows(q)}) mm)`;
  // sequential: the freeze calls this inside its transaction (one connection)
  const ids = await queryRows(
    db,
    sql`SELECT t.id, t.name FROM targets t WHERE ${where} ORDER BY t.id COLLATE "C" LIMIT 100`,
    z.object({ id: z.string(), name: z.string() }),
  );
  const total = await queryOne(
    db,
    sql`SELECT count(*) AS n FROM targets t WHERE ${where}`,
    z.object({ n: z.coerce.number() }),
  );
  return { ids, total: total?.n ?? 0 };
}

/** Write one stratum's exclusions and frame lines (spec §4). */
export async function freezeStratum(tx: Db, q: FrameQuery, s: StratumSpec): Promise<void> {
  const base = sql`${scopeWhere(q.scope)} AND ${stratumWhere(s, q.tierSource)}`;
  // Precedence: DEREGISTERED, then CAP_REACHED, then MANUAL.
  await exec(
    tx,
    sql`INSERT INTO draw_frame_exclusions (draw_id, stratum, target_id, reason, note)
      SELECT ${q.drawId}, ${s.name}, t.id,
        CASE WHEN t.status <> '在营' THEN 'DEREGISTERED' WHEN cap.target_id IS NOT NULL THEN 'CAP_REACHED' ELSE 'MANUAL' END,
        CASE WHEN t.status <> '在营' OR cap.target_id IS NOT NULL THEN NULL ELSE m.reason END
      FROM targets t
      LEFT JOIN (${cappedTargets(q.year, q.cap)}) cap ON cap.target_id = t.id
      LEFT JOIN (${manualRows(q)}) m ON m.id = t.id
      WHERE ${base} AND (t.status <> '在营' OR cap.target_id IS NOT NULL OR m.id IS NOT NULL)`,
  );
  await exec(
    tx,
    sql`INSERT INTO draw_frames (draw_id, stratum, target_id, unit)
      SELECT ${q.drawId}, ${s.name}, t.id, ${q.jurisdictionRule ? sql`t.supervising_unit` : sql`NULL`}
      FROM targets t
      WHERE ${base} AND t.status = '在营'
        AND NOT EXISTS (SELECT 1 FROM draw_frame_exclusions e WHERE e.draw_id = ${q.drawId} AND e.target_id = t.id)`,
  );
}

/** Manually listed targets that fell outside every stratum: OUT_OF_SCOPE (audit trail only, not in the record). */
export async function recordOutOfScope(tx: Db, q: FrameQuery): Promise<number> {
  if (q.manual.length === 0) {
    return 0;
  }
  const rows = await queryRows(
    tx,
    sql`INSERT INTO draw_frame_exclusions (draw_id, stratum, target_id, reason, note)
      SELECT ${q.drawId}, '-', m.id, 'OUT_OF_SCOPE', m.reason FROM (${manualRows(q)}) m
      WHERE NOT EXISTS (SELECT 1 FROM draw_frame_exclusions e WHERE e.draw_id = ${q.drawId} AND e.target_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM draw_frames f WHERE f.draw_id = ${q.drawId} AND f.target_id = m.id)
      RETURNING target_id`,
    z.object({ target_id: z.string() }),
  );
  return rows.length;
}

/** Exclusion counts per stratum and reason. */
export async function exclusionCounts(
  db: Db,
  drawId: string,
): Promise<{ stratum: string; reason: string; n: number }[]> {
  return queryRows(
    db,
    sql`SELECT stratum, reason, count(*) AS n FROM draw_frame_exclusions WHERE draw_id = ${drawId} GROUP BY stratum, reason ORDER BY stratum, reason`,
    z.object({ stratum: z.string(), reason: z.string(), n: z.coerce.number() }),
  );
}

/** A stratum's frame lines (spec §4: `ID` or `ID<TAB>UNIT`) in UTF-8 byte order, on the byte-order index. */
const FRAME_LINES = `SELECT CASE WHEN unit IS NULL THEN target_id ELSE target_id || E'\\t' || unit END
  FROM draw_frames
  WHERE draw_id = current_setting('ssj.frame_draw') AND stratum = current_setting('ssj.frame_stratum')
  ORDER BY target_id COLLATE "C"`;

/**
 * A stratum's frame file (spec §4) as bytes, streamed out of the database by COPY in byte order:
 * what freezing digests, the draw scans and the public download serves, one source for all.
 */
export function frameBytes(db: Db, drawId: string, stratum: string): AsyncGenerator<Uint8Array> {
  return copyOut(db, FRAME_LINES, { frame_draw: drawId, frame_stratum: stratum });
}

/** A stratum's frame file text (spec §4), whole: for the download and the verification page. */
export async function frameText(db: Db, drawId: string, stratum: string): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of frameBytes(db, drawId, stratum)) {
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** The frame rows of the given ids (the picks): their UNIT, null for none. */
export async function frameUnits(
  db: Db,
  drawId: string,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const rows = await queryRows(
    db,
    sql`SELECT target_id, unit FROM draw_frames WHERE draw_id = ${drawId} AND target_id = ANY(${pgTextArray(ids)}::text[])`,
    z.object({ target_id: z.string(), unit: z.string().nullable() }),
  );
  return new Map(rows.map((r) => [r.target_id, r.unit]));
}

/** Write pair exclusions: active recusals, and rotation (the previous random inspection's team). */
export async function freezePairs(tx: Db, drawId: string): Promise<void> {
  await exec(
    tx,
    sql`INSERT INTO draw_pair_exclusions (draw_id, target_id, inspector_id, reason)
      SELECT DISTINCT ${drawId}, r.target_id, p.inspector_id, 'recusal'
      FROM recusals r
      JOIN inspectors i ON i.id = r.inspector_id
      JOIN draw_pool p ON p.draw_id = ${drawId} AND p.inspector_id = i.badge_no
      JOIN draw_frames f ON f.draw_id = ${drawId} AND f.target_id = r.target_id
      WHERE r.withdrawn_at IS NULL
      ON CONFLICT DO NOTHING`,
  );
  await exec(
    tx,
    sql`INSERT INTO draw_pair_exclusions (draw_id, target_id, inspector_id, reason)
      SELECT DISTINCT ${drawId}, prev.target_id, p.inspector_id, 'rotation'
      FROM (
        SELECT DISTINCT ON (i.target_id) i.target_id, i.inspectors
        FROM inspections i
        JOIN draw_frames f ON f.draw_id = ${drawId} AND f.target_id = i.target_id
        JOIN draws dr ON dr.id = i.draw_id
        WHERE i.status <> 'cancelled'
        ORDER BY i.target_id, dr.drawn_at DESC NULLS LAST, i.created_at DESC
      ) prev
      CROSS JOIN LATERAL unnest(prev.inspectors) AS x(inspector)
      JOIN draw_pool p ON p.draw_id = ${drawId} AND p.inspector_id = x.inspector
      ON CONFLICT DO NOTHING`,
  );
}

/** The frozen pool (spec §5 entries). */
export async function loadPool(db: Db, drawId: string): Promise<PoolEntry[]> {
  const rows = await queryRows(
    db,
    sql`SELECT inspector_id, department, unit, capacity, fallback FROM draw_pool WHERE draw_id = ${drawId} ORDER BY inspector_id COLLATE "C"`,
    z.object({
      inspector_id: z.string(),
      department: z.string(),
      unit: z.string().nullable(),
      capacity: z.coerce.number().nullable(),
      fallback: z.boolean(),
    }),
  );
  return rows.map((r) => ({
    id: r.inspector_id,
    department: r.department,
    unit: r.unit,
    capacity: r.capacity,
    fallback: r.fallback,
  }));
}

/** The frozen pair exclusions (pairs only; reasons stay in the table). */
export async function loadPairs(db: Db, drawId: string): Promise<PairExclusion[]> {
  const rows = await queryRows(
    db,
    sql`SELECT DISTINCT target_id, inspector_id FROM draw_pair_exclusions WHERE draw_id = ${drawId}`,
    z.object({ target_id: z.string(), inspector_id: z.string() }),
  );
  return rows.map((r) => ({ target: r.target_id, inspector: r.inspector_id }));
}

/** Pair exclusion counts by reason, for the audit row and staff screens. */
export async function pairCounts(db: Db, drawId: string): Promise<Record<string, number>> {
  const rows = await queryRows(
    db,
    sql`SELECT reason, count(*) AS n FROM draw_pair_exclusions WHERE draw_id = ${drawId} GROUP BY reason`,
    z.object({ reason: z.string(), n: z.coerce.number() }),
  );
  return Object.fromEntries(rows.map((r) => [r.reason, r.n]));
}
