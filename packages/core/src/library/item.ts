/**
 * Inspection items (随机抽查事项): the fields, their limits, and the cross-field rules
 * (a general item has a ratio cap, a key item has none — 004), shared by the API, the
 * spreadsheet import and the web form.
 */
import { z } from 'zod';
import type { FieldIssue } from '../errors';
import { err, ok, type Result } from '../result';
import { lookupIndustry } from '../reference/industry';
import { isTargetType, TARGET_TYPES, type TargetType } from '../reference/target-key';
import { parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { checkLength, fieldIssue, type IssueAt } from './cells';
import { defaultChecklistForm, guidelineSchema, type Guideline } from './checklist';
import { normalizeRatioCap } from './ratio-cap';

export const ITEM_PRIORITIES = ['key', 'general'] as const;
export type ItemPriority = (typeof ITEM_PRIORITIES)[number];
export const INSPECTION_METHODS = ['document', 'onsite', 'online'] as const;
export type InspectionMethod = (typeof INSPECTION_METHODS)[number];

export const ITEM_PRIORITY_LABELS: Readonly<Record<ItemPriority, { zh: string; en: string }>> = {
  key: { zh: '重点', en: 'Key' },
  general: { zh: '一般', en: 'General' },
};
export const INSPECTION_METHOD_LABELS: Readonly<Record<InspectionMethod, { zh: string; en: string }>> = {
  document: { zh: '书面检查', en: 'Document review' },
  onsite: { zh: '实地核查', en: 'On-site check' },
  online: { zh: '网络监测', en: 'Online monitoring' },
};

export const ITEM_LIMITS = {
  code: 40,
  name: 100,
  legalBasis: 2000,
  legalRef: 200,
  legalRefs: 50,
  industries: 200,
  changeNote: 500,
} as const;

/** Department codes carry their region: 500112-SCJG. */
export const DEPARTMENT_CODE = /^\d{6}-[A-Z0-9]{2,12}$/;
/** Item codes: printable, no spaces. */
export const ITEM_CODE = /^[^\s\p{C}]+$/u;

const isoDateText = z.string().refine((s) => parseIsoDate(s).ok, 'YYYY-MM-DD');

/** The versioned content of an item as it comes in (API body or parsed row), before the rules. */
export const itemContentInputSchema = z.object({
  name: z.string().trim().min(1).max(ITEM_LIMITS.name),
  priority: z.enum(ITEM_PRIORITIES),
  /** Any ratio text (10%, 0.1); omitted or null on a general item: the region's default. */
  ratioCap: z.string().max(20).nullable().optional(),
  legalBasis: z.string().trim().min(1).max(ITEM_LIMITS.legalBasis),
  legalRefs: z
    .array(z.string().trim().min(1).max(ITEM_LIMITS.legalRef))
    .max(ITEM_LIMITS.legalRefs)
    .optional(),
  method: z.enum(INSPECTION_METHODS),
  targetTypes: z.array(z.enum(TARGET_TYPES)).max(TARGET_TYPES.length).optional(),
  industries: z.array(z.string().max(5)).max(ITEM_LIMITS.industries).optional(),
  guideline: guidelineSchema.optional(),
});
export type ItemContentInput = z.infer<typeof itemContentInputSchema>;

/** A new item: department, code, content, and the first version's effective date. */
export const newItemSchema = itemContentInputSchema.extend({
  departmentCode: z.string().regex(DEPARTMENT_CODE, 'e.g. 500112-SCJG'),
  code: z.string().trim().min(1).max(ITEM_LIMITS.code).regex(ITEM_CODE, 'no spaces'),
  effectiveFrom: isoDateText.optional(),
  changeNote: z.string().max(ITEM_LIMITS.changeNote).optional(),
});
export type NewItemInput = z.infer<typeof newItemSchema>;

/** A revision: any content fields; every accepted revision is a new version. */
export const itemRevisionSchema = itemContentInputSchema.partial().extend({
  effectiveFrom: isoDateText.optional(),
  changeNote: z.string().max(ITEM_LIMITS.changeNote).optional(),
});
export type ItemRevisionInput = z.infer<typeof itemRevisionSchema>;

/** The validated content of one item version. */
export interface ItemContent {
  readonly name: string;
  readonly priority: ItemPriority;
  /** Canonical decimal text; null for key items. */
  readonly ratioCap: string | null;
  readonly legalBasis: string;
  readonly legalRefs: readonly string[];
  readonly method: InspectionMethod;
  readonly targetTypes: readonly TargetType[];
  /** Normalised GB/T 4754 codes (sections or 2–4 digits); empty means every industry. */
  readonly industries: readonly string[];
  readonly guideline: Guideline;
}

/** What validateItemContent needs besides the input: the cap to use when a general item has none. */
export interface ItemRules {
  readonly defaultRatioCap: string;
  readonly row?: number;
}

const CN_NUM = '〇零一二三四五六七八九十百千\\d';
const LEGAL_REF = new RegExp(
  `《[^》]{1,80}》(?:第[${CN_NUM}]+条(?:第[${CN_NUM}]+款)?(?:[、和及]第[${CN_NUM}]+条(?:第[${CN_NUM}]+款)?)*)?`,
  'gu',
);

/** Article references in a legal-basis text: 《食品安全法》第一百一十条 and the like. */
export function extractLegalRefs(text: string): string[] {
  return [...new Set(text.match(LEGAL_REF) ?? [])].slice(0, ITEM_LIMITS.legalRefs);
}

/** Apply the item rules to an input: cap ⇔ general, canonical cap, known types and industries. */
export function validateItemContent(
  input: ItemContentInput,
  rules: ItemRules,
): Result<ItemContent, FieldIssue[]> {
  const at = (field: string): IssueAt => (rules.row === undefined ? { field } : { field, row: rules.row });
  const issues: FieldIssue[] = [];
  let ratioCap: string | null = null;
  const capText = input.ratioCap?.trim() ?? '';
  if (input.priority === 'key') {
    if (capText !== '') {
      issues.push(
        fieldIssue(at('ratioCap'), capText, '重点事项不设抽查比例上限', 'key items have no ratio cap'),
      );
    }
  } else {
    const r = normalizeRatioCap(capText === '' ? rules.defaultRatioCap : capText, at('ratioCap'));
    if (r.ok) {
      ratioCap = r.value;
    } else {
      issues.push(
        capText === ''
          ? fieldIssue(at('ratioCap'), '', '一般事项须设抽查比例上限', 'general items need a ratio cap')
          : r.error,
      );
    }
  }
  for (const [field, value, max] of [
    ['name', input.name, ITEM_LIMITS.name],
    ['legalBasis', input.legalBasis, ITEM_LIMITS.legalBasis],
  ] as const) {
    const r = checkLength(value, at(field), max, 1);
    if (!r.ok) {
      issues.push(r.error);
    }
  }
  const industries: string[] = [];
  for (const code of input.industries ?? []) {
    const ind = lookupIndustry(code);
    if (ind === undefined) {
      issues.push(
        fieldIssue(
          at('industries'),
          code,
          `行业代码 ${code} 不在 GB/T 4754-2017 中`,
          `industry code ${code} is not in GB/T 4754-2017`,
        ),
      );
    } else if (!industries.includes(ind.code)) {
      industries.push(ind.code);
    }
  }
  const targetTypes = [...new Set(input.targetTypes ?? [])].filter(isTargetType);
  const legalRefs = input.legalRefs ?? extractLegalRefs(input.legalBasis);
  if (issues.length > 0) {
    return err(issues);
  }
  return ok({
    name: input.name.trim(),
    priority: input.priority,
    ratioCap,
    legalBasis: input.legalBasis.trim(),
    legalRefs: [...new Set(legalRefs.map((s) => s.trim()))],
    method: input.method,
    targetTypes,
    industries,
    guideline: input.guideline ?? defaultGuideline(input.name, input.method, input.legalBasis),
  });
}

/** The guideline an item gets before anyone writes one: its name, the method, its basis, the default form. */
export function defaultGuideline(name: string, method: InspectionMethod, legalBasis: string): Guideline {
  return {
    whatToCheck: name.trim(),
    how: INSPECTION_METHOD_LABELS[method].zh,
    legalBasis: legalBasis.trim().slice(0, 4000),
    form: defaultChecklistForm(),
  };
}

/** Parse 事项类别: 重点/一般 (also 重点事项, key, general). */
export function parsePriority(cell: string, at: IssueAt): Result<ItemPriority, FieldIssue> {
  const s = cell.trim().toLowerCase();
  if (['重点', '重点事项', 'key'].includes(s)) {
    return ok('key');
  }
  if (['一般', '一般事项', 'general'].includes(s)) {
    return ok('general');
  }
  return err(
    fieldIssue(
      at,
      cell,
      `事项类别「${cell}」无效，应为 重点 或 一般`,
      `priority '${cell}' is invalid: write 重点 (key) or 一般 (general)`,
    ),
  );
}

const METHOD_WORDS: Readonly<Record<InspectionMethod, readonly string[]>> = {
  document: ['书面检查', '书面审查', '书面', 'document'],
  onsite: ['实地核查', '实地检查', '现场检查', '实地', 'onsite'],
  online: ['网络监测', '网络检查', '网络', 'online'],
};

/** Parse 检查方式: 书面检查 / 实地核查 / 网络监测 (or the English codes). */
export function parseMethod(cell: string, at: IssueAt): Result<InspectionMethod, FieldIssue> {
  const s = cell.trim().toLowerCase();
  for (const m of INSPECTION_METHODS) {
    if (METHOD_WORDS[m].includes(s)) {
      return ok(m);
    }
  }
  return err(
    fieldIssue(
      at,
      cell,
      `检查方式「${cell}」无效，应为 书面检查、实地核查 或 网络监测`,
      `method '${cell}' is invalid: write 书面检查, 实地核查 or 网络监测`,
    ),
  );
}

/** Check that a new version's effective date does not precede the current one's. */
export function checkEffectiveFrom(next: IsoDate | string, current: string): Result<string, FieldIssue> {
  return next < current
    ? err({
        field: 'effectiveFrom',
        value: next,
        messageZh: `生效日期不能早于当前版本的生效日期 ${current}`,
        messageEn: `the effective date cannot precede the current version's (${current})`,
      })
    : ok(next);
}
