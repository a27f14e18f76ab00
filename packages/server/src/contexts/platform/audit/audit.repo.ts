/**
 * Audit trail repository: append (hash-chained, serialised by an advisory lock) and read.
 */
import { asc, desc, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { auditLog } from '../../../db/schema';
import { auditHash, GENESIS_HASH, type AuditRowContent } from './audit-hash';

export interface AuditEntry {
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly actorRole: string | null;
  readonly departmentCode: string | null;
  /** The resource's owning department, when it differs from `departmentCode` (issue 10). */
  readonly ownerDepartment?: string | null;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId: string | null;
}

const jsonValue = z.unknown();

/** Append one row to the chain. Call inside the transaction that makes the change. */
export async function appendAudit(
  tx: Db,
  entry: AuditEntry,
  at: Date,
): Promise<{ seq: number; hash: string }> {
  const [row] = await appendAuditRows(tx, [{ entry, at }]);
  if (row === undefined) {
    throw new Error('bug: an audit append wrote nothing');
  }
  return row;
}

/**
 * Append rows to the chain in the order given, with one lock, one read of the chain's end and
 * one insert: what a batch of changes in one transaction (e.g. alerts taken together) writes.
 */
export async function appendAuditRows(
  tx: Db,
  rows: readonly { entry: AuditEntry; at: Date }[],
): Promise<{ seq: number; hash: string }[]> {
  if (rows.length === 0) {
    return [];
  }
  // Serialise writers so the chain has no forks (PostgreSQL; PGlite has one connection).
  await tx.execute(sql`SELECT pg_advisory_xact_lock(4242001)`);
  const last = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  let prevHash = last[0]?.hash ?? GENESIS_HASH;
  let seq = last[0]?.seq ?? 0;
  const values = rows.map(({ entry, at }) => {
    seq += 1;
    const content: AuditRowContent = {
      seq,
      at: at.toISOString(),
      actorId: entry.actorId,
      actorName: entry.actorName,
      actorRole: entry.actorRole,
      departmentCode: entry.departmentCode,
      ...(entry.ownerDepartment === undefined || entry.ownerDepartment === null
        ? {}
        : { ownerDepartment: entry.ownerDepartment }),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: jsonValue.parse(JSON.parse(JSON.stringify(entry.before ?? null))),
      after: jsonValue.parse(JSON.parse(JSON.stringify(entry.after ?? null))),
      requestId: entry.requestId,
      prevHash,
    };
    const hash = auditHash(content);
    prevHash = hash;
    return { ...content, at, hash };
  });
  await tx.insert(auditLog).values(values);
  return values.map((v) => ({ seq: v.seq, hash: v.hash }));
}

export type AuditRow = typeof auditLog.$inferSelect;

/** Read rows after `afterSeq`, in order, a batch at a time. */
export async function readAuditBatch(db: Db, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
}

/** Seq and hash of the rows after `afterSeq`, in order, at most `limit` (log checkpoints). */
export async function auditHashesAfter(
  db: Db,
  afterSeq: number,
  limit: number,
): Promise<{ seq: number; hash: string }[]> {
  return db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(gt(auditLog.seq, afterSeq))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
}
