/**
 * 异议 and 信用修复 (issue 16 part 2): a business objects to a published result, or, after
 * putting things right, applies for credit repair. The rules: who may file what and until
 * when (a configurable number of working days after publication), the deadline of the
 * reviewing leader, which decisions each kind allows and what they need, and the words the
 * portal shows. Pure: dates and the holiday table come in as arguments.
 */
import { z } from 'zod';
import { addWorkingDays, type HolidayTable } from '../calendar/working-days';
import type { IsoDate } from '../calendar/iso-date';
import { isoDateSchema } from '../calendar/iso-date.schema';
import { domainError, type DomainError, type FieldIssue } from '../errors';
import { err, ok, type Result } from '../result';
import { isProblemCategory, resultCategorySchema, type ResultCategory } from './result-category';

/** objection 异议: the business disputes the result; credit_repair 信用修复: it has corrected and asks that the finding stop counting. */
export const APPEAL_KINDS = ['objection', 'credit_repair'] as const;
export const appealKindSchema = z.enum(APPEAL_KINDS);
export type AppealKind = z.infer<typeof appealKindSchema>;

/** Decisions: an objection is upheld (the result stands), corrected or withdrawn; a repair approved or rejected. */
export const APPEAL_DECISIONS = ['upheld', 'corrected', 'withdrawn', 'approved', 'rejected'] as const;
export const appealDecisionSchema = z.enum(APPEAL_DECISIONS);
export type AppealDecision = z.infer<typeof appealDecisionSchema>;

export const APPEAL_STATUSES = ['pending', ...APPEAL_DECISIONS] as const;
export const appealStatusSchema = z.enum(APPEAL_STATUSES);
export type AppealStatus = z.infer<typeof appealStatusSchema>;

/** The decisions each kind allows. */
export const DECISIONS_OF: Readonly<Record<AppealKind, readonly AppealDecision[]>> = {
  objection: ['upheld', 'corrected', 'withdrawn'],
  credit_repair: ['approved', 'rejected'],
};

type Label = { readonly zh: string; readonly en: string };

export const APPEAL_KIND_LABELS: Readonly<Record<AppealKind, Label>> = {
  objection: { zh: '异议', en: 'Objection' },
  credit_repair: { zh: '信用修复', en: 'Credit repair' },
};

export const APPEAL_STATUS_LABELS: Readonly<Record<AppealStatus, Label>> = {
  pending: { zh: '处理中', en: 'Pending' },
  upheld: { zh: '维持原结果', en: 'Result upheld' },
  corrected: { zh: '结果已更正', en: 'Result corrected' },
  withdrawn: { zh: '结果已撤销', en: 'Result withdrawn' },
  approved: { zh: '准予信用修复', en: 'Repair approved' },
  rejected: { zh: '不予信用修复', en: 'Repair rejected' },
};

/** The terms of a region (settings key `appealTerms`), in working days. */
export const appealTermsSchema = z.strictObject({
  /** A business may object within this many working days after the result is published. */
  objectionWorkingDays: z.int().min(1).max(60),
  /** The reviewing leader decides within this many working days after filing. */
  decisionWorkingDays: z.int().min(1).max(60),
});
export type AppealTerms = z.infer<typeof appealTermsSchema>;

/** Local practice: 15 working days to object, 10 to decide. */
export const DEFAULT_APPEAL_TERMS: AppealTerms = { objectionWorkingDays: 15, decisionWorkingDays: 10 };

/** What the business writes: the reason, and a contact the department can call back. */
export const appealTextSchema = z.string().trim().min(10, '至少 10 个字 / at least 10 characters').max(2000);
export const appealContactSchema = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .describe('联系人及电话 / who to call back, and how');

/** An appeal already on a result, as far as the filing rules care. */
export interface AppealOnRecord {
  readonly kind: AppealKind;
  readonly status: AppealStatus;
}

export interface FilingFacts {
  /** The China date the result was published. */
  readonly publishedOn: IsoDate;
  readonly today: IsoDate;
  /** The categories of the result as it stands now. */
  readonly categories: readonly ResultCategory[];
  readonly onRecord: readonly AppealOnRecord[];
}

