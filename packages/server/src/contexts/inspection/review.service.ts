/**
 * Review (复核) and publication (公示): a leader of a task department approves a submitted
 * visit or returns it with a comment; the lead department publishes approved results, one
 * visit or a whole task at once — in a cross-region task each side reviews and publishes its
 * own part (issue 6). An unreviewed result is never published (004).
 */
import {
  domainError,
  err,
  inspectionStatusSchema,
  inspectionTransition,
  isSidedTask,
  LOG_SPEC,
  ok,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import { type Actor, type AuditContext, appendLogEntry, audit, type ServiceDeps } from '../platform';
import type { Db } from '../../db/client';
import {
  findTask,
  lockInspection,
  taskDepartments,
  taskSideDepartments,
  updateInspectionVersioned,
} from './inspection.repo';
import { photoHashesOf } from './photo.repo';
import {
  countUnpublishedVisits,
  publishApprovedVisits,
  stampTaskResultsPublished,
  unpublishedVisits,
} from './result-publication.repo';
import { inTransaction } from '../../db/tx';
import { accessInspection, inspectionNotFound, type InspectionAccess } from './inspection-access';
import { buildVisitView, type VisitView } from './inspection-view';

type Ctx = AuditContext & { actor: Actor };

async function lockAndAccess(
  tx: Db,
  actor: Actor,
  id: string,
): Promise<Result<InspectionAccess, DomainError>> {
  const row = await lockInspection(tx, id);
  return row === undefined ? err(inspectionNotFound(id)) : accessInspection(tx, actor, id, row);
}

function staleError(sent: number, server: number): DomainError {
  return domainError(
    'CONFLICT',
    `检查记录已更新（您的版本 ${sent}，服务器版本 ${server}），请刷新后再操作`,
    `the record changed (your version ${sent}, server version ${server}); reload first`,
    {
      details: { sentVersion: sent, serverVersion: server },
    },
  );
}

/** When every live visit of a task is published, stamp the task's results as published. */
async function stampTaskIfDone(tx: Db, ctx: Ctx, taskId: string, now: Date): Promise<boolean> {
  if ((await countUnpublishedVisits(tx, taskId)) > 0) {
    return false;
  }
  const stamped = await stampTaskResultsPublished(tx, taskId, now);
  if (stamped) {
    await audit(
      tx,
      ctx,
      {
        action: 'task.results_published',
        entityType: 'task',
        entityId: taskId,
        after: { resultsPublishedAt: now.toISOString() },
      },
      now,
    );
  }
  return stamped;
}

/** Approve a submitted visit, or return it to the inspectors with a comment. */
export async function reviewVisit(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  body: { version: number; decision: 'approve' | 'return'; comment?: string | undefined },
): Promise<Result<VisitView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const acc = await lockAndAccess(tx, ctx.actor, id);
    if (!acc.ok) {
      return acc;
    }
    const a = acc.value;
    if (!a.canReview) {
      return err(
        domainError(
          'FORBIDDEN',
          '只有任务所属部门的领导可以复核',
          'only a leader of a department of the task may review',
        ),
      );
    }
    const i = a.inspection;
    const next = inspectionTransition(inspectionStatusSchema.parse(i.status), body.decision);
    if (!next.ok) {
      return next;
    }
    if (body.version !== i.version) {
      return err(staleError(body.version, i.version));
    }
    const comment = body.comment?.trim() ?? '';
    if (body.decision === 'return' && comment === '') {
      return err(
        domainError('VALIDATION', '退回时须填写意见', 'a return needs a comment', {
          issues: [{ field: 'comment', messageZh: '请填写退回意见', messageEn: 'write why it is returned' }],
        }),
      );
    }
    const updated = await updateInspectionVersioned(tx, i.id, i.version, {
      status: next.value,
      reviewedAt: now,
      reviewedBy: ctx.actor.username,
      reviewComment: comment === '' ? null : comment,
      updatedAt: now,
    });
    if (updated === undefined) {
      return err(staleError(body.version, i.version + 1));
    }
    await audit(
      tx,
      ctx,
      {
        action: body.decision === 'approve' ? 'inspection.approved' : 'inspection.returned',
        entityType: 'inspection',
        entityId: i.id,
        before: { status: i.status, version: i.version },
        after: { status: updated.status, version: updated.version, comment: updated.reviewComment },
      },
      now,
    );
    return ok(await buildVisitView(tx, { ...a, inspection: updated }, now));
  });
}

