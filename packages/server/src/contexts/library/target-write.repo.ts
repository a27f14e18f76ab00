/**
 * Writing the target library (检查对象名录库): the set-based upsert, and imports staged by COPY and
 * merged a chunk at a time, skipping rows whose stored hash says they are unchanged (issue 18).
 */
import type { TargetInput } from '@openssj/core';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { copyIn } from '../../db/copy-in';
import { isPglite } from '../../db/driver';
import { exec, pgTextArray, queryOne, queryRows } from '../../db/sql';

// Tags travel joined by U+001F, which validation never lets into a tag.
const TAG_SEP = '\u001f';

/** The merge's input columns from rows of text: tags arrive joined by TAG_SEP ('' for none). */
const INPUT_COLUMNS = sql`id, uscc, type, name, division_code, address, industry_code, legal_rep, status,
  supervising_unit, risk_tier, CASE WHEN tags = '' THEN '{}'::text[] ELSE string_to_array(tags, ${TAG_SEP}) END AS tags`;

export interface UpsertMeta {
  /** The date status and tier changes take effect (YYYY-MM-DD). */
  readonly date: string;
  readonly by: string | null;
  readonly at: Date;
  readonly tierSource: string;
}

/** What an upsert did: rows added, updated, and left as they were. */
export interface TargetCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

const countsRow = z.object({ added: z.coerce.number(), updated: z.coerce.number() });

const TARGET_FIELDS = sql`uscc, type, name, division_code, address, industry_code, legal_rep, status, supervising_unit, risk_tier, tags`;

/**
 * ssj_target_row_hash (migration 0021) of an input row, written out: PostgreSQL cannot inline
 * the function (a record's text form is only stable), and calling it costs a third more per row.
 * A test keeps the two equal.
 */
export const ROW_HASH_OF_INPUT = sql`md5(ROW(i.uscc, i.type, i.name, i.division_code, i.address, i.industry_code,
  i.legal_rep, i.status, i.supervising_unit, i.risk_tier, i.tags)::text)`;

/**
 * Insert or update the targets of `input` (columns id and TARGET_FIELDS, tags as text[]) by id in
 * one statement. A row whose stored row_hash equals the hash of its input is skipped untouched
 * (issue 18: an unchanged re-import writes nothing); status changes are dated in the history.
 */
function mergeSql(input: SQL, meta: UpsertMeta): SQL {
  const at = meta.at.toISOString();
  return sql`
    WITH input AS (${input}),
    changed AS MATERIALIZED (
      SELECT i.*, t.status AS old_status
      FROM input i LEFT JOIN targets t ON t.id = i.id
      WHERE t.row_hash IS DISTINCT FROM ${ROW_HASH_OF_INPUT}
    ),
    up AS (
      INSERT INTO targets AS t (id, uscc, type, name, division_code, address, industry_code, legal_rep, status, status_date,
        supervising_unit, risk_tier, tier_source, tier_date, tags, created_at, updated_at)
      SELECT id, uscc, type, name, division_code, address, industry_code, legal_rep, status, ${meta.date}::date,
        supervising_unit, risk_tier,
        CASE WHEN risk_tier IS NULL THEN NULL ELSE ${meta.tierSource} END,
        CASE WHEN risk_tier IS NULL THEN NULL ELSE ${meta.date}::date END,
        tags, ${at}::timestamptz, ${at}::timestamptz
      FROM changed
      ON CONFLICT (id) DO UPDATE SET
        uscc = EXCLUDED.uscc, type = EXCLUDED.type, name = EXCLUDED.name, division_code = EXCLUDED.division_code,
        address = EXCLUDED.address, industry_code = EXCLUDED.industry_code, legal_rep = EXCLUDED.legal_rep,
        status = EXCLUDED.status,
        status_date = CASE WHEN t.status IS DISTINCT FROM EXCLUDED.status THEN EXCLUDED.status_date ELSE t.status_date END,
        supervising_unit = EXCLUDED.supervising_unit, risk_tier = EXCLUDED.risk_tier,
        tier_source = CASE WHEN t.risk_tier IS DISTINCT FROM EXCLUDED.risk_tier THEN EXCLUDED.tier_source ELSE t.tier_source END,
        tier_date = CASE WHEN t.risk_tier IS DISTINCT FROM EXCLUDED.risk_tier THEN EXCLUDED.tier_date ELSE t.tier_date END,
        tags = EXCLUDED.tags, updated_at = EXCLUDED.updated_at
      RETURNING (xmax = 0) AS inserted
    ),
    hist AS (
      INSERT INTO target_status_history (target_id, status, effective_date, recorded_by, recorded_at)
      SELECT id, status, ${meta.date}::date, ${meta.by}, ${at}::timestamptz
      FROM changed WHERE old_status IS DISTINCT FROM status
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS added, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`;
}

async function merged(tx: Db, input: SQL, rows: number, meta: UpsertMeta): Promise<TargetCounts> {
  const c = await queryOne(tx, mergeSql(input, meta), countsRow);
  const added = c?.added ?? 0;
  const updated = c?.updated ?? 0;
  return { added, updated, unchanged: rows - added - updated };
}

