/**
 * Follow-up (后续处置): record the action on a finding and track it to closure: an order to
 * correct with a deadline, a case referral, a notice to another department, the abnormal
 * list within 10 working days (deadline computed when not given), a judicial transfer.
 */
import {
  abnormalListDeadline,
  domainError,
  err,
  followUpKindSchema,
  followUpNeedsDeadline,
  FOLLOW_UP_KIND_LABELS,
  ok,
  type DomainError,
  type Result,
  isoDateSchema,
} from '@openssj/core';
import { z } from 'zod';
import {
  hasAnyRole,
  type Actor,
  type AuditContext,
  findDepartment,
  audit,
  chinaToday,
  loadHolidayTable,
  type ServiceDeps,
} from '../platform';
import { closeFollowUp, insertFollowUp, lockFollowUp, searchFollowUps } from './follow-up.repo';
import { inTransaction } from '../../db/tx';
import { accessInspection } from './inspection-access';
import { followUpView, followUpViewSchema, loadItemsOfVisit, type FollowUpView } from './inspection-view';

type Ctx = AuditContext & { actor: Actor };

export const followUpInputSchema = z.object({
  kind: followUpKindSchema,
  detail: z.string().trim().min(1).max(2000),
  itemId: z.uuid().nullable().default(null),
  deadline: isoDateSchema.nullable().default(null),
  notifyDepartmentCode: z.string().max(40).nullable().default(null),
});
export type FollowUpInput = z.infer<typeof followUpInputSchema>;

/** Record a follow-up on a submitted (or later) visit. */
export async function addFollowUp(
  deps: ServiceDeps,
  ctx: Ctx,
  inspectionId: string,
  input: FollowUpInput,
): Promise<Result<FollowUpView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const acc = await accessInspection(tx, ctx.actor, inspectionId);
    if (!acc.ok) {
      return acc;
    }
    const a = acc.value;
    if (!a.canFollowUp) {
      return err(
        domainError(
          'FORBIDDEN',
          '只有任务所属部门可以记录后续处置',
          'only a department of the task records follow-ups',
        ),
      );
    }
    if (!['submitted', 'approved', 'published'].includes(a.inspection.status)) {
      return err(
        domainError(
          'INVALID_STATE',
          '检查提交后才能记录后续处置',
          'record follow-ups once the visit is submitted',
        ),
      );
    }
    if (input.itemId !== null && !(await loadItemsOfVisit(tx, a)).some((i) => i.itemId === input.itemId)) {
      return err(domainError('VALIDATION', '该事项不属于本次抽查任务', 'the item is not part of this task'));
    }
    let deadline = input.deadline;
    let provisional = false;
    const today = chinaToday(now);
    if (input.kind === 'abnormal_list' && deadline === null) {
      const d = abnormalListDeadline(chinaToday(a.inspection.submittedAt ?? now), await loadHolidayTable(tx));
      deadline = d.date;
      provisional = d.provisional;
    }
    const label = FOLLOW_UP_KIND_LABELS[input.kind];
    if (followUpNeedsDeadline(input.kind) && deadline === null) {
      return err(
        domainError('VALIDATION', `「${label.zh}」须设定期限`, `'${label.en}' needs a deadline`, {
          issues: [{ field: 'deadline', messageZh: '请填写期限', messageEn: 'give a deadline' }],
        }),
      );
    }
    if (input.kind === 'notify_department') {
      if (
        input.notifyDepartmentCode === null ||
        (await findDepartment(tx, input.notifyDepartmentCode)) === undefined
      ) {
        return err(
          domainError('VALIDATION', '请选择被通报的部门', 'choose the department to notify', {
            issues: [
              { field: 'notifyDepartmentCode', messageZh: '部门不存在', messageEn: 'no such department' },
            ],
          }),
        );
      }
    }
    const row = await insertFollowUp(tx, {
      inspectionId,
      targetId: a.inspection.targetId,
      departmentCode: ctx.actor.departmentCode,
      kind: input.kind,
      detail: input.detail,
      itemId: input.itemId,
      notifyDepartmentCode: input.kind === 'notify_department' ? input.notifyDepartmentCode : null,
      deadline,
      deadlineProvisional: provisional,
      createdBy: ctx.actor.username,
      createdAt: now,
    });
    await audit(
      tx,
      ctx,
      {
        action: 'follow_up.created',
        entityType: 'follow_up',
        entityId: row.id,
        after: { inspectionId, kind: row.kind, deadline, detail: row.detail },
      },
      now,
    );
    return ok(followUpView(row, today));
  });
}

/** Close a follow-up with a note (its department, or a system admin). */
export async function closeFollowUpAction(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  note: string,
): Promise<Result<FollowUpView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const f = await lockFollowUp(tx, id);
    if (f === undefined) {
      return err(domainError('NOT_FOUND', '后续处置记录不存在', 'no such follow-up'));
    }
    if (f.departmentCode !== ctx.actor.departmentCode && !hasAnyRole(ctx.actor, ['system_admin'])) {
      return err(
        domainError(
          'FORBIDDEN',
          '只有记录该处置的部门可以办结',
          'only the department that recorded it may close it',
        ),
      );
    }
    if (f.status !== 'open') {
      return err(domainError('INVALID_STATE', '该后续处置已办结', 'already closed'));
    }
    const closed = await closeFollowUp(tx, id, ctx.actor.username, note, now);
    if (closed === undefined) {
      return err(domainError('INVALID_STATE', '该后续处置已办结', 'already closed'));
    }
    await audit(
      tx,
      ctx,
      {
        action: 'follow_up.closed',
        entityType: 'follow_up',
        entityId: id,
        departmentCode: f.departmentCode,
        before: { status: 'open' },
        after: { status: 'closed', note },
      },
      now,
    );
    return ok(followUpView(closed, chinaToday(now)));
  });
}

export const followUpListSchema = z.object({
  items: z.array(
    followUpViewSchema.extend({ targetName: z.string(), uscc: z.string().nullable(), taskId: z.string() }),
  ),
  total: z.number(),
});

/** Follow-ups of the actor's department (all for oversight roles), optionally only overdue ones. */
export async function listFollowUps(
  deps: ServiceDeps,
  actor: Actor,
  f: { status?: 'open' | 'closed' | undefined; overdue: boolean; page: number; pageSize: number },
) {
  const all = hasAnyRole(actor, ['system_admin', 'auditor']);
  const today = chinaToday(deps.clock());
  const { rows, total } = await searchFollowUps(deps.database.db, {
    ...(all ? {} : { departments: [actor.departmentCode] }),
    ...(f.status === undefined ? {} : { status: f.status }),
    ...(f.overdue ? { overdueOn: today } : {}),
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return {
    items: rows.map((r) => ({
      ...followUpView(r.followUp, today),
      targetName: r.targetName,
      uscc: r.uscc,
      taskId: r.taskId,
    })),
    total,
  };
}
