/**
 * The annual plan's flow (年度抽查计划): draft → submitted → approved (a leader of the
 * department) → published. A leader may return a submitted plan with a comment. A published
 * plan is read-only; changing it opens a revision with a reason (status `revising`), which
 * goes through submit → approve → publish again.
 */
import { z } from 'zod';
import { domainError, type DomainError } from '../errors';
import { err, ok, type Result } from '../result';

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'published', 'revising'] as const;
export const planStatusSchema = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const PLAN_ACTIONS = ['submit', 'approve', 'return', 'publish', 'revise'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Chinese and English names of plan statuses, for messages and screens. */
export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '待审批', en: 'submitted' },
  approved: { zh: '已审批', en: 'approved' },
  published: { zh: '已公示', en: 'published' },
  revising: { zh: '修订中', en: 'revising' },
};

const FLOW: Readonly<Record<PlanAction, { from: readonly PlanStatus[]; to: PlanStatus }>> = {
  submit: { from: ['draft', 'revising'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'draft' },
  publish: { from: ['approved'], to: 'published' },
  revise: { from: ['published'], to: 'revising' },
};

/** The status after `action`, or INVALID_STATE naming the current status. */
export function nextPlanStatus(
  current: PlanStatus,
  action: PlanAction,
  revision = 0,
): Result<PlanStatus, DomainError> {
  const step = FLOW[action];
  if (!step.from.includes(current)) {
    return err(
      domainError(
        'INVALID_STATE',
        `计划当前状态为「${PLAN_STATUS_LABELS[current].zh}」，不能执行此操作`,
        `the plan is ${PLAN_STATUS_LABELS[current].en}: cannot ${action}`,
        {
          details: { status: current, action },
        },
      ),
    );
  }
  // A returned revision goes back to `revising`, not to a fresh draft.
  return ok(action === 'return' && revision > 0 ? 'revising' : step.to);
}

/** Whether the plan's content (title, tasks) may be edited. */
export function planEditable(status: PlanStatus): boolean {
  return status === 'draft' || status === 'revising';
}

/** Whether the plan's tasks may be drawn (spec §1: only an approved plan's tasks). */
export function planDrawable(status: PlanStatus): boolean {
  return status === 'approved' || status === 'published';
}
