/**
 * Abandoning a draw (作废, a redraw) takes two people (issue 13): a department admin of the lead
 * department asks, with a reason; a leader of that department who is not the asker approves or
 * rejects, with a comment. Only the approval abandons the draw: its unstarted inspections are
 * cancelled, the task goes back to planned, and the abandonment with its reason enters the
 * transparency log (ssj-log/1 §3.4). Every step is audited. A draw is never deleted; the next draw
 * names it in `supersedes`.
 */
import { domainError, err, LOG_SPEC, ok, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import {
  type Actor,
  type AuditContext,
  appendLogEntry,
  audit,
  canWriteDepartment,
  CROSS_DEPARTMENT_READERS,
  forbiddenDepartment,
  hasAnyRole,
  type ServiceDeps,
} from '../platform';
import { inTransaction } from '../../db/tx';
import type { Db } from '../../db/client';
import { cancelInspections, findDraw, startedInspections, updateDraw, type DrawRow } from './draw.repo';
import {
  decideAbandonRequest,
  findAbandonRequest,
  insertAbandonRequest,
  listAbandonRequests,
  pendingAbandonRequest,
  type AbandonRequestWithTask,
} from './abandon.repo';
import { updateTask } from '../workflow';
import { writableDraw } from './draw.service';

export const abandonInputSchema = z.object({ reason: z.string().trim().min(4).max(1000) });
export const abandonDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), comment: z.string().trim().max(1000).optional() }),
  /** A rejection says why, so the asker knows what to do next. */
  z.object({ decision: z.literal('reject'), comment: z.string().trim().min(2).max(1000) }),
]);
export const abandonListQuerySchema = z.object({
  drawId: z
    .string()
    .regex(/^D-\d{4}-\d{4,}-\d+$/, 'D-YYYY-NNNN-N')
    .optional(),
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
});

export const abandonRequestSchema = z.object({
  id: z.number(),
  drawId: z.string(),
  taskId: z.string(),
  taskTitle: z.string(),
  leadDepartmentCode: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  /** May the caller approve or reject it (a leader of the lead department, not the asker)? */
  canDecide: z.boolean(),
});
export type AbandonRequestView = z.infer<typeof abandonRequestSchema>;

type Ctx = AuditContext & { actor: Actor };

/** Who may approve: a leader of the lead department who did not ask. */
function decider(actor: Actor, r: { requestedBy: string; leadDepartmentCode: string }): boolean {
  return (
    actor.roles.includes('leader') &&
    canWriteDepartment(actor, r.leadDepartmentCode) &&
    actor.username !== r.requestedBy
  );
}

function view(actor: Actor, r: AbandonRequestWithTask): AbandonRequestView {
  const status = abandonRequestSchema.shape.status.parse(r.status);
  return {
    id: r.id,
    drawId: r.drawId,
    taskId: r.taskId,
    taskTitle: r.taskTitle,
    leadDepartmentCode: r.leadDepartmentCode,
    reason: r.reason,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    status,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    comment: r.comment,
    canDecide: status === 'pending' && decider(actor, r),
  };
}

async function viewOf(db: Db, actor: Actor, id: number): Promise<Result<AbandonRequestView, DomainError>> {
  const [r] = await listAbandonRequests(db, { id, departments: null, limit: 1 });
  return r === undefined ? err(noSuchRequest(id)) : ok(view(actor, r));
}

function noSuchRequest(id: number): DomainError {
  return domainError('NOT_FOUND', `没有这条作废申请：${id}`, `no such abandonment request: ${id}`);
}

/** Refuse when an inspection of the draw has started (checked at the request and again at approval). */
async function notStarted(db: Db, id: string): Promise<Result<null, DomainError>> {
  const started = await startedInspections(db, id);
  return started === 0
    ? ok(null)
    : err(
        domainError(
          'INVALID_STATE',
          `已有 ${started} 项检查开始，不能作废本次摇号`,
          `${started} inspections have started: the draw cannot be abandoned`,
          { details: { started } },
        ),
      );
}

/** Ask to abandon a draw: recorded as pending until a leader decides. */
export async function requestAbandon(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof abandonInputSchema>,
): Promise<Result<AbandonRequestView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const w = await writableDraw(tx, ctx.actor, id);
    if (!w.ok) {
      return w;
    }
    if (w.value.draw.status === 'abandoned') {
      return err(domainError('INVALID_STATE', `摇号 ${id} 已作废`, `draw ${id} is already abandoned`));
    }
    const running = await notStarted(tx, id);
    if (!running.ok) {
      return running;
    }
    const pending = await pendingAbandonRequest(tx, id);
    if (pending !== undefined) {
      return err(
        domainError(
          'CONFLICT',
          `本次摇号已有待审批的作废申请（${pending.requestedBy}）`,
          `this draw already has a pending abandonment request (by ${pending.requestedBy})`,
          { details: { requestId: pending.id } },
        ),
      );
    }
    const requestId = await insertAbandonRequest(tx, {
      drawId: id,
      reason: input.reason,
      requestedBy: ctx.actor.username,
      requestedAt: now,
    });
    await audit(
      tx,
      ctx,
      {
        action: 'draw.abandon_requested',
        entityType: 'draw',
        entityId: id,
        departmentCode: w.value.lead,
        after: { requestId, reason: input.reason },
      },
      now,
    );
    return viewOf(tx, ctx.actor, requestId);
  });
}

