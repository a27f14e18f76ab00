/**
 * Recusal service (回避, 002 internal-audit measures art. 13): an inspector declares a conflict
 * with a target for themself, or an admin records it; either may withdraw it (dated, audited).
 * Only admins (dept_admin of the inspector's department, system admin) and auditors read the
 * reason; everyone else sees the pair only. The audit rows carry no reason for that reason.
 */
import {
  allows,
  domainError,
  err,
  ok,
  RECUSAL_KINDS,
  type DomainError,
  type NewRecusalInput,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import {
  canReadDepartment,
  CROSS_DEPARTMENT_READERS,
  forbiddenDepartment,
  hasAnyRole,
  type Actor,
  type AuditContext,
  audit,
  type ServiceDeps,
} from '../platform';
import type { Db } from '../../db/client';
import { findInspector, type InspectorRow } from './inspector.repo';
import {
  findActiveRecusal,
  findRecusal,
  insertRecusal,
  listRecusals,
  targetExists,
  withdrawRecusal,
  type RecusalWithNames,
} from './recusal.repo';
import { inTransaction } from '../../db/tx';
import { inspectorNotFound, isInspectorOnly, ownInspectorId } from './inspector.service';

export const recusalViewSchema = z.object({
  id: z.string(),
  inspectorId: z.string(),
  inspectorName: z.string(),
  departmentCode: z.string(),
  targetId: z.string(),
  targetName: z.string(),
  kind: z.enum(RECUSAL_KINDS),
  /** Null when the reader may not see reasons. */
  reason: z.string().nullable(),
  declaredBy: z.string().nullable(),
  declaredAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type RecusalView = z.infer<typeof recusalViewSchema>;

export const recusalQuerySchema = z.object({
  inspectorId: z.string().max(60).optional(),
  targetId: z.string().max(100).optional(),
  department: z.string().max(40).optional(),
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const kindSchema = z.enum(RECUSAL_KINDS);

/** May the actor read reasons of this department's inspectors' declarations? */
export function canSeeRecusalReason(actor: Actor, departmentCode: string): boolean {
  return allows(actor, 'department.personal', { kind: 'department', departmentCode });
}

function view(actor: Actor, r: RecusalWithNames): RecusalView {
  return {
    id: r.recusal.id,
    inspectorId: r.recusal.inspectorId,
    inspectorName: r.inspectorName,
    departmentCode: r.departmentCode,
    targetId: r.recusal.targetId,
    targetName: r.targetName,
    kind: kindSchema.parse(r.recusal.kind),
    reason: canSeeRecusalReason(actor, r.departmentCode) ? r.recusal.reason : null,
    declaredBy: r.recusal.declaredBy,
    declaredAt: r.recusal.declaredAt.toISOString(),
    withdrawnAt: r.recusal.withdrawnAt?.toISOString() ?? null,
  };
}

/** Declarations the actor may read: oversight all, staff their department, an inspector their own. */
export async function listRecusalsFor(
  deps: ServiceDeps,
  actor: Actor,
  q: z.infer<typeof recusalQuerySchema>,
): Promise<Result<RecusalView[], DomainError>> {
  const db = deps.database.db;
  const base = {
    limit: q.limit,
    ...(q.targetId !== undefined ? { targetId: q.targetId } : {}),
    ...(q.active === 'true' ? { activeOnly: true } : {}),
  };
  let scope: { inspectorIds?: string[]; departments?: string[] } = {};
  if (isInspectorOnly(actor)) {
    const own = await ownInspectorId(db, actor);
    scope = {
      inspectorIds: own === null || (q.inspectorId !== undefined && q.inspectorId !== own) ? [] : [own],
    };
  } else {
    const dept =
      q.department ?? (hasAnyRole(actor, CROSS_DEPARTMENT_READERS) ? undefined : actor.departmentCode);
    if (dept !== undefined && !canReadDepartment(actor, dept)) {
      return err(forbiddenDepartment(dept));
    }
    scope = {
      ...(dept !== undefined ? { departments: [dept] } : {}),
      ...(q.inspectorId !== undefined ? { inspectorIds: [q.inspectorId] } : {}),
    };
  }
  const rows = await listRecusals(db, { ...base, ...scope });
  return ok(
    rows.filter((r) => q.active !== 'false' || r.recusal.withdrawnAt !== null).map((r) => view(actor, r)),
  );
}

/** May the actor declare or withdraw for this inspector: its department's admin, a system admin, or the inspector themself. */
async function mayActFor(db: Db, actor: Actor, inspector: InspectorRow): Promise<boolean> {
  if (
    actor.roles.includes('system_admin') ||
    (actor.roles.includes('dept_admin') && actor.departmentCode === inspector.departmentCode)
  ) {
    return true;
  }
  return actor.roles.includes('inspector') && (await ownInspectorId(db, actor)) === inspector.id;
}

/** Record a declaration. */
export async function declareRecusal(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  inspectorId: string,
  input: NewRecusalInput,
): Promise<Result<RecusalView, DomainError>> {
  const db = deps.database.db;
  const inspector = await findInspector(db, inspectorId);
  if (inspector === undefined) {
    return err(inspectorNotFound());
  }
  if (!(await mayActFor(db, ctx.actor, inspector))) {
    return err(
      domainError(
        'FORBIDDEN',
        '只能为本人或本部门的检查人员登记回避',
        'you may declare recusals only for yourself or your department’s inspectors',
      ),
    );
  }
  if (!(await targetExists(db, input.targetId))) {
    return err(
      domainError('VALIDATION', `检查对象不存在：${input.targetId}`, `no such target: ${input.targetId}`, {
        issues: [
          {
            field: 'targetId',
            value: input.targetId,
            messageZh: '检查对象不存在',
            messageEn: 'no such target',
          },
        ],
      }),
    );
  }
  if ((await findActiveRecusal(db, inspectorId, input.targetId)) !== undefined) {
    return err(
      domainError(
        'CONFLICT',
        '该人员与该对象已有有效的回避登记',
        'an active recusal for this pair already exists',
      ),
    );
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    const row = await insertRecusal(tx, {
      inspectorId,
      targetId: input.targetId,
      kind: input.kind,
      reason: input.reason,
      declaredBy: ctx.actor.username,
      declaredAt: now,
    });
    await audit(
      tx,
      ctx,
      {
        action: 'recusal.declared',
        entityType: 'recusal',
        entityId: row.id,
        departmentCode: inspector.departmentCode,
        after: { inspectorId, targetId: input.targetId, kind: input.kind },
      },
      now,
    );
    const found = await findRecusal(tx, row.id);
    if (found === undefined) {
      throw new Error('bug: recusal vanished');
    }
    return ok(view(ctx.actor, found));
  });
}

/** Withdraw a declaration (dated); the pair leaves future draws' exclusions. */
export async function withdrawRecusalById(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
): Promise<Result<RecusalView, DomainError>> {
  const db = deps.database.db;
  const found = await findRecusal(db, id);
  if (found === undefined) {
    return err(domainError('NOT_FOUND', '回避登记不存在', 'no such recusal'));
  }
  const inspector = await findInspector(db, found.recusal.inspectorId);
  if (inspector === undefined || !(await mayActFor(db, ctx.actor, inspector))) {
    return err(
      domainError(
        'FORBIDDEN',
        '只能撤回本人或本部门检查人员的回避登记',
        'you may withdraw recusals only for yourself or your department’s inspectors',
      ),
    );
  }
  if (found.recusal.withdrawnAt !== null) {
    return err(domainError('INVALID_STATE', '该回避登记已撤回', 'this recusal was already withdrawn'));
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    const row = await withdrawRecusal(tx, id, now);
    if (row === undefined) {
      return err(domainError('INVALID_STATE', '该回避登记已撤回', 'this recusal was already withdrawn'));
    }
    await audit(
      tx,
      ctx,
      {
        action: 'recusal.withdrawn',
        entityType: 'recusal',
        entityId: id,
        departmentCode: found.departmentCode,
        before: { withdrawnAt: null },
        after: { inspectorId: row.inspectorId, targetId: row.targetId, withdrawnAt: now.toISOString() },
      },
      now,
    );
    return ok(view(ctx.actor, { ...found, recusal: row }));
  });
}
