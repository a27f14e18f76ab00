/**
 * Accepting a joint-task proposal (部门联合抽查): every department answers; on the last acceptance the joint task is created in the lead's plan (items, quota and participants of both, participants accepted) and the merged tasks are marked `merged` so they are not drawn twice. Every step is audited.
 */
import { domainError, err, ok, type DomainError, type Result, type TaskScope } from '@openssj/core';
import { z } from 'zod';
import { type Actor, type AuditContext, audit, type ServiceDeps } from '../platform';
import type { Db } from '../../db/client';
import { insertTask, nextTaskId, setParticipation, updateTask, type TaskView } from '../workflow';
import { findProposal, updateProposalAnswers } from './joint-proposal.repo';
import { inTransaction } from '../../db/tx';
import { type JointProposal, respondSchema, proposalView, planned } from './joint.service';

/** Per filter, the union of both scopes' lists (an empty list means no filter, so it wins). */
function unionScope(a: TaskScope, b: TaskScope): TaskScope {
  const u = <T>(x: readonly T[], y: readonly T[]): T[] =>
    x.length === 0 || y.length === 0 ? [] : [...new Set([...x, ...y])];
  return {
    types: u(a.types, b.types),
    divisions: u(a.divisions, b.divisions),
    industries: u(a.industries, b.industries),
    tags: u(a.tags, b.tags),
    statuses: u(a.statuses, b.statuses),
    claimedBy: u(a.claimedBy, b.claimedBy),
  };
}

/** Create the joint task of an accepted proposal and mark the merged tasks. */
async function createJointTask(
  tx: Db,
  ctx: AuditContext & { actor: Actor },
  p: JointProposal,
  now: Date,
): Promise<Result<string, DomainError>> {
  const parts: TaskView[] = [];
  for (const id of p.taskIds) {
    const t = await planned(tx, id);
    if (!t.ok) {
      return t;
    }
    parts.push(t.value);
  }
  const [lead, ...others] = parts;
  if (lead === undefined) {
    return err(domainError('VALIDATION', '提议没有任务', 'the proposal has no tasks'));
  }
  const id = await nextTaskId(tx, lead.planYear);
  // 行政处罚法 art. 42 wants two inspectors for a department alone, one per department in a joint
  // team: a single-department task brings one; a joint part keeps its own numbers.
  const quota: Record<string, number> = {};
  for (const t of parts) {
    const alone = Object.keys(t.quota).length === 1;
    for (const [d, k] of Object.entries(t.quota)) {
      quota[d] = Math.max(quota[d] ?? 0, alone ? 1 : k);
    }
  }
  const items = new Map(
    parts.flatMap((t) =>
      t.items.map(
        (i) =>
          [
            i.itemId,
            { itemId: i.itemId, itemVersion: i.itemVersion, departmentCode: i.departmentCode },
          ] as const,
      ),
    ),
  );
  const participants = [
    ...new Set(
      parts.flatMap((t) => [
        t.leadDepartmentCode,
        ...t.participants.filter((x) => x.status !== 'declined').map((x) => x.departmentCode),
      ]),
    ),
  ].filter((d) => d !== lead.leadDepartmentCode);
  const scope = others.reduce((s, t) => unionScope(s, t.scope), lead.scope);
  const windowStart = parts.map((t) => t.windowStart).reduce((a, b) => (a > b ? a : b));
  const windowEnd = parts.map((t) => t.windowEnd).reduce((a, b) => (a < b ? a : b));
  const row = {
    id,
    planId: lead.planId,
    leadDepartmentCode: lead.leadDepartmentCode,
    title: `联合抽查：${parts.map((t) => t.title).join(' + ')}`.slice(0, 200),
    scope,
    strata: lead.strata,
    windowStart,
    windowEnd,
    jurisdictionRule: parts.some((t) => t.jurisdictionRule),
    quota,
    crossRegion: parts.some((t) => t.crossRegion),
    tierSource: lead.tierSource,
    createdBy: ctx.actor.username,
    createdAt: now,
    updatedAt: now,
  };
  await insertTask(tx, row, [...items.values()], participants);
  for (const d of participants) {
    // every party accepted the proposal: that is their acceptance of the joint task
    await setParticipation(tx, id, d, {
      status: 'accepted',
      respondedBy: ctx.actor.username,
      respondedAt: now,
      comment: `联合抽查提议 ${p.id}`,
    });
  }
  for (const t of parts) {
    await updateTask(tx, t.id, { status: 'merged', updatedAt: now });
    await audit(
      tx,
      ctx,
      {
        action: 'task.merge',
        entityType: 'task',
        entityId: t.id,
        departmentCode: t.leadDepartmentCode,
        before: { status: t.status },
        after: { status: 'merged', into: id },
      },
      now,
    );
  }
  await audit(
    tx,
    ctx,
    {
      action: 'task.create_joint',
      entityType: 'task',
      entityId: id,
      departmentCode: lead.leadDepartmentCode,
      after: {
        ...row,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        participants,
        proposal: p.id,
      },
    },
    now,
  );
  return ok(id);
}

/** A department's answer to a proposal; the last acceptance creates the joint task, any refusal closes it. */
export async function respondToProposal(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  input: z.infer<typeof respondSchema>,
): Promise<Result<JointProposal, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const row = await findProposal(tx, id, true);
    if (row === undefined) {
      return err(domainError('NOT_FOUND', `没有这个合并提议：${id}`, `no such proposal: ${id}`));
    }
    const p = proposalView(row);
    const dept = ctx.actor.departmentCode;
    if (!ctx.actor.roles.includes('dept_admin') || !p.departments.includes(dept)) {
      return err(
        domainError(
          'FORBIDDEN',
          '只有提议涉及部门的管理员可以确认',
          'only an admin of a department involved may answer',
        ),
      );
    }
    if (p.status !== 'open') {
      return err(
        domainError('INVALID_STATE', '该提议已处理', 'the proposal is closed', {
          details: { status: p.status },
        }),
      );
    }
    const responses = {
      ...p.responses,
      [dept]: {
        accept: input.accept,
        by: ctx.actor.username,
        at: now.toISOString(),
        comment: input.comment ?? null,
      },
    };
    const allAccepted = p.departments.every((d) => responses[d]?.accept === true);
    let status: JointProposal['status'] = input.accept ? 'open' : 'declined';
    let jointTaskId: string | null = null;
    if (allAccepted) {
      const created = await createJointTask(tx, ctx, { ...p, responses }, now);
      if (!created.ok) {
        return created;
      }
      status = 'accepted';
      jointTaskId = created.value;
    }
    await updateProposalAnswers(tx, p.id, responses, status, jointTaskId);
    await audit(
      tx,
      ctx,
      {
        action: input.accept ? 'joint.accept' : 'joint.decline',
        entityType: 'joint_proposal',
        entityId: p.id,
        before: { status: p.status },
        after: { status, jointTaskId, comment: input.comment ?? null },
      },
      now,
    );
    const saved = await findProposal(tx, p.id);
    return saved === undefined
      ? err(domainError('NOT_FOUND', '提议不存在', 'no such proposal'))
      : ok(proposalView(saved));
  });
}
