/**
 * Writes audit rows for state changes, from the request's actor and id.
 */
import { appendAudit, appendAuditRows, type AuditEntry } from './audit/audit.repo';
import { auditRole, type AuditContext } from './auth/actor';
import type { Db } from '../../db/client';

export interface AuditChange {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly departmentCode?: string | null;
  /** The department owning the resource (e.g. a target's keeper); filed under it too when it differs. */
  readonly ownerDepartmentCode?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

function entryOf(ctx: AuditContext, change: AuditChange): AuditEntry {
  const departmentCode = change.departmentCode ?? ctx.actor?.departmentCode ?? null;
  const owner = change.ownerDepartmentCode ?? null;
  return {
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.username ?? null,
    actorRole: auditRole(ctx.actor),
    departmentCode,
    // issue 10: the owner's audit view shows edits made by other departments
    ownerDepartment: owner !== null && owner !== departmentCode ? owner : null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: ctx.requestId,
  };
}

/** Append an audit row for `change`, inside the caller's transaction. */
export async function audit(tx: Db, ctx: AuditContext, change: AuditChange, at: Date): Promise<void> {
  await appendAudit(tx, entryOf(ctx, change), at);
}

/** Append the audit rows of several changes, in order, each with its own context and time. */
export async function auditAll(
  tx: Db,
  changes: readonly { ctx: AuditContext; change: AuditChange; at: Date }[],
): Promise<void> {
  await appendAuditRows(
    tx,
    changes.map((c) => ({ entry: entryOf(c.ctx, c.change), at: c.at })),
  );
}
