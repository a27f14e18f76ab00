/**
 * ssj-log/1 repository: append entries (serialised with the audit chain's advisory lock, so
 * checkpoints and entries see one order), read leaf hashes, entries, tree heads and keys.
 */
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { logEntries, logKeys, logTreeHeads } from '../../../db/schema';
import { queryOne } from '../../../db/sql';

/** The audit chain's lock (audit.repo.ts): one writer order for audit rows and log entries. */
export const AUDIT_LOG_LOCK = 4242001;

/** Serialises checkpoints with the transaction's other log appends (held until it ends). */
export async function lockForCheckpoint(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOG_LOCK})`);
}

export interface NewLogEntry {
  readonly leafHash: string;
  readonly kind: string;
  readonly text: string;
  readonly drawId: string | null;
  readonly taskId: string | null;
  readonly auditSeq: number | null;
}

/** Append one entry inside the caller's transaction; returns its leaf index. */
export async function insertLogEntry(tx: Db, e: NewLogEntry, at: Date): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOG_LOCK})`);
  const [last] = await tx
    .select({ idx: logEntries.idx })
    .from(logEntries)
    .orderBy(desc(logEntries.idx))
    .limit(1);
  const idx = (last?.idx ?? -1) + 1;
  await tx.insert(logEntries).values({
    idx,
    leafHash: e.leafHash,
    kind: e.kind,
    entry: e.text,
    drawId: e.drawId,
    taskId: e.taskId,
    auditSeq: e.auditSeq,
    createdAt: at,
  });
  return idx;
}

/** The number of entries. */
export async function logSize(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<string>`count(*)` }).from(logEntries);
  return Number(r?.n ?? 0);
}

/** The leaf hashes of entries from ≤ idx < to, in order (the proof cache's catch-up). */
export async function leafHashesFrom(
  db: Db,
  from: number,
  to: number,
): Promise<{ idx: number; leafHash: string }[]> {
  return db
    .select({ idx: logEntries.idx, leafHash: logEntries.leafHash })
    .from(logEntries)
    .where(and(gte(logEntries.idx, from), sql`${logEntries.idx} < ${to}`))
    .orderBy(asc(logEntries.idx));
}

export type LogEntryRow = typeof logEntries.$inferSelect;

/** Entries with start ≤ idx ≤ end, in order. */
export async function entriesInRange(db: Db, start: number, end: number): Promise<LogEntryRow[]> {
  return db
    .select()
    .from(logEntries)
    .where(and(gte(logEntries.idx, start), lte(logEntries.idx, end)))
    .orderBy(asc(logEntries.idx));
}

/** The first entry with this leaf hash. */
export async function entryByLeafHash(db: Db, leafHash: string): Promise<LogEntryRow | undefined> {
  const [r] = await db
    .select()
    .from(logEntries)
    .where(eq(logEntries.leafHash, leafHash))
    .orderBy(asc(logEntries.idx))
    .limit(1);
  return r;
}

/** Every entry about a draw or a task, in order. */
export async function entriesOfDraw(db: Db, drawId: string): Promise<LogEntryRow[]> {
  return db.select().from(logEntries).where(eq(logEntries.drawId, drawId)).orderBy(asc(logEntries.idx));
}

/** Every entry about a task, in order. */
export async function entriesOfTask(db: Db, taskId: string): Promise<LogEntryRow[]> {
  return db.select().from(logEntries).where(eq(logEntries.taskId, taskId)).orderBy(asc(logEntries.idx));
}

/** The last checkpoint's audit seq (0 when none). */
export async function lastCheckpointSeq(db: Db): Promise<number> {
  const [r] = await db
    .select({ s: sql<string | null>`max(${logEntries.auditSeq})` })
    .from(logEntries)
    .where(eq(logEntries.kind, 'checkpoint'));
  return Number(r?.s ?? 0);
}

/** When the last checkpoint was appended, or null. */
export async function lastCheckpointAt(db: Db): Promise<Date | null> {
  const [r] = await db
    .select({ at: logEntries.createdAt })
    .from(logEntries)
    .where(eq(logEntries.kind, 'checkpoint'))
    .orderBy(desc(logEntries.idx))
    .limit(1);
  return r?.at ?? null;
}

export type TreeHeadRow = typeof logTreeHeads.$inferSelect;

/** The latest tree head. */
export async function latestTreeHead(db: Db): Promise<TreeHeadRow | undefined> {
  const [r] = await db.select().from(logTreeHeads).orderBy(desc(logTreeHeads.id)).limit(1);
  return r;
}

/** Tree heads in signing order from the `from`-th (0-based). */
export async function treeHeads(db: Db, from: number, limit: number): Promise<TreeHeadRow[]> {
  return db.select().from(logTreeHeads).orderBy(asc(logTreeHeads.id)).offset(from).limit(limit);
}

/** Store a new tree head. */
export async function insertTreeHead(db: Db, h: Omit<TreeHeadRow, 'id'>): Promise<void> {
  await db.insert(logTreeHeads).values(h).onConflictDoNothing();
}

export type LogKeyRow = typeof logKeys.$inferSelect;

/** Every public key, oldest first. */
export async function allLogKeys(db: Db): Promise<LogKeyRow[]> {
  return db.select().from(logKeys).orderBy(asc(logKeys.createdAt));
}

/** Record a public key (idempotent). */
export async function upsertLogKey(
  db: Db,
  k: { keyId: string; publicKey: string; createdAt: Date },
): Promise<void> {
  await db.insert(logKeys).values(k).onConflictDoNothing();
}

const keyRow = z.object({ retired_at: z.coerce.date().nullable() });

/** Record the key if it is new, and say in the same statement whether it was retired (§6). */
export async function registerLogKeyRetired(
  db: Db,
  k: { keyId: string; publicKey: string; createdAt: Date },
): Promise<Date | null> {
  const row = await queryOne(
    db,
    sql`WITH ins AS (
          INSERT INTO log_keys (key_id, public_key, created_at) VALUES (${k.keyId}, ${k.publicKey}, ${k.createdAt.toISOString()}::timestamptz)
          ON CONFLICT DO NOTHING RETURNING retired_at)
        SELECT retired_at FROM ins UNION ALL SELECT retired_at FROM log_keys WHERE key_id = ${k.keyId} LIMIT 1`,
    keyRow,
  );
  return row?.retired_at ?? null;
}

/** One public key, if recorded. */
export async function findLogKey(db: Db, keyId: string): Promise<LogKeyRow | undefined> {
  const [r] = await db.select().from(logKeys).where(eq(logKeys.keyId, keyId)).limit(1);
  return r;
}

/** Mark a key retired (§6: it never signs again). */
export async function retireLogKey(db: Db, keyId: string, at: Date): Promise<void> {
  await db
    .update(logKeys)
    .set({ retiredAt: at })
    .where(and(eq(logKeys.keyId, keyId), sql`${logKeys.retiredAt} IS NULL`));
}