/** The last day to object: `objectionWorkingDays` working days after publication. */
export function objectionLastDay(publishedOn: IsoDate, terms: AppealTerms, table: HolidayTable) {
  return addWorkingDays(publishedOn, terms.objectionWorkingDays, table);
}

/** The leader's deadline for an appeal filed on `filedOn`. */
export function appealDueOn(filedOn: IsoDate, terms: AppealTerms, table: HolidayTable) {
  return addWorkingDays(filedOn, terms.decisionWorkingDays, table);
}

/** Does a result carry a finding against the business (a problem category)? */
export function isAdverseResult(categories: readonly ResultCategory[]): boolean {
  return categories.some(isProblemCategory);
}

const refused = (zh: string, en: string, details?: Record<string, unknown>): DomainError =>
  domainError('INVALID_STATE', zh, en, details === undefined ? {} : { details });

/**
 * May the business file this appeal now? An objection: once per result, while the window is
 * open. A credit repair: only for an adverse result, with no objection pending, and none
 * pending or approved already (a rejected one may be filed again).
 */
export function checkAppealFiling(
  kind: AppealKind,
  facts: FilingFacts,
  terms: AppealTerms,
  table: HolidayTable,
): Result<null, DomainError> {
  const pending = facts.onRecord.find((a) => a.status === 'pending');
  if (pending !== undefined) {
    return err(
      refused(
        `该结果已有处理中的${APPEAL_KIND_LABELS[pending.kind].zh}申请，请等待处理结果`,
        `this result already has a pending ${APPEAL_KIND_LABELS[pending.kind].en.toLowerCase()}`,
      ),
    );
  }
  if (kind === 'objection') {
    if (facts.onRecord.some((a) => a.kind === 'objection')) {
      return err(refused('该结果已提出过异议，不能重复提出', 'an objection to this result was already made'));
    }
    const last = objectionLastDay(facts.publishedOn, terms, table).date;
    if (facts.today > last) {
      return err(
        refused(
          `异议期限已过：应在结果公示后 ${terms.objectionWorkingDays} 个工作日内（${last} 前）提出`,
          `the objection period ended on ${last} (${terms.objectionWorkingDays} working days after publication)`,
          { lastDay: last },
        ),
      );
    }
    return ok(null);
  }
  if (!isAdverseResult(facts.categories)) {
    return err(
      refused(
        '该结果未记载发现问题，无需信用修复',
        'the result records no problem, so there is nothing to repair',
      ),
    );
  }
  if (facts.onRecord.some((a) => a.kind === 'credit_repair' && a.status === 'approved')) {
    return err(refused('该结果已完成信用修复', 'credit repair of this result was already approved'));
  }
  return ok(null);
}

/** One item's corrected result, for an objection decided `corrected`. */
export const appealCorrectionSchema = z.strictObject({
  itemId: z.uuid(),
  category: resultCategorySchema,
  note: z.string().trim().max(500).nullable().default(null),
});
export type AppealCorrection = z.infer<typeof appealCorrectionSchema>;

/** A leader's decision as sent. */
export const appealDecisionInputSchema = z.strictObject({
  decision: appealDecisionSchema,
  reason: z.string().trim().min(2).max(2000),
  /** corrected: the items whose result changes, and to what. */
  corrections: z.array(appealCorrectionSchema).max(200).default([]),
  /** approved: the day from which the finding stops counting in the risk score (YYYY-MM-DD). */
  effectiveFrom: isoDateSchema.nullable().default(null),
});
export type AppealDecisionInput = z.infer<typeof appealDecisionInputSchema>;

function issue(field: string, messageZh: string, messageEn: string): FieldIssue {
  return { field, messageZh, messageEn };
}

/**
 * Check a decision against the appeal: it must be pending, the decision one its kind allows,
 * `corrected` must name corrections (items of the result, each once) and `approved` a start date.
 */
