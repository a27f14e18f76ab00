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
  // Serialise writers so the chain has no forks (PostgreSQL; PGlite has one connection).
  await tx.execute(sql`SELECT pg_advisory_xact_lock(4242001)`);
  const last = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const seq = (last[0]?.seq ?? 0) + 1;
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
  await tx.insert(auditLog).values({ ...content, at, hash });
  return { seq, hash };
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
