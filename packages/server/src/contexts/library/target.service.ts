/**
 * Target library service (检查对象名录库): search, detail, single entry and edits with
 * validation, dated status changes, and claims (认领) by filter or by id list. Targets are
 * public-register data; claims are department data (谁审批、谁监管，谁主管、谁监管).
 * Every read and write asks core's policy first (issue 10): master data is written by the
 * library keeper of the target's region, lists stay in the actor's jurisdiction, personal
 * data is masked for roles that do not need it, and edits are audited under the owner too.
 */
import {
  can,
  domainError,
  err,
  listDivision,
  targetOwnerDepartment,
  isTargetStatus,
  ok,
  validateTarget,
  type DomainError,
  type Result,
  type TargetRaw,
  isoDateSchema,
  chinaDate,
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
  chinaToday,
  type ServiceDeps,
} from '../platform';
import { activeAlertCounts } from '../risk';
import { claimedAmong } from './target-claim.repo';
import type { TargetFilter } from '../../db/target-filter';
import {
  findTarget,
  searchTargets,
  setTargetStatus,
  targetClaims,
  targetStatusHistory,
  type TargetRow,
} from './target.repo';
import { upsertTargets } from './target-write.repo';
import { inTransaction } from '../../db/tx';
import { type TargetView, targetView, targetViewFor } from './target-view';

/** Claims are department data: a filter on another department's claims needs oversight rights. */
function checkClaimFilter(actor: Actor, f: TargetFilter): DomainError | null {
  return f.claimedBy !== undefined && f.claimedBy !== '' && !canReadDepartment(actor, f.claimedBy)
    ? forbiddenDepartment(f.claimedBy)
    : null;
}

/** Search the library, a page at a time; each row says whether the actor's department claimed it. */
export async function searchTargetLibrary(
  deps: ServiceDeps,
  actor: Actor,
  f: TargetFilter,
  page: number,
  pageSize: number,
) {
  const scoped = authorizeFilter(actor, f);
  if (!scoped.ok) {
    return scoped;
  }
  const db = deps.database.db;
  const res = await searchTargets(db, scoped.value, pageSize, (page - 1) * pageSize);
  const ids = res.rows.map((r) => r.id);
  const mine = await claimedAmong(db, actor.departmentCode, ids);
  // issue 16: risk alerts in force (the 风险预警 prompt), as the score counts them today
  const alerts = await activeAlertCounts(db, ids, chinaToday(deps.clock()));
  return ok({
    items: res.rows.map((r) => ({
      ...targetViewFor(actor, r),
      claimedByMe: mine.has(r.id),
      alertsInForce: alerts.get(r.id) ?? 0,
    })),
    total: res.total,
    totalExact: res.exact,
    page,
    pageSize,
  });
}

/** The filter of a search, export or claim by filter, checked and narrowed to the actor's jurisdiction. */
export function authorizeFilter(actor: Actor, f: TargetFilter): Result<TargetFilter, DomainError> {
  const denied = checkClaimFilter(actor, f);
  if (denied !== null) {
    return err(denied);
  }
  const division = listDivision(actor, f.division);
  if (!division.ok) {
    return division;
  }
  const { division: _requested, ...rest } = f;
  return ok(division.value === undefined ? rest : { ...rest, division: division.value });
}

function notFound(id: string): DomainError {
  return domainError('NOT_FOUND', `检查对象不存在：${id}`, `no such target: ${id}`);
}

/** A target with its status history and the claims the actor may see. */
export async function getTarget(deps: ServiceDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const row = await findTarget(db, id);
  if (row === undefined) {
    return err(notFound(id));
  }
  const oversight = hasAnyRole(actor, CROSS_DEPARTMENT_READERS);
  const [history, claims] = await Promise.all([
    targetStatusHistory(db, id),
    targetClaims(db, id, oversight ? undefined : [actor.departmentCode]),
  ]);
  return ok({
    ...targetViewFor(actor, row),
    statusHistory: history.map((h) => ({
      status: h.status,
      effectiveDate: h.effective_date,
      recordedBy: h.recorded_by,
      recordedAt: h.recorded_at,
    })),
    claims: claims.map((c) => ({
      departmentCode: c.department_code,
      claimedBy: c.claimed_by,
      claimedAt: c.claimed_at,
    })),
  });
}

function invalid(issues: readonly { field: string; messageZh: string; messageEn: string }[]): DomainError {
  const first = issues[0];
  return domainError(
    'VALIDATION',
    first === undefined ? '输入无效' : `输入无效：${first.messageZh}`,
    first === undefined ? 'invalid input' : `invalid input: ${first.messageEn}`,
    {
      issues: issues.map((i) => ({ field: i.field, messageZh: i.messageZh, messageEn: i.messageEn })),
    },
  );
}

/** The policy's check on writing a target's master data in `divisionCode`. */
function mayWrite(actor: Actor, divisionCode: string): Result<unknown, DomainError> {
  return can(actor, 'target.write', { kind: 'target', divisionCode: divisionCode.trim() });
}

