/**
 * The life of an inspection (检查): the statuses and the one table of allowed transitions,
 * so the server checks every step the same way (issue 5: "every transition is checked").
 */
import { z } from 'zod';
import { domainError, type DomainError } from '../errors';
import { err, ok, type Result } from '../result';

export const INSPECTION_STATUSES = [
  'assigned',
  'in_progress',
  'submitted',
  'returned',
  'approved',
  'published',
  'cancelled',
] as const;
export const inspectionStatusSchema = z.enum(INSPECTION_STATUSES);
export type InspectionStatus = z.infer<typeof inspectionStatusSchema>;

/** Statuses in which the team still records and confirms the visit (open visits; confirmation codes): a record may start from each. */
export const UNDER_WAY_STATUSES: readonly InspectionStatus[] = ['assigned', 'in_progress', 'returned'];

/** Is the visit still under way (its team records and confirms)? */
export function isUnderWay(status: string): boolean {
  return UNDER_WAY_STATUSES.some((s) => s === status);
}

/** Status labels in both languages. */
export const INSPECTION_STATUS_LABELS: Readonly<
  Record<InspectionStatus, { readonly zh: string; readonly en: string }>
> = {
  assigned: { zh: '待检查', en: 'Assigned' },
  in_progress: { zh: '检查中', en: 'In progress' },
  submitted: { zh: '待复核', en: 'Awaiting review' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已复核', en: 'Approved' },
  published: { zh: '已公示', en: 'Published' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export type InspectionAction = 'record' | 'submit' | 'approve' | 'return' | 'publish';

const ACTION_LABELS: Readonly<Record<InspectionAction, { readonly zh: string; readonly en: string }>> = {
  record: { zh: '录入检查结果', en: 'record results' },
  submit: { zh: '提交', en: 'submit' },
  approve: { zh: '复核通过', en: 'approve' },
  return: { zh: '退回', en: 'return' },
  publish: { zh: '公示', en: 'publish' },
};

/** From which statuses each action may start, and where it leads (null: the status stays unless assigned). */
const TRANSITIONS: Readonly<
  Record<InspectionAction, { readonly from: readonly InspectionStatus[]; readonly to: InspectionStatus }>
> = {
  record: { from: UNDER_WAY_STATUSES, to: 'in_progress' },
  submit: { from: ['in_progress', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  // 004: results are published only after review (复核)
  publish: { from: ['approved'], to: 'published' },
};

/** The status after `action`, or INVALID_STATE naming the current status. */
export function inspectionTransition(
  status: InspectionStatus,
  action: InspectionAction,
): Result<InspectionStatus, DomainError> {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) {
    const a = ACTION_LABELS[action];
    const s = INSPECTION_STATUS_LABELS[status];
    return err(
      domainError(
        'INVALID_STATE',
        `检查处于「${s.zh}」状态，不能${a.zh}`,
        `cannot ${a.en} an inspection that is ${s.en.toLowerCase()}`,
        {
          details: { status, action },
        },
      ),
    );
  }
  // recording keeps a returned inspection returned, so the leader's comment stays in view until resubmission
  return ok(action === 'record' && status === 'returned' ? 'returned' : t.to);
}

/** True when the inspectors may still edit the visit. */
export function isEditable(status: InspectionStatus): boolean {
  return TRANSITIONS.record.from.includes(status);
}
