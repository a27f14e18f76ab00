/**
 * Target library rows (检查对象): the fields of one target, their limits, and the one
 * validation used by single entry, edits and spreadsheet imports alike (issue 3).
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import type { FieldIssue } from '../errors';
import { validateDivisionCode } from '../reference/division';
import { validateIndustryCode } from '../reference/industry';
import {
  TARGET_TYPES,
  isMarketEntityType,
  isTargetType,
  validateTargetKey,
  type TargetType,
} from '../reference/target-key';
import { validateUscc } from '../reference/uscc';

/** Registration status (登记状态). Only 在营 targets enter future frames. */
export const TARGET_STATUSES = ['在营', '注销', '吊销', '撤销', '迁出'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Credit-risk tiers (信用风险分类, 003): A 低风险, B 一般风险, C 较高风险, D 高风险. */
export const RISK_TIERS = ['A', 'B', 'C', 'D'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];
export const RISK_TIER_LABELS: Readonly<Record<RiskTier, { zh: string; en: string }>> = {
  A: { zh: '低风险', en: 'low risk' },
  B: { zh: '一般风险', en: 'medium risk' },
  C: { zh: '较高风险', en: 'elevated risk' },
  D: { zh: '高风险', en: 'high risk' },
};

/** Longest accepted values, in characters (code points). */
export const TARGET_LIMITS = {
  name: 200,
  address: 300,
  legalRep: 50,
  supervisingUnit: 100,
  tag: 30,
  tags: 20,
} as const;

/** A target's fields as typed or read from a spreadsheet cell: all text, '' when empty. */
export interface TargetRaw {
  readonly uscc: string;
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly divisionCode: string;
  readonly address: string;
  readonly industryCode: string;
  readonly legalRep: string;
  readonly status: string;
  readonly supervisingUnit: string;
  readonly riskTier: string;
  readonly tags: string;
}

/** A validated target: `id` is the USCC or the `<type>:<code>` key. */
export interface TargetInput {
  readonly id: string;
  readonly uscc: string | null;
  readonly type: TargetType;
  readonly name: string;
  readonly divisionCode: string;
  readonly address: string;
  /** Normalised GB/T 4754 code without the section letter, e.g. 6210. */
  readonly industryCode: string | null;
  readonly legalRep: string | null;
  readonly status: TargetStatus;
  readonly supervisingUnit: string | null;
  readonly riskTier: RiskTier | null;
  readonly tags: readonly string[];
}

/** The raw form as an HTTP body: every field optional text. */
export const targetRawSchema = z.object({
  uscc: z.string().max(100).default(''),
  code: z.string().max(200).default(''),
  name: z.string().max(1000).default(''),
  type: z.string().max(50).default(''),
  divisionCode: z.string().max(50).default(''),
  address: z.string().max(2000).default(''),
  industryCode: z.string().max(50).default(''),
  legalRep: z.string().max(500).default(''),
  status: z.string().max(50).default(''),
  supervisingUnit: z.string().max(1000).default(''),
  riskTier: z.string().max(50).default(''),
  tags: z.string().max(2000).default(''),
});

const TIER_WORDS: Readonly<Record<string, RiskTier>> = {
  低风险: 'A',
  一般风险: 'B',
  较高风险: 'C',
  高风险: 'D',
};
// Control characters never belong in a name or tag (they break CSV and the audit trail).
const CONTROL = /\p{Cc}/u;

/** Split a tag cell on ；;，, (full- or half-width), trimmed, without empties or repeats. */
export function splitTags(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[；;，,]/u)
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
}

/** Parse a tier cell: A–D (any case) or its Chinese label; undefined when unknown. */
export function parseRiskTier(cell: string): RiskTier | undefined {
  const s = cell.trim();
  const up = s.toUpperCase();
  if ((RISK_TIERS as readonly string[]).includes(up)) {
    return RISK_TIERS.find((t) => t === up);
  }
  return TIER_WORDS[s];
}

/** True when the string is one of the five statuses. */
export function isTargetStatus(s: string): s is TargetStatus {
  return (TARGET_STATUSES as readonly string[]).includes(s);
}

function issueAt(row: number | undefined, field: string, value: string, zh: string, en: string): FieldIssue {
  return row === undefined
    ? { field, value, messageZh: zh, messageEn: en }
    : { row, field, value, messageZh: zh, messageEn: en };
}

function tooLong(
  issues: FieldIssue[],
  row: number | undefined,
  field: keyof typeof TARGET_LIMITS,
  value: string,
): void {
  const n = [...value].length;
  const max = TARGET_LIMITS[field];
  if (n > max) {
    issues.push(
      issueAt(row, field, value, `超过 ${max} 个字符（${n} 个）`, `longer than ${max} characters (${n})`),
    );
  } else if (CONTROL.test(value)) {
    issues.push(issueAt(row, field, value, '含有控制字符', 'contains control characters'));
  }
}