/** Create one target (single entry), in a region the actor keeps. */
export async function createTarget(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  raw: TargetRaw,
): Promise<Result<TargetView, DomainError>> {
  // issue 10: refuse before validating, so a forbidden region never gets a 400
  const allowed = mayWrite(ctx.actor, raw.divisionCode);
  if (!allowed.ok) {
    return allowed;
  }
  const v = validateTarget(raw);
  if (!v.ok) {
    return err(invalid(v.error));
  }
  const db = deps.database.db;
  if ((await findTarget(db, v.value.id)) !== undefined) {
    return err(
      domainError('CONFLICT', `检查对象已存在：${v.value.id}`, `target already exists: ${v.value.id}`),
    );
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    await upsertTargets(tx, [v.value], {
      date: chinaDate(now),
      by: ctx.actor.username,
      at: now,
      tierSource: '人工录入',
    });
    const row = await findTarget(tx, v.value.id);
    if (row === undefined) {
      throw new Error('bug: target vanished after insert');
    }
    const view = targetView(row);
    await audit(
      tx,
      ctx,
      {
        action: 'target.created',
        entityType: 'target',
        entityId: view.id,
        ownerDepartmentCode: targetOwnerDepartment(view.divisionCode),
        after: view,
      },
      now,
    );
    return ok(view);
  });
}

/** True when `raw` changes nothing but the tags of `current` (what other departments may do). */
function onlyTagsChange(current: TargetRow, raw: TargetRaw): boolean {
  const v = validateTarget({ ...raw, status: current.status });
  if (!v.ok) {
    return false;
  }
  const was = targetView(current);
  const t = v.value;
  return (
    t.uscc === was.uscc &&
    t.type === was.type &&
    t.name === was.name &&
    t.divisionCode === was.divisionCode &&
    t.address === was.address &&
    t.industryCode === was.industryCode &&
    t.legalRep === was.legalRep &&
    t.supervisingUnit === was.supervisingUnit &&
    t.riskTier === was.riskTier
  );
}

/** Edit a target's fields; its id cannot change and its status changes only through changeTargetStatus. */
export async function updateTarget(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  raw: TargetRaw,
): Promise<Result<TargetView, DomainError>> {
  const db = deps.database.db;
  const current = await findTarget(db, id);
  if (current === undefined) {
    return err(notFound(id));
  }
  // issue 10: the keeper of the target's region (old and new) edits it; others may only retag it
  const resource = { kind: 'target', divisionCode: current.division_code } as const;
  const allowed = onlyTagsChange(current, raw)
    ? can(ctx.actor, 'target.tag', resource)
    : mayWrite(ctx.actor, current.division_code);
  if (!allowed.ok) {
    return allowed;
  }
  if (raw.divisionCode.trim() !== current.division_code) {
    const moved = mayWrite(ctx.actor, raw.divisionCode);
    if (!moved.ok) {
      return moved;
    }
  }
  const v = validateTarget({ ...raw, status: current.status });
  if (!v.ok) {
    return err(invalid(v.error));
  }
  if (v.value.id !== id) {
    return err(
      invalid([
        {
          field: v.value.uscc === null ? 'code' : 'uscc',
          messageZh: `不能修改对象标识（${id}）`,
          messageEn: `the target's id cannot change (${id})`,
        },
      ]),
    );
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    await upsertTargets(tx, [v.value], {
      date: chinaDate(now),
      by: ctx.actor.username,
      at: now,
      tierSource: '人工录入',
    });
    const row = await findTarget(tx, id);
    if (row === undefined) {
      throw new Error('bug: target vanished after update');
    }
    const view = targetView(row);
    await audit(
      tx,
      ctx,
      {
        action: 'target.updated',
        entityType: 'target',
        entityId: id,
        ownerDepartmentCode: targetOwnerDepartment(current.division_code),
        before: targetView(current),
        after: view,
      },
      now,
    );
    return ok(view);
  });
}

export const statusChangeSchema = z.object({
  status: z.string().max(10),
  effectiveDate: isoDateSchema,
});

/** Change a target's status with the date it took effect (a deregistered target leaves future frames). */
export async function changeTargetStatus(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  input: z.infer<typeof statusChangeSchema>,
): Promise<Result<TargetView, DomainError>> {
  const db = deps.database.db;
  const current = await findTarget(db, id);
  if (current === undefined) {
    return err(notFound(id));
  }
  const allowed = mayWrite(ctx.actor, current.division_code);
  if (!allowed.ok) {
    return allowed;
  }
  if (!isTargetStatus(input.status)) {
    return err(
      invalid([
        {
          field: 'status',
          messageZh: '登记状态应为 在营、注销、吊销、撤销、迁出 之一',
          messageEn: 'status must be one of 在营, 注销, 吊销, 撤销, 迁出',
        },
      ]),
    );
  }
  if (current.status === input.status) {
    return err(
      domainError(
        'INVALID_STATE',
        `登记状态已是「${input.status}」`,
        `the status is already ${input.status}`,
      ),
    );
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    await setTargetStatus(tx, id, input.status, input.effectiveDate, ctx.actor.username, now);
    const row = await findTarget(tx, id);
    if (row === undefined) {
      throw new Error('bug: target vanished');
    }
    await audit(
      tx,
      ctx,
      {
        action: 'target.status',
        entityType: 'target',
        entityId: id,
        ownerDepartmentCode: targetOwnerDepartment(current.division_code),
        before: { status: current.status, statusDate: current.status_date },
        after: input,
      },
      now,
    );
    return ok(targetView(row));
  });
}