export function checkAppealDecision(
  appeal: { readonly kind: AppealKind; readonly status: AppealStatus },
  input: AppealDecisionInput,
  resultItems: ReadonlySet<string>,
): Result<null, DomainError> {
  if (appeal.status !== 'pending') {
    return err(
      refused(
        `该申请已处理（${APPEAL_STATUS_LABELS[appeal.status].zh}），不能再次决定`,
        `the appeal was already decided (${appeal.status})`,
      ),
    );
  }
  const bad = (i: FieldIssue) =>
    err(
      domainError('VALIDATION', `决定无效：${i.messageZh}`, `bad decision: ${i.messageEn}`, { issues: [i] }),
    );
  if (!DECISIONS_OF[appeal.kind].includes(input.decision)) {
    return bad(
      issue(
        'decision',
        `${APPEAL_KIND_LABELS[appeal.kind].zh}只能${DECISIONS_OF[appeal.kind].map((d) => APPEAL_STATUS_LABELS[d].zh).join('、')}`,
        `a ${appeal.kind} allows ${DECISIONS_OF[appeal.kind].join(', ')}`,
      ),
    );
  }
  if (input.decision === 'corrected') {
    if (input.corrections.length === 0) {
      return bad(
        issue('corrections', '更正结果须列出更正的检查事项', 'a correction must name the items it corrects'),
      );
    }
    const seen = new Set<string>();
    for (const [n, c] of input.corrections.entries()) {
      if (!resultItems.has(c.itemId) || seen.has(c.itemId)) {
        return bad(
          issue(
            `corrections[${n}].itemId`,
            seen.has(c.itemId) ? '同一事项重复更正' : '该事项不在本次检查结果中',
            seen.has(c.itemId) ? 'the item is corrected twice' : 'the item has no result in this inspection',
          ),
        );
      }
      seen.add(c.itemId);
      if (c.category === '其他' && (c.note ?? '') === '') {
        return bad(issue(`corrections[${n}].note`, '“其他”须填写说明', '“其他” needs a note'));
      }
    }
  } else if (input.corrections.length > 0) {
    return bad(
      issue('corrections', '只有“结果已更正”可以附更正内容', 'only a correction carries corrections'),
    );
  }
  if (input.decision === 'approved' && input.effectiveFrom === null) {
    return bad(issue('effectiveFrom', '准予信用修复须填写生效日期', 'an approved repair needs a start date'));
  }
  if (input.decision !== 'approved' && input.effectiveFrom !== null) {
    return bad(
      issue('effectiveFrom', '只有准予信用修复需要生效日期', 'only an approved repair has a start date'),
    );
  }
  return ok(null);
}

/** Does a result's finding still count in the risk score on `asOf`? Not once withdrawn, nor from a repair's start date. */
export function findingCounts(
  appeals: readonly { readonly status: AppealStatus; readonly effectiveFrom: string | null }[],
  asOf: string,
): boolean {
  return !appeals.some(
    (a) =>
      a.status === 'withdrawn' ||
      (a.status === 'approved' && a.effectiveFrom !== null && a.effectiveFrom <= asOf),
  );
}

/** The line the portal shows under a result: the newest appeal's state, or null when there is none. */
export function publicAppealLine(
  newest: {
    readonly kind: AppealKind;
    readonly status: AppealStatus;
    readonly effectiveFrom: string | null;
  } | null,
): Label | null {
  if (newest === null) {
    return null;
  }
  if (newest.status === 'pending') {
    return newest.kind === 'objection'
      ? { zh: '异议处理中', en: 'Objection under review' }
      : { zh: '信用修复申请处理中', en: 'Credit repair under review' };
  }
  if (newest.kind === 'objection') {
    const s = APPEAL_STATUS_LABELS[newest.status];
    return { zh: `异议已处理：${s.zh}`, en: `Objection decided: ${s.en}` };
  }
  return newest.status === 'approved'
    ? {
        zh: `已信用修复（自 ${newest.effectiveFrom ?? ''} 起不再作为风险因素）`,
        en: `Credit repaired (no longer a risk factor from ${newest.effectiveFrom ?? ''})`,
      }
    : { zh: '信用修复申请未获准予', en: 'Credit repair not approved' };
}
