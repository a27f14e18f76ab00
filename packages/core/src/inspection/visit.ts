/**
 * A visit's record as the inspection page sends it: per-item results (category, notes,
 * checklist answers), photos, GPS, confirmations and the business's signature or refusal;
 * and the checks that a record is complete before it is submitted.
 */
import { z } from 'zod';
import type { ChecklistField, ChecklistForm } from '../library/checklist';
import { domainError, type DomainError, type FieldIssue } from '../errors';
import { err, ok, type Result } from '../result';
import { checkMethod, isRemoteMethod, type VisitMethod } from './method';
import {
  OTHER_CATEGORY,
  RESULT_CATEGORIES,
  resultCategorySchema,
  type ResultCategory,
} from './result-category';

/** One checklist answer: yes/no, a number, text or a choice; null when left empty. */
export const answerValueSchema = z.union([z.boolean(), z.number().finite(), z.string().max(4000), z.null()]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** The result of one item as the page sends it (category may be missing in a draft). */
export const itemResultInputSchema = z.object({
  itemId: z.uuid(),
  category: resultCategorySchema.nullable(),
  categoryNote: z.string().trim().max(1000).nullable().default(null),
  notes: z.string().trim().max(4000).nullable().default(null),
  answers: z.record(z.string().max(32), answerValueSchema).default({}),
});
export type ItemResultInput = z.infer<typeof itemResultInputSchema>;

/** Browser GPS at the visit. */
export const gpsSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(1_000_000).nullable().default(null),
  at: z.iso.datetime({ offset: true }),
});
export type Gps = z.infer<typeof gpsSchema>;

/** The largest signature image (a PNG data URL) kept. */
export const SIGNATURE_MAX_CHARS = 700_000;

/** 企业签字确认: a signature drawn on screen, or a recorded refusal. */
export const businessSignatureSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('signed'),
    signerName: z.string().trim().min(1).max(40),
    image: z
      .string()
      .max(SIGNATURE_MAX_CHARS)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'a PNG data URL'),
    at: z.iso.datetime({ offset: true }),
  }),
  z.object({
    kind: z.literal('refused'),
    reason: z.string().trim().min(1).max(500),
    at: z.iso.datetime({ offset: true }),
  }),
]);
export type BusinessSignature = z.infer<typeof businessSignatureSchema>;

/**
 * One inspector's confirmation: from their own session, or on a teammate's phone with their own
 * password or a one-time code issued to them (`via`; `device` is the phone owner's username).
 */
export const confirmationSchema = z.object({
  inspectorId: z.string(),
  userId: z.string(),
  name: z.string(),
  at: z.string(),
  via: z.enum(['session', 'password', 'code']).optional(),
  device: z.string().optional(),
});
export type Confirmation = z.infer<typeof confirmationSchema>;

/** A task item as the visit needs it. */
export interface VisitItem {
  readonly itemId: string;
  readonly name: string;
  readonly departmentCode: string;
  readonly form: ChecklistForm;
}

/** A saved result as the checks need it. */
export interface SavedResult {
  readonly itemId: string;
  readonly category: ResultCategory | null;
  readonly categoryNote: string | null;
  readonly answers: Readonly<Record<string, AnswerValue>>;
}

/** True for a choice field that asks for the result category (the preset, or exactly its options). */
export function isResultCategoryField(f: ChecklistField): boolean {
  return (
    f.kind === 'choice' &&
    (f.preset === 'resultCategories' || f.options.join('\n') === RESULT_CATEGORIES.join('\n'))
  );
}

/** Form fields the page renders: the category has its own control, so a result-category field is left out. */
export function renderedFields(form: ChecklistForm): ChecklistField[] {
  return form.filter((f) => !isResultCategoryField(f));
}

function issue(field: string, zh: string, en: string, value?: string): FieldIssue {
  return value === undefined
    ? { field, messageZh: zh, messageEn: en }
    : { field, value, messageZh: zh, messageEn: en };
}

/** Problems with the answers' shapes (a draft may be incomplete, but never of the wrong type). */
export function answerShapeIssues(
  item: VisitItem,
  answers: Readonly<Record<string, AnswerValue>>,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  const byKey = new Map(item.form.map((f) => [f.key, f]));
  for (const [key, v] of Object.entries(answers)) {
    const f = byKey.get(key);
    const field = `${item.itemId}.${key}`;
    if (f === undefined) {
      out.push(issue(field, `「${item.name}」没有字段 ${key}`, `item '${item.name}' has no field ${key}`));
      continue;
    }
    if (v === null) {
      continue;
    }
    const bad = (zh: string, en: string) =>
      out.push(
        issue(field, `「${item.name}」${f.label}：${zh}`, `${item.name} / ${f.label}: ${en}`, String(v)),
      );
    switch (f.kind) {
      case 'yesNo':
        if (typeof v !== 'boolean') {
          bad('应为是或否', 'expected yes or no');
        }
        break;
      case 'number':
        if (typeof v !== 'number') {
          bad('应为数值', 'expected a number');
        } else if ((f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max)) {
          bad('超出范围', 'out of range');
        }
        break;
      case 'text':
        if (typeof v !== 'string' || (f.maxLength !== undefined && v.length > f.maxLength)) {
          bad('应为不超长的文字', 'expected text within the length limit');
        }
        break;
      case 'choice':
        if (typeof v !== 'string' || !f.options.includes(v)) {
          bad('不是可选项', 'not one of the options');
        }
        break;
      case 'photo':
        bad('照片请通过拍照上传', 'photos are uploaded, not typed');
        break;
    }
  }
  return out;
}

