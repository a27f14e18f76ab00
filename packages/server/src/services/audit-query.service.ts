/**
 * Reading and verifying the audit trail. Department-bound roles see their department's rows:
 * those its staff wrote and those changing resources it owns (issue 10).
 */
import { and, count, desc, eq, or, type SQL } from 'drizzle-orm';
import { verifyAuditChain } from '../audit/audit-verify';
import { CROSS_DEPARTMENT_READERS, hasAnyRole, type Actor } from '../auth/actor';
import { auditLog } from '../db/schema';
import type { ServiceDeps } from './context';

/** A page of audit rows, newest first. */
export async function listAuditRows(
  deps: ServiceDeps,
  actor: Actor,
  q: {
    page: number;
    pageSize: number;
    action?: string | undefined;
    entityType?: string | undefined;
    entityId?: string | undefined;
  },
) {
  const db = deps.database.db;
  const conds: SQL[] = [];
  if (!hasAnyRole(actor, CROSS_DEPARTMENT_READERS)) {
    const mine = or(
      eq(auditLog.departmentCode, actor.departmentCode),
      eq(auditLog.ownerDepartment, actor.departmentCode),
    );
    if (mine !== undefined) {
      conds.push(mine);
    }
  }
  if (q.action !== undefined) {
    conds.push(eq(auditLog.action, q.action));
  }
  if (q.entityType !== undefined) {
    conds.push(eq(auditLog.entityType, q.entityType));
  }
  if (q.entityId !== undefined) {
    conds.push(eq(auditLog.entityId, q.entityId));
  }
  const where = conds.length > 0 ? and(...conds) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorName: r.actorName,
      actorRole: r.actorRole,
      departmentCode: r.departmentCode,
      ownerDepartment: r.ownerDepartment,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
      hash: r.hash,
    })),
    total: totals[0]?.n ?? 0,
  };
}

/** Verify the chain. */
export async function verifyAudit(deps: ServiceDeps) {
  const v = await verifyAuditChain(deps.database.db);
  return v.ok
    ? { ok: true, rows: v.rows, brokenAt: null, reason: null, expected: null, actual: null }
    : {
        ok: false,
        rows: v.rows,
        brokenAt: v.brokenAt,
        reason: v.reason,
        expected: v.expected,
        actual: v.actual,
      };
}
