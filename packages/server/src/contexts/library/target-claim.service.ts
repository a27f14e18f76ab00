/**
 * Claims (认领) of targets by a department, by id list or by filter (谁审批、谁监管，谁主管、谁监管).
 * Claims are department data: a department claims for itself (system admins for any), and only
 * targets of its own region (issue 10, core policy `target.claim`); a filter is narrowed to the
 * actor's jurisdiction. Every claim is audited.
 */
import { can, domainError, err, ok, type DomainError, type Result } from '@openssj/core';
import {
  canWriteDepartment,
  forbiddenDepartment,
  type Actor,
  type AuditContext,
  findDepartment,
  audit,
  type ServiceDeps,
} from '../platform';
import type { Db } from '../../db/client';
import { claimTargets, targetDivisions, unclaimTargets, type ClaimSelection } from './target.repo';
import { inTransaction } from '../../db/tx';
import { authorizeFilter } from './target.service';

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
  let selection = req.selection;
  const db = deps.database.db;
  if ('filter' in selection) {
    const f = authorizeFilter(ctx.actor, selection.filter);
    if (!f.ok) {
      return f;
    }
    selection = { filter: f.value };
  } else {
    // issue 10: a department claims targets of its own region (system admins any)
    const divisions = new Set<string>();
    for (let i = 0; i < selection.ids.length; i += 10_000) {
      for (const d of (await targetDivisions(db, selection.ids.slice(i, i + 10_000))).values()) {
        divisions.add(d);
      }
    }
    for (const divisionCode of divisions) {
      const allowed = can(ctx.actor, 'target.claim', { kind: 'target', divisionCode });
      if (!allowed.ok) {
        return allowed;
      }
    }
  }
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
        ? await claimTargets(tx, req.departmentCode, selection, by, now)
        : await unclaimTargets(tx, req.departmentCode, selection);
    const what =
      'ids' in selection
        ? { ids: selection.ids.length, sample: selection.ids.slice(0, 20) }
        : { filter: selection.filter };
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