/** Publish one approved visit (lead department). */
export async function publishVisit(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  version: number,
): Promise<Result<VisitView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const acc = await lockAndAccess(tx, ctx.actor, id);
    if (!acc.ok) {
      return acc;
    }
    const a = acc.value;
    if (!a.canPublish) {
      return err(
        domainError(
          'FORBIDDEN',
          '只有牵头部门可以公示检查结果',
          'only the lead department publishes results',
        ),
      );
    }
    const i = a.inspection;
    if (i.status === 'published') {
      return ok(await buildVisitView(tx, a, now)); // already public: nothing twice
    }
    const next = inspectionTransition(inspectionStatusSchema.parse(i.status), 'publish');
    if (!next.ok) {
      return next;
    }
    if (version !== i.version) {
      return err(staleError(version, i.version));
    }
    const updated = await updateInspectionVersioned(tx, i.id, i.version, {
      status: next.value,
      publishedAt: now,
      updatedAt: now,
    });
    if (updated === undefined) {
      return err(staleError(version, i.version + 1));
    }
    await audit(
      tx,
      ctx,
      {
        action: 'inspection.published',
        entityType: 'inspection',
        entityId: i.id,
        before: { status: i.status },
        after: { status: 'published' },
      },
      now,
    );
    // ssj-log/1 §3.5: a result made public
    const logged = { log: LOG_SPEC, kind: 'result', at: now.toISOString() } as const;
    const evidence = await photoHashesOf(tx, [i.id]);
    await appendLogEntry(tx, { ...logged, taskId: i.taskId, inspections: [i.id], evidence }, now);
    await stampTaskIfDone(tx, ctx, i.taskId, now);
    return ok(await buildVisitView(tx, { ...a, inspection: updated }, now));
  });
}

export const publishTaskResultSchema = z.object({
  taskId: z.string(),
  published: z.number(),
  /** Visits not yet reviewed (or still being recorded): they stay unpublished. */
  notReviewed: z.number(),
  taskComplete: z.boolean(),
});

/** Publish every approved visit of a task; unreviewed ones stay back and are counted. */
export async function publishTaskResults(
  deps: ServiceDeps,
  ctx: Ctx,
  taskId: string,
): Promise<Result<z.infer<typeof publishTaskResultSchema>, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const task = await findTask(tx, taskId);
    if (task === undefined) {
      return err(domainError('NOT_FOUND', `抽查任务 ${taskId} 不存在`, `no task ${taskId}`));
    }
    const depts = await taskDepartments(tx, task);
    const sys = ctx.actor.roles.includes('system_admin');
    const staff = ctx.actor.roles.some((r) => r === 'leader' || r === 'dept_admin');
    // issue 6: in a cross-region task each side publishes its own part (visits on its side)
    const sided =
      task.crossRegion &&
      isSidedTask(true, (await taskSideDepartments(tx, [taskId])).get(taskId)?.departments ?? []);
    const mayPublish =
      sys ||
      (staff &&
        (sided
          ? depts.includes(ctx.actor.departmentCode)
          : ctx.actor.departmentCode === task.leadDepartmentCode));
    if (!mayPublish) {
      return err(
        domainError(
          'FORBIDDEN',
          depts.includes(ctx.actor.departmentCode) ? '只有牵头部门可以公示检查结果' : '无权操作该抽查任务',
          'only the lead department publishes results',
        ),
      );
    }
    const side = sided && !sys ? ctx.actor.departmentCode : null;
    const published = await publishApprovedVisits(tx, taskId, now, side);
    const left = await unpublishedVisits(tx, taskId, side);
    if (published.length > 0) {
      await audit(
        tx,
        ctx,
        {
          action: 'task.inspections_published',
          entityType: 'task',
          entityId: taskId,
          departmentCode: sided ? ctx.actor.departmentCode : task.leadDepartmentCode,
          after: { inspections: published.map((p) => p.id) },
        },
        now,
      );
      // ssj-log/1 §3.5: results made public
      const ids = published.map((p) => p.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const logged = { log: LOG_SPEC, kind: 'result', at: now.toISOString() } as const;
      const evidence = await photoHashesOf(tx, ids);
      await appendLogEntry(tx, { ...logged, taskId, inspections: ids, evidence }, now);
    }
    const complete = await stampTaskIfDone(tx, ctx, taskId, now);
    return ok({
      taskId,
      published: published.length,
      notReviewed: left.length,
      taskComplete: complete || task.resultsPublishedAt !== null,
    });
  });
}
