/**
 * The inspector library (执法检查人员名录库): law-enforcement officers identified by their
 * badge number (执法证号), and outside experts with a library id (EXP-0001) who may join a
 * team but never count toward its two officers (行政处罚法 art. 42).
 */
import { z } from 'zod';
import { parseIsoDate } from '../calendar/iso-date';
import type { FieldIssue } from '../errors';
import { validateDivisionCode } from '../reference/division';
import { err, ok, type Result } from '../result';
import { fieldIssue, type IssueAt } from './cells';
import { DEPARTMENT_CODE } from './item';

export const INSPECTOR_LIMITS = {
  badgeNo: 40,
  name: 50,
  unitCode: 60,
  qualification: 40,
  qualifications: 20,
  specialty: 30,
  specialties: 30,
  capacity: 999,
} as const;

/** Experts' library ids: EXP- and at least four digits. */
export const EXPERT_ID = /^EXP-\d{4,}$/;
/** Badge numbers: 2–40 printable characters without spaces, and not an expert id. */
export const BADGE_NO = /^[^\s\p{C}]{2,40}$/u;

const isoDateText = z.string().refine((s) => parseIsoDate(s).ok, 'YYYY-MM-DD');

/** One law-enforcement qualification (执法资格) and its expiry. */
export const qualificationSchema = z.object({
  type: z.string().trim().min(1).max(INSPECTOR_LIMITS.qualification),
  expiresOn: isoDateText,
});
export type Qualification = z.infer<typeof qualificationSchema>;
export const qualificationsSchema = z.array(qualificationSchema).max(INSPECTOR_LIMITS.qualifications);

/** An inspector as it comes in (API body or parsed row), before the cross-field rules. */
export const inspectorInputSchema = z.object({
  badgeNo: z.string().trim().max(INSPECTOR_LIMITS.badgeNo).nullable().optional(),
  name: z.string().trim().min(1).max(INSPECTOR_LIMITS.name),
  departmentCode: z.string().regex(DEPARTMENT_CODE, 'e.g. 500112-SCJG'),
  unitCode: z.string().trim().max(INSPECTOR_LIMITS.unitCode).nullable().optional(),
  regionCode: z.string().max(6),
  qualifications: qualificationsSchema.optional(),
  specialties: z
    .array(z.string().trim().min(1).max(INSPECTOR_LIMITS.specialty))
    .max(INSPECTOR_LIMITS.specialties)
    .optional(),
  expert: z.boolean().optional(),
  active: z.boolean().optional(),
  activeFrom: isoDateText.nullable().optional(),
  activeTo: isoDateText.nullable().optional(),
  /** Targets one inspector takes in one task; null: no limit. */
  capacity: z.int().min(1).max(INSPECTOR_LIMITS.capacity).nullable().optional(),
});
export type InspectorInput = z.infer<typeof inspectorInputSchema>;

/** A change to an inspector: any fields but the identity (badge, expert flag) and department, which need a new record. */
export const inspectorPatchSchema = inspectorInputSchema
  .omit({ departmentCode: true, badgeNo: true, expert: true })
  .partial();
export type InspectorPatch = z.infer<typeof inspectorPatchSchema>;

/** A validated inspector record (without its id). */
export interface InspectorData {
  readonly badgeNo: string | null;
  readonly name: string;
  readonly departmentCode: string;
  readonly unitCode: string | null;
  readonly regionCode: string;
  readonly qualifications: readonly Qualification[];
  readonly specialties: readonly string[];
  readonly expert: boolean;
  readonly active: boolean;
  readonly activeFrom: string | null;
  readonly activeTo: string | null;
  readonly capacity: number | null;
}

