/**
 * Target keys: how a target (检查对象) is identified. Market entities carry their USCC;
 * products, projects, behaviours and organisations without one carry a stable code of
 * the form `<type>:<code>`, e.g. `产品:批次-2026-001` (issue 3).
 */
import { err, ok, type Result } from '../result';
import type { FieldIssue } from '../errors';
import { validateUscc, type Uscc } from './uscc';

/** The seven target types (对象类型), in the words of the target library. */
export const TARGET_TYPES = [
  '企业',
  '个体工商户',
  '农民专业合作社',
  '其他组织',
  '产品',
  '项目',
  '行为',
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** Market entities (市场主体): identified by USCC only. */
export const MARKET_ENTITY_TYPES: readonly TargetType[] = ['企业', '个体工商户', '农民专业合作社'];

/** A `<type>:<code>` key that passed `validateTargetCode`. */
export type TargetCode = string & { readonly __brand: 'TargetCode' };

/** A target's stable key: its USCC or its `<type>:<code>`. */
export type TargetKey = Uscc | TargetCode;

export const TARGET_CODE_MAX_LENGTH = 64;

const TYPE_SET = new Set<string>(TARGET_TYPES);

/** True when the string names one of the seven target types. */
export function isTargetType(s: string): s is TargetType {
  return TYPE_SET.has(s);
}

/** True for 企业, 个体工商户 and 农民专业合作社. */
export function isMarketEntityType(t: TargetType): boolean {
  return MARKET_ENTITY_TYPES.includes(t);
}

function issue(field: string, value: string, zh: string, en: string, row: number | undefined): FieldIssue {
  return row === undefined
    ? { field, value, messageZh: zh, messageEn: en }
    : { row, field, value, messageZh: zh, messageEn: en };
}

export interface TargetKeyOptions {
  readonly field?: string;
  readonly row?: number;
}

// One code part: printable, no whitespace, no ':' (it would make the key ambiguous).
const CODE_PART = /^[^\s:\p{C}]+$/u;

/**
 * Validate a `<type>:<code>` key: a known non-market type, a colon, and a code of
 * 1–64 printable characters without whitespace or ':'.
 */
export function validateTargetCode(
  input: string,
  opts: TargetKeyOptions = {},
): Result<TargetCode, FieldIssue> {
  const field = opts.field ?? 'code';
  const s = input.trim();
  const colon = s.indexOf(':');
  if (colon < 0) {
    return err(
      issue(
        field,
        input,
        '对象编码应为「类型:编码」，如 产品:批次-2026-001',
        "code must be '<type>:<code>', e.g. 产品:批次-2026-001",
        opts.row,
      ),
    );
  }
  const type = s.slice(0, colon);
  const code = s.slice(colon + 1);
  if (!isTargetType(type)) {
    return err(issue(field, input, `未知的对象类型「${type}」`, `unknown target type '${type}'`, opts.row));
  }
  if (isMarketEntityType(type)) {
    return err(
      issue(
        field,
        input,
        `${type}应以统一社会信用代码标识，不使用对象编码`,
        `a ${type} (market entity) is identified by its uscc, not by a code`,
        opts.row,
      ),
    );
  }
  const len = [...code].length;
  if (len === 0 || len > TARGET_CODE_MAX_LENGTH) {
    return err(
      issue(
        field,
        input,
        `编码长度应为 1–${TARGET_CODE_MAX_LENGTH} 个字符，实际为 ${len}`,
        `code must be 1–${TARGET_CODE_MAX_LENGTH} characters, got ${len}`,
        opts.row,
      ),
    );
  }
  if (!CODE_PART.test(code)) {
    return err(
      issue(
        field,
        input,
        '编码不能含空白、冒号或控制字符',
        'code must not contain whitespace, colons or control characters',
        opts.row,
      ),
    );
  }
  return ok(s as TargetCode); // validated above
}

/** Build a `<type>:<code>` key from its parts, validated. */
export function makeTargetCode(type: TargetType, code: string): Result<TargetCode, FieldIssue> {
  return validateTargetCode(`${type}:${code}`);
}

/** Split a validated `<type>:<code>` key into its type and code. */
export function splitTargetCode(key: TargetCode): { readonly type: TargetType; readonly code: string } {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon);
  if (!isTargetType(type)) {
    throw new Error(`bug: TargetCode with unknown type: ${key}`);
  }
  return { type, code: key.slice(colon + 1) };
}

/**
 * Validate the key of a target of a given type: market entities need a USCC, 产品/项目/行为
 * need `<type>:<code>` of the same type, and 其他组织 may carry either (社会组织 and
 * 事业单位 have a USCC, informal organisations do not).
 */
export function validateTargetKey(
  type: TargetType,
  key: string,
  opts: TargetKeyOptions = {},
): Result<TargetKey, FieldIssue> {
  if (isMarketEntityType(type)) {
    return validateUscc(key, {
      field: opts.field ?? 'uscc',
      ...(opts.row === undefined ? {} : { row: opts.row }),
    });
  }
  const s = key.trim();
  if (type === '其他组织' && !s.includes(':')) {
    return validateUscc(s, {
      field: opts.field ?? 'uscc',
      ...(opts.row === undefined ? {} : { row: opts.row }),
    });
  }
  const r = validateTargetCode(s, opts);
  if (!r.ok) {
    return r;
  }
  const parts = splitTargetCode(r.value);
  if (parts.type !== type) {
    return err(
      issue(
        opts.field ?? 'code',
        key,
        `对象编码的类型「${parts.type}」与对象类型「${type}」不一致`,
        `code type '${parts.type}' does not match target type '${type}'`,
        opts.row,
      ),
    );
  }
  return r;
}
