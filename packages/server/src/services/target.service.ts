/**
 * Target library service (检查对象名录库): search, detail, single entry and edits with
 * validation, dated status changes, and claims (认领) by filter or by id list. Targets are
 * public-register data; claims are department data (谁审批、谁监管，谁主管、谁监管).
 */
import {
  domainError,
  err,
  isTargetStatus,
  lookupDivision,
  lookupIndustry,
  ok,
  validateTarget,
  type DomainError,
  type Result,
  type TargetRaw,
  isoDateSchema,
} from '@openssj/core';
import { z } from 'zod';
import {
  canReadDepartment,
  canWriteDepartment,
  CROSS_DEPARTMENT_READERS,
  forbiddenDepartment,
  hasAnyRole,
  type Actor,
  type AuditContext,
} from '../auth/actor';
import type { Db } from '../db/client';
import { findDepartment } from '../db/repos/org.repo';
import { claimedAmong } from '../db/repos/target-claim.repo';
import type { TargetFilter } from '../db/repos/target-filter';
import {
  claimTargets,
  findTarget,
  searchTargets,
  setTargetStatus,
  targetClaims,
  targetStatusHistory,
  unclaimTargets,
  upsertTargets,
  type ClaimSelection,
  type TargetRow,
} from '../db/repos/target.repo';
import { inTransaction } from '../db/tx';
import { chinaDate } from '../imports/target.import';
import { audit } from './audit.service';
import type { ServiceDeps } from './context';

/** A target as the API shows it. */
export const targetViewSchema = z.object({
  id: z.string(),
  uscc: z.string().nullable(),
  type: z.string(),
  name: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  address: z.string(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  legalRep: z.string().nullable(),
  status: z.string(),
  statusDate: z.string().nullable(),
  supervisingUnit: z.string().nullable(),
  riskTier: z.string().nullable(),
  tierSource: z.string().nullable(),
  tierDate: z.string().nullable(),
  tags: z.array(z.string()),
  updatedAt: z.string(),
});
export type TargetView = z.infer<typeof targetViewSchema>;

/** Shape a row for the API, naming its division and industry. */
export function targetView(r: TargetRow): TargetView {
  return {
    id: r.id,
    uscc: r.uscc,
    type: r.type,
    name: r.name,
    divisionCode: r.division_code,
    divisionName: lookupDivision(r.division_code)?.fullName ?? null,
    address: r.address,
    industryCode: r.industry_code,
    industryName: r.industry_code === null ? null : (lookupIndustry(r.industry_code)?.name ?? null),
    legalRep: r.legal_rep,
    status: r.status,
    statusDate: r.status_date,
    supervisingUnit: r.supervising_unit,
    riskTier: r.risk_tier,
    tierSource: r.tier_source,
    tierDate: r.tier_date,
    tags: r.tags,
    updatedAt: r.updated_at,
  };
}

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
  const denied = checkClaimFilter(actor, f);
  if (denied !== null) {
    return err(denied);
  }
  const db = deps.database.db;
  const res = await searchTargets(db, f, pageSize, (page - 1) * pageSize);
  const mine = await claimedAmong(
    db,
    actor.departmentCode,
    res.rows.map((r) => r.id),
  );
  return ok({
    items: res.rows.map((r) => ({ ...targetView(r), claimedByMe: mine.has(r.id) })),
    total: res.total,
    totalExact: res.exact,
    page,
    pageSize,
  });
}

/** The filter check for exports and claims by filter. */
export function authorizeFilter(actor: Actor, f: TargetFilter): Result<TargetFilter, DomainError> {
  const denied = checkClaimFilter(actor, f);
  return denied === null ? ok(f) : err(denied);
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
    ...targetView(row),
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

/** Create one target (single entry). */
export async function createTarget(
  deps: ServiceDeps,
  ctx: AuditContext,
  raw: TargetRaw,
): Promise<Result<TargetView, DomainError>> {
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
      by: ctx.actor?.username ?? null,
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
      { action: 'target.created', entityType: 'target', entityId: view.id, after: view },
      now,
    );
    return ok(view);
  });
}

/** Edit a target's fields; its id cannot change and its status changes only through changeTargetStatus. */
export async function updateTarget(
  deps: ServiceDeps,
  ctx: AuditContext,
  id: string,
  raw: TargetRaw,
): Promise<Result<TargetView, DomainError>> {
  const db = deps.database.db;
  const current = await findTarget(db, id);
  if (current === undefined) {
    return err(notFound(id));
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
      by: ctx.actor?.username ?? null,
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
  ctx: AuditContext,
  id: string,
  input: z.infer<typeof statusChangeSchema>,
): Promise<Result<TargetView, DomainError>> {
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
  const db = deps.database.db;
  const current = await findTarget(db, id);
  if (current === undefined) {
    return err(notFound(id));
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
    await setTargetStatus(tx, id, input.status, input.effectiveDate, ctx.actor?.username ?? null, now);
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
        before: { status: current.status, statusDate: current.status_date },
        after: input,
      },
      now,
    );
    return ok(targetView(row));
  });
}

export interface ClaimRequest {
  readonly action: 'claim' | 'unclaim';
  readonly departmentCode: string;
  readonly selection: ClaimSelection;
}

/** Claim or unclaim targets for a department (one's own; system admins any), audited. */
export async function claimOrUnclaim(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  req: ClaimRequest,
): Promise<Result<{ affected: number }, DomainError>> {
  if (!canWriteDepartment(ctx.actor, req.departmentCode)) {
    return err(forbiddenDepartment(req.departmentCode));
  }
  if ('filter' in req.selection) {
    const f = authorizeFilter(ctx.actor, req.selection.filter);
    if (!f.ok) {
      return f;
    }
  }
  const db = deps.database.db;
  if ((await findDepartment(db, req.departmentCode)) === undefined) {
    return err(
      domainError(
        'VALIDATION',
        `部门不存在：${req.departmentCode}`,
        `unknown department ${req.departmentCode}`,
      ),
    );
  }
  const now = deps.clock();
  return inTransaction(db, async (tx: Db) => {
    const by = ctx.actor.username;
    const affected =
      req.action === 'claim'
        ? await claimTargets(tx, req.departmentCode, req.selection, by, now)
        : await unclaimTargets(tx, req.departmentCode, req.selection);
    const what =
      'ids' in req.selection
        ? { ids: req.selection.ids.length, sample: req.selection.ids.slice(0, 20) }
        : { filter: req.selection.filter };
    await audit(
      tx,
      ctx,
      {
        action: req.action === 'claim' ? 'targets.claimed' : 'targets.unclaimed',
        entityType: 'target_claims',
        entityId: req.departmentCode,
        departmentCode: req.departmentCode,
        after: { ...what, affected },
      },
      now,
    );
    return ok({ affected });
  });
}
