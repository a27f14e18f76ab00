/**
 * 后续处置: follow-up kinds as a zod enum, their labels, and what a finding suggests, with
 * the abnormal-list deadline (10 working days, local practice) from the core calendar.
 */
import { z } from 'zod';
import { abnormalListDeadline, addWorkingDays, type HolidayTable } from '../calendar/working-days';
import type { IsoDate } from '../calendar/iso-date';
import { needsAbnormalList, type ResultCategory } from './result-category';

export const FOLLOW_UP_KINDS = [
  'correction_order',
  'case_referral',
  'notify_department',
  'abnormal_list',
  'judicial_transfer',
] as const;

/** A follow-up action kind (code name; the labels are the domain.md words). */
export const followUpKindSchema = z.enum(FOLLOW_UP_KINDS);
export type FollowUpKind = z.infer<typeof followUpKindSchema>;

export const FOLLOW_UP_STATUSES = ['open', 'closed'] as const;
export const followUpStatusSchema = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof followUpStatusSchema>;

/** Labels of the kinds, in both languages. */
export const FOLLOW_UP_KIND_LABELS: Readonly<
  Record<FollowUpKind, { readonly zh: string; readonly en: string }>
> = {
  correction_order: { zh: '责令限期改正', en: 'Order to correct' },
  case_referral: { zh: '移交案件查处', en: 'Case referred to enforcement' },
  notify_department: { zh: '通报其他部门', en: 'Notice to another department' },
  abnormal_list: { zh: '列入经营异常名录', en: 'Listed as abnormal' },
  judicial_transfer: { zh: '移送司法机关', en: 'Transferred to the judiciary' },
};

/** Local practice: a correction order (责令限期改正) gives 15 working days unless the reviewer sets another. */
export const CORRECTION_ORDER_WORKING_DAYS = 15;

/** Kinds that must carry a deadline. */
export function followUpNeedsDeadline(kind: FollowUpKind): boolean {
  return kind === 'correction_order' || kind === 'abnormal_list';
}

export interface FollowUpSuggestion {
  readonly kind: FollowUpKind;
  readonly deadline: IsoDate | null;
  readonly provisional: boolean;
  readonly reasonZh: string;
  readonly reasonEn: string;
}

/** What a finding suggests: the abnormal list within 10 working days of `foundOn` for 无法联系 / 弄虚作假; else a correction order within 15 working days for problems. */
export function suggestFollowUps(
  category: ResultCategory,
  foundOn: IsoDate,
  table: HolidayTable,
): FollowUpSuggestion[] {
  if (needsAbnormalList(category)) {
    const d = abnormalListDeadline(foundOn, table);
    return [
      {
        kind: 'abnormal_list',
        deadline: d.date,
        provisional: d.provisional,
        reasonZh: `「${category}」应在 10 个工作日内列入经营异常名录`,
        reasonEn: `'${category}': list as abnormal within 10 working days`,
      },
    ];
  }
  if (
    category === '发现问题已责令改正' ||
    category === '发现问题待后续处理' ||
    category === '未按规定公示应当公示的信息'
  ) {
    // the one-click suggestion must be recordable as it is: a correction order needs a deadline
    const d = addWorkingDays(foundOn, CORRECTION_ORDER_WORKING_DAYS, table);
    return [
      {
        kind: 'correction_order',
        deadline: d.date,
        provisional: d.provisional,
        reasonZh: `「${category}」：责令限期改正（默认 ${CORRECTION_ORDER_WORKING_DAYS} 个工作日）并跟踪`,
        reasonEn: `'${category}': order a correction within ${CORRECTION_ORDER_WORKING_DAYS} working days and track it`,
      },
    ];
  }
  if (category === '不配合检查情节严重') {
    return [
      {
        kind: 'case_referral',
        deadline: null,
        provisional: false,
        reasonZh: `「${category}」：移交案件查处`,
        reasonEn: `'${category}': refer the case to enforcement`,
      },
    ];
  }
  return [];
}

/** True when an open follow-up is past its deadline on `today`. */
export function isFollowUpOverdue(
  f: { readonly status: FollowUpStatus; readonly deadline: string | null },
  today: IsoDate,
): boolean {
  return f.status === 'open' && f.deadline !== null && f.deadline < today;
}