/** Insert or update targets by id in one statement; status changes are dated in the history. */
export async function upsertTargets(
  tx: Db,
  rows: readonly TargetInput[],
  meta: UpsertMeta,
): Promise<TargetCounts> {
  if (rows.length === 0) {
    return { added: 0, updated: 0, unchanged: 0 };
  }
  const col = (f: (r: TargetInput) => string | null): string => pgTextArray(rows.map(f));
  const input = sql`
    SELECT ${INPUT_COLUMNS}
    FROM unnest(
      ${col((r) => r.id)}::text[], ${col((r) => r.uscc)}::text[], ${col((r) => r.type)}::text[], ${col((r) => r.name)}::text[],
      ${col((r) => r.divisionCode)}::text[], ${col((r) => r.address)}::text[], ${col((r) => r.industryCode)}::text[],
      ${col((r) => r.legalRep)}::text[], ${col((r) => r.status)}::text[], ${col((r) => r.supervisingUnit)}::text[],
      ${col((r) => r.riskTier)}::text[], ${col((r) => r.tags.join(TAG_SEP))}::text[]
    ) AS i(id, ${TARGET_FIELDS})`;
  return merged(tx, input, rows.length, meta);
}

/*
 * An import stages its rows in a temporary table by COPY, batch by batch, and merges them in one
 * statement at the end (issue 18: near COPY speed): one join against the library finds the new and
 * changed rows by their stored hash, so unchanged rows are never touched. Into an empty library
 * (a bulk load of at least BULK_REBUILD_MIN rows) the secondary indexes, the name-gram and tag GIN
 * indexes among them, are dropped before the merge and built again after it from their own
 * definitions in the catalog, inside the import's transaction: a rollback restores them.
 * (Merging chunks while the file is still read was measured slower: 77 s against 67 s for 1 M rows.)
 */
const STAGE = 'ssj_target_stage';
const STAGE_COLUMNS = [
  'id',
  'uscc',
  'type',
  'name',
  'division_code',
  'address',
  'industry_code',
  'legal_rep',
  'status',
  'supervising_unit',
  'risk_tier',
  'tags',
] as const;
/** At least this many rows into an empty library drop the secondary indexes and build them after the load. */
export const BULK_REBUILD_MIN = 20_000;

const STAGED_INPUT = sql`SELECT ${INPUT_COLUMNS} FROM ${sql.raw(STAGE)}`;

const indexRow = z.object({ name: z.string(), def: z.string() });

/** The secondary (non-unique) indexes of targets, with their definitions. */
async function secondaryIndexes(tx: Db): Promise<z.infer<typeof indexRow>[]> {
  return queryRows(
    tx,
    sql`SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = 'targets'::regclass AND NOT i.indisunique AND NOT i.indisprimary
      ORDER BY c.relname`,
    indexRow,
  );
}

export type MergeStep = 'merging' | 'indexing';

/** One import's staged write: stage batches, then finish. */
export interface TargetStage {
  stage(rows: readonly TargetInput[]): Promise<void>;
  /** Merge what is left and rebuild dropped indexes; `onStep` hears each step as it starts. */
  finish(onStep: (step: MergeStep) => void): Promise<TargetCounts & { readonly rebuilt: readonly string[] }>;
}

/** Open an import's staging table (dropped at commit or rollback) on the import's transaction. */
export async function openTargetStage(
  tx: Db,
  meta: UpsertMeta,
  bulkMin: number = BULK_REBUILD_MIN,
): Promise<TargetStage> {
  await exec(
    tx,
    sql.raw(
      `CREATE TEMP TABLE ${STAGE} (${STAGE_COLUMNS.map((c) => `${c} text`).join(', ')}) ON COMMIT DROP`,
    ),
  );
  if (!isPglite(tx)) {
    // the merge's hash join of the library's ids and hashes, and the index builds, stay in memory
    await exec(tx, sql`SET LOCAL work_mem = '128MB'`);
    await exec(tx, sql`SET LOCAL maintenance_work_mem = '256MB'`);
  }
  let staged = 0;
  return {
    async stage(rows) {
      await copyIn(
        tx,
        STAGE,
        STAGE_COLUMNS,
        rows.map((r) => [
          r.id,
          r.uscc,
          r.type,
          r.name,
          r.divisionCode,
          r.address,
          r.industryCode,
          r.legalRep,
          r.status,
          r.supervisingUnit,
          r.riskTier,
          r.tags.join(TAG_SEP),
        ]),
      );
      staged += rows.length;
    },
    async finish(onStep) {
      onStep('merging');
      if (staged >= bulkMin) {
        // two bulk loads at once take turns here, rather than deadlock on each other's DROP INDEX
        await exec(tx, sql`LOCK TABLE targets IN SHARE ROW EXCLUSIVE MODE`);
      }
      const empty = await queryOne(
        tx,
        sql`SELECT NOT EXISTS (SELECT 1 FROM targets) AS empty`,
        z.object({ empty: z.boolean() }),
      );
      const rebuild = staged >= bulkMin && empty?.empty === true ? await secondaryIndexes(tx) : [];
      for (const ix of rebuild) {
        await exec(tx, sql`DROP INDEX ${sql.identifier(ix.name)}`);
      }
      await exec(tx, sql.raw(`ANALYZE ${STAGE}`));
      const counts =
        staged === 0 ? { added: 0, updated: 0, unchanged: 0 } : await merged(tx, STAGED_INPUT, staged, meta);
      if (rebuild.length > 0) {
        onStep('indexing');
        for (const ix of rebuild) {
          await exec(tx, sql.raw(ix.def));
        }
        await exec(tx, sql`ANALYZE targets`);
      }
      return { ...counts, rebuilt: rebuild.map((ix) => ix.name) };
    },
  };
}