/** Problems that keep one item's result from being complete (category, 其他 text, required answers and photos). */
export function resultCompletenessIssues(
  item: VisitItem,
  result: SavedResult | undefined,
  photoKeys: ReadonlySet<string>,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (result === undefined || result.category === null) {
    out.push(
      issue(
        `${item.itemId}.category`,
        `「${item.name}」未选择检查结果`,
        `'${item.name}': no result category`,
      ),
    );
    return out;
  }
  if (result.category === OTHER_CATEGORY && (result.categoryNote ?? '').trim() === '') {
    out.push(
      issue(
        `${item.itemId}.categoryNote`,
        `「${item.name}」检查结果为“其他”时须填写说明`,
        `'${item.name}': 其他 (other) needs an explanation`,
      ),
    );
  }
  for (const f of renderedFields(item.form)) {
    const field = `${item.itemId}.${f.key}`;
    const hasPhoto = photoKeys.has(`${item.itemId}|${f.key}`);
    if (f.kind === 'photo') {
      if ((f.required || f.photoRequired) && !hasPhoto) {
        out.push(
          issue(
            field,
            `「${item.name}」${f.label}：须拍照`,
            `${item.name} / ${f.label}: a photo is required`,
          ),
        );
      }
      continue;
    }
    const v = result.answers[f.key];
    if (f.required && (v === undefined || v === null || v === '')) {
      out.push(issue(field, `「${item.name}」${f.label}：必填`, `${item.name} / ${f.label}: required`));
    }
    if (f.photoRequired && !hasPhoto) {
      out.push(
        issue(
          field,
          `「${item.name}」${f.label}：须附照片`,
          `${item.name} / ${f.label}: a photo is required`,
        ),
      );
    }
  }
  return out;
}

export interface SubmissionInput {
  readonly items: readonly VisitItem[];
  readonly results: readonly SavedResult[];
  /** `${itemId}|${fieldKey}` of every photo. */
  readonly photoKeys: ReadonlySet<string>;
  /** Law-enforcement members of the team with their department (experts never count toward the two; 行政处罚法 art. 42). */
  readonly team: readonly { readonly id: string; readonly departmentCode: string }[];
  readonly confirmations: readonly Pick<Confirmation, 'inspectorId'>[];
  readonly signature: BusinessSignature | null;
  /** On site (the default) or remote (issue 15): a remote inspection needs its record, not a signature on site. */
  readonly method?: VisitMethod;
  readonly remoteEvidence?: string | null;
}

/** Can the visit be submitted? Every item complete, every team inspector confirmed, the business signed or refused. */
export function checkSubmission(input: SubmissionInput): Result<true, DomainError> {
  const byItem = new Map(input.results.map((r) => [r.itemId, r]));
  const issues: FieldIssue[] = input.items.flatMap((it) =>
    resultCompletenessIssues(it, byItem.get(it.itemId), input.photoKeys),
  );
  // 行政处罚法 art. 42: two law-enforcement officers on site confirm; a joint visit also needs
  // one of each department whose items were recorded (each department answers for its own items)
  const confirmed = new Set(input.confirmations.map((c) => c.inspectorId));
  const confirmedMembers = input.team.filter((m) => confirmed.has(m.id));
  const needed = Math.min(2, input.team.length);
  if (confirmedMembers.length < needed) {
    const missing = input.team.filter((m) => !confirmed.has(m.id)).map((m) => m.id);
    issues.push(
      issue(
        'confirmations',
        `须至少 ${needed} 名执法人员本人确认（已确认 ${confirmedMembers.length} 名）`,
        `at least ${needed} law-enforcement inspectors must confirm (${confirmedMembers.length} did)`,
        missing.join(','),
      ),
    );
  }
  for (const dept of new Set(input.items.map((i) => i.departmentCode))) {
    const members = input.team.filter((m) => m.departmentCode === dept);
    if (members.length > 0 && !members.some((m) => confirmed.has(m.id))) {
      issues.push(
        issue('confirmations', `${dept} 的检查人员尚未确认`, `no inspector of ${dept} has confirmed`, dept),
      );
    }
  }
  const method = input.method ?? 'onsite';
  if (isRemoteMethod(method)) {
    const m = checkMethod(method, input.remoteEvidence ?? null);
    if (!m.ok) {
      issues.push(...(m.error.issues ?? []));
    }
  } else if (input.signature === null) {
    issues.push(
      issue(
        'businessSignature',
        '企业尚未签字确认，也未记录拒签',
        'the business has neither signed nor refused',
      ),
    );
  }
  if (issues.length > 0) {
    return err(
      domainError(
        'VALIDATION',
        `检查记录不完整（${issues.length} 处）`,
        `the record is incomplete (${issues.length} problems)`,
        { issues },
      ),
    );
  }
  return ok(true);
}
