/**
 * Walks the audit chain and reports the first broken link (`ssj audit verify`).
 */
import type { Db } from '../../../db/client';
import { auditHash, GENESIS_HASH } from './audit-hash';
import { readAuditBatch } from './audit.repo';

export type AuditVerifyOutcome =
  | { readonly ok: true; readonly rows: number; readonly lastHash: string }
  | {
      readonly ok: false;
      readonly rows: number;
      readonly brokenAt: number;
      readonly reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap';
      readonly expected: string;
      readonly actual: string;
    };

/** Verify the whole chain, streaming it in batches. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerifyOutcome> {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let rows = 0;
  for (;;) {
    const batch = await readAuditBatch(db, prevSeq, batchSize);
    if (batch.length === 0) {
      return { ok: true, rows, lastHash: prevHash };
    }
    for (const r of batch) {
      if (r.seq !== prevSeq + 1) {
        return {
          ok: false,
          rows,
          brokenAt: prevSeq + 1,
          reason: 'seq_gap',
          expected: String(prevSeq + 1),
          actual: String(r.seq),
        };
      }
      if (r.prevHash !== prevHash) {
        return {
          ok: false,
          rows,
          brokenAt: r.seq,
          reason: 'prev_hash_mismatch',
          expected: prevHash,
          actual: r.prevHash,
        };
      }
      const expected = auditHash({
        seq: r.seq,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        actorRole: r.actorRole,
        departmentCode: r.departmentCode,
        ...(r.ownerDepartment === null ? {} : { ownerDepartment: r.ownerDepartment }),
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before ?? null,
        after: r.after ?? null,
        requestId: r.requestId,
        prevHash: r.prevHash,
      });
      if (expected !== r.hash) {
        return { ok: false, rows, brokenAt: r.seq, reason: 'hash_mismatch', expected, actual: r.hash };
      }
      prevHash = r.hash;
      prevSeq = r.seq;
      rows++;
    }
  }
}