/** Approve (the draw is abandoned) or reject a pending request. */
export async function decideAbandon(
  deps: ServiceDeps,
  ctx: Ctx,
  requestId: number,
  input: z.infer<typeof abandonDecisionSchema>,
): Promise<Result<AbandonRequestView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const r = await findAbandonRequest(tx, requestId, true);
    if (r === undefined) {
      return err(noSuchRequest(requestId));
    }
    const w = await writableDraw(tx, ctx.actor, r.drawId);
    if (!w.ok) {
      return w;
    }
    if (r.status !== 'pending') {
      return err(
        domainError(
          'INVALID_STATE',
          `该作废申请已${r.status === 'approved' ? '批准' : '驳回'}`,
          `the request was already ${r.status}`,
          { details: { status: r.status } },
        ),
      );
    }
    if (!decider(ctx.actor, { requestedBy: r.requestedBy, leadDepartmentCode: w.value.lead })) {
      return err(
        ctx.actor.username === r.requestedBy
          ? domainError(
              'FORBIDDEN',
              '作废须由另一人审批：申请人不能审批自己的申请',
              'a second person must decide: the asker cannot approve their own request',
            )
          : forbiddenDepartment(w.value.lead),
      );
    }
    const comment = (input.comment ?? '') === '' ? null : (input.comment ?? null);
    if (input.decision === 'approve') {
      const running = await notStarted(tx, r.drawId);
      if (!running.ok) {
        return running;
      }
    }
    await decideAbandonRequest(tx, requestId, {
      status: input.decision === 'approve' ? 'approved' : 'rejected',
      decidedBy: ctx.actor.username,
      decidedAt: now,
      comment,
    });
    await audit(
      tx,
      ctx,
      {
        action: input.decision === 'approve' ? 'draw.abandon_approved' : 'draw.abandon_rejected',
        entityType: 'draw',
        entityId: r.drawId,
        departmentCode: w.value.lead,
        after: { requestId, requestedBy: r.requestedBy, reason: r.reason, comment },
      },
      now,
    );
    if (input.decision === 'approve') {
      await applyAbandonment(tx, ctx, w.value.draw, w.value.lead, r, now);
    }
    return viewOf(tx, ctx.actor, requestId);
  });
}

/** The approved abandonment: cancel, reset the task, audit and log (§3.4). */
async function applyAbandonment(
  tx: Db,
  ctx: Ctx,
  d: DrawRow,
  lead: string,
  r: { reason: string; requestedBy: string },
  now: Date,
): Promise<void> {
  await cancelInspections(tx, d.id, now);
  await updateDraw(tx, d.id, {
    status: 'abandoned',
    abandonedReason: r.reason,
    abandonedAt: now,
    abandonedBy: r.requestedBy,
  });
  await updateTask(tx, d.taskId, { status: 'planned', updatedAt: now });
  await audit(
    tx,
    ctx,
    {
      action: 'draw.abandoned',
      entityType: 'draw',
      entityId: d.id,
      departmentCode: lead,
      before: { status: d.status },
      after: { status: 'abandoned', reason: r.reason, requestedBy: r.requestedBy },
    },
    now,
  );
  // ssj-log/1 §3.4: an abandoned draw stays on record, with its reason
  await appendLogEntry(
    tx,
    {
      log: LOG_SPEC,
      kind: 'abandon',
      at: now.toISOString(),
      drawId: d.id,
      taskId: d.taskId,
      commitment: d.commitment,
      reason: r.reason,
    },
    now,
  );
}

/** Requests the caller may see (own department's tasks; every department for oversight roles). */
export async function listAbandon(
  deps: ServiceDeps,
  actor: Actor,
  q: z.infer<typeof abandonListQuerySchema>,
): Promise<Result<AbandonRequestView[], DomainError>> {
  if (q.drawId !== undefined) {
    const d = await findDraw(deps.database.db, q.drawId);
    if (d === undefined) {
      return err(domainError('NOT_FOUND', `没有这次摇号：${q.drawId}`, `no such draw: ${q.drawId}`));
    }
  }
  const rows = await listAbandonRequests(deps.database.db, {
    ...(q.drawId === undefined ? {} : { drawId: q.drawId }),
    ...(q.status === undefined ? {} : { status: q.status }),
    departments: hasAnyRole(actor, CROSS_DEPARTMENT_READERS) ? null : [actor.departmentCode],
    limit: 500,
  });
  return ok(rows.map((r) => view(actor, r)));
}