function validateKey(
  raw: TargetRaw,
  type: TargetType | undefined,
  row: number | undefined,
  issues: FieldIssue[],
): { id: string; uscc: string | null } | undefined {
  const uscc = raw.uscc.trim();
  const code = raw.code.trim();
  const opt = row === undefined ? {} : { row };
  if (uscc !== '' && code !== '') {
    issues.push(
      issueAt(
        row,
        'code',
        code,
        '统一社会信用代码与对象编码只能填一个',
        'fill in either the uscc or the code, not both',
      ),
    );
    return undefined;
  }
  if (uscc === '' && code === '') {
    issues.push(
      issueAt(
        row,
        'uscc',
        '',
        '统一社会信用代码与对象编码须填一个',
        'either the uscc or the code is required',
      ),
    );
    return undefined;
  }
  if (uscc !== '') {
    const r = validateUscc(uscc, { field: 'uscc', ...opt });
    if (!r.ok) {
      issues.push(r.error);
      return undefined;
    }
    if (type !== undefined && !isMarketEntityType(type) && type !== '其他组织') {
      issues.push(
        issueAt(
          row,
          'type',
          type,
          `${type}应填写对象编码，不使用统一社会信用代码`,
          `a ${type} is identified by a code, not a uscc`,
        ),
      );
      return undefined;
    }
    return { id: r.value, uscc: r.value };
  }
  if (type === undefined) {
    return undefined;
  }
  if (isMarketEntityType(type)) {
    issues.push(
      issueAt(row, 'code', code, `${type}应填写统一社会信用代码`, `a ${type} (market entity) needs a uscc`),
    );
    return undefined;
  }
  // 对象编码 may be written with or without its type prefix: 批次-2026-001 → 产品:批次-2026-001.
  const full = code.includes(':') ? code : `${type}:${code}`;
  const r = validateTargetKey(type, full, { field: 'code', ...opt });
  if (!r.ok) {
    issues.push(r.error);
    return undefined;
  }
  return { id: r.value, uscc: null };
}

/** Validate a target's fields; every problem is reported, not only the first. */
export function validateTarget(raw: TargetRaw, row?: number): Result<TargetInput, FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const opt = row === undefined ? {} : { row };
  const typeCell = raw.type.trim();
  let type: TargetType | undefined;
  if (typeCell === '') {
    issues.push(issueAt(row, 'type', '', '对象类型为空', 'target type is empty'));
  } else if (isTargetType(typeCell)) {
    type = typeCell;
  } else {
    issues.push(
      issueAt(
        row,
        'type',
        typeCell,
        `对象类型应为 ${TARGET_TYPES.join('、')} 之一`,
        `target type must be one of ${TARGET_TYPES.join(', ')}`,
      ),
    );
  }
  const key = validateKey(raw, type, row, issues);

  const name = raw.name.trim();
  if (name === '') {
    issues.push(issueAt(row, 'name', '', '名称为空', 'name is empty'));
  } else {
    tooLong(issues, row, 'name', name);
  }
  const division = validateDivisionCode(raw.divisionCode, { field: 'divisionCode', ...opt });
  if (!division.ok) {
    issues.push(division.error);
  }
  const address = raw.address.trim();
  tooLong(issues, row, 'address', address);
  const industryCell = raw.industryCode.trim();
  let industryCode: string | null = null;
  if (industryCell !== '') {
    const ind = validateIndustryCode(industryCell, { field: 'industryCode', ...opt });
    if (ind.ok) {
      industryCode = ind.value.code;
    } else {
      issues.push(ind.error);
    }
  }
  const legalRep = raw.legalRep.trim();
  tooLong(issues, row, 'legalRep', legalRep);
  const statusCell = raw.status.trim();
  let status: TargetStatus = '在营';
  if (statusCell !== '') {
    if (isTargetStatus(statusCell)) {
      status = statusCell;
    } else {
      issues.push(
        issueAt(
          row,
          'status',
          statusCell,
          `登记状态应为 ${TARGET_STATUSES.join('、')} 之一`,
          `status must be one of ${TARGET_STATUSES.join(', ')}`,
        ),
      );
    }
  }
  const unit = raw.supervisingUnit.trim();
  tooLong(issues, row, 'supervisingUnit', unit);
  const tierCell = raw.riskTier.trim();
  let riskTier: RiskTier | null = null;
  if (tierCell !== '') {
    const t = parseRiskTier(tierCell);
    if (t === undefined) {
      issues.push(
        issueAt(
          row,
          'riskTier',
          tierCell,
          '信用风险等级应为 A、B、C、D 之一',
          'risk tier must be one of A, B, C, D',
        ),
      );
    } else {
      riskTier = t;
    }
  }
  const tags = splitTags(raw.tags);
  if (tags.length > TARGET_LIMITS.tags) {
    issues.push(
      issueAt(
        row,
        'tags',
        raw.tags,
        `标签不能超过 ${TARGET_LIMITS.tags} 个`,
        `at most ${TARGET_LIMITS.tags} tags`,
      ),
    );
  }
  for (const t of tags) {
    if ([...t].length > TARGET_LIMITS.tag || CONTROL.test(t)) {
      issues.push(
        issueAt(
          row,
          'tags',
          t,
          `标签「${t}」超过 ${TARGET_LIMITS.tag} 个字符或含控制字符`,
          `tag '${t}' is longer than ${TARGET_LIMITS.tag} characters or has control characters`,
        ),
      );
    }
  }
  if (issues.length > 0 || key === undefined || type === undefined || !division.ok) {
    return err(issues);
  }
  return ok({
    id: key.id,
    uscc: key.uscc,
    type,
    name,
    divisionCode: division.value,
    address,
    industryCode,
    legalRep: legalRep === '' ? null : legalRep,
    status,
    supervisingUnit: unit === '' ? null : unit,
    riskTier,
    tags,
  });
}