/** Apply the inspector rules: officers have a badge, experts none; known region; sane dates. */
export function validateInspector(input: InspectorInput, row?: number): Result<InspectorData, FieldIssue[]> {
  const at = (field: string): IssueAt => (row === undefined ? { field } : { field, row });
  const issues: FieldIssue[] = [];
  const expert = input.expert ?? false;
  const badge = input.badgeNo?.trim() ?? '';
  if (expert) {
    if (badge !== '') {
      issues.push(
        fieldIssue(
          at('badgeNo'),
          badge,
          '专家没有执法证号，系统将分配库内编号',
          'experts have no badge number; the library assigns an id',
        ),
      );
    }
  } else if (badge === '') {
    issues.push(
      fieldIssue(at('badgeNo'), '', '执法人员须填写执法证号', 'law-enforcement officers need a badge number'),
    );
  } else if (!BADGE_NO.test(badge) || EXPERT_ID.test(badge)) {
    issues.push(
      fieldIssue(
        at('badgeNo'),
        badge,
        '执法证号应为 2–40 个字符，不含空格，且不能是专家编号',
        'badge number: 2–40 characters, no spaces, not an expert id',
      ),
    );
  }
  const region = validateDivisionCode(input.regionCode, at('regionCode'));
  if (!region.ok) {
    issues.push(region.error);
  }
  const quals = input.qualifications ?? [];
  const types = new Set<string>();
  for (const q of quals) {
    if (types.has(q.type)) {
      issues.push(
        fieldIssue(
          at('qualifications'),
          q.type,
          `执法资格「${q.type}」重复`,
          `qualification '${q.type}' listed twice`,
        ),
      );
    }
    types.add(q.type);
  }
  const from = input.activeFrom ?? null;
  const to = input.activeTo ?? null;
  if (from !== null && to !== null && to < from) {
    issues.push(
      fieldIssue(
        at('activeTo'),
        to,
        '停用日期不能早于启用日期',
        'the end date cannot precede the start date',
      ),
    );
  }
  if (issues.length > 0) {
    return err(issues);
  }
  return ok({
    badgeNo: expert ? null : badge,
    name: input.name.trim(),
    departmentCode: input.departmentCode,
    unitCode: input.unitCode?.trim() || null,
    regionCode: input.regionCode.trim(),
    qualifications: quals.map((q) => ({ type: q.type.trim(), expiresOn: q.expiresOn })),
    specialties: [...new Set((input.specialties ?? []).map((s) => s.trim()))],
    expert,
    active: input.active ?? true,
    activeFrom: from,
    activeTo: to,
    capacity: input.capacity ?? null,
  });
}

/** The next expert id after the ones in use: EXP-0001, EXP-0002, … */
export function nextExpertId(existing: readonly string[]): string {
  let max = 0;
  for (const id of existing) {
    if (EXPERT_ID.test(id)) {
      max = Math.max(max, Number(id.slice(4)));
    }
  }
  return `EXP-${String(max + 1).padStart(4, '0')}`;
}

/** Qualifications valid on `day` (expiry on or after it). */
export function validQualifications(quals: readonly Qualification[], day: string): Qualification[] {
  return quals.filter((q) => q.expiresOn >= day);
}

/** Counts toward 行政处罚法 art. 42's two officers: an active non-expert with a valid qualification on `day`. */
export function countsAsOfficer(
  i: Pick<InspectorData, 'expert' | 'active' | 'qualifications'>,
  day: string,
): boolean {
  return !i.expert && i.active && validQualifications(i.qualifications, day).length > 0;
}

/** Read the qualification cells: types and expiries paired by position, or one expiry for all. */
export function pairQualifications(
  typesCell: string[],
  expiries: string[],
  at: IssueAt,
): Result<Qualification[], FieldIssue> {
  if (typesCell.length === 0) {
    return expiries.length === 0
      ? ok([])
      : err(
          fieldIssue(
            at,
            expiries.join('、'),
            '填写了有效期但没有执法资格',
            'an expiry date without a qualification',
          ),
        );
  }
  if (expiries.length !== typesCell.length && expiries.length !== 1) {
    return err(
      fieldIssue(
        at,
        expiries.join('、'),
        `执法资格 ${typesCell.length} 项，有效期 ${expiries.length} 个，应一一对应或只填一个`,
        `${typesCell.length} qualifications but ${expiries.length} expiry dates: give one each, or one for all`,
      ),
    );
  }
  return ok(typesCell.map((type, i) => ({ type, expiresOn: expiries[expiries.length === 1 ? 0 : i] ?? '' })));
}
