/**
 * GB/T 4754-2017 industry codes (国民经济行业分类): lookup, normalisation and the tree for
 * a cascader. The table is committed in ./data (see scripts/gen-reference.mjs).
 */
import { err, ok, type Result } from '../result';
import type { FieldIssue } from '../errors';
import { GBT4754_LINES } from './data/gbt4754-2017';

/** 1 section (门类, A–T), 2 division (大类, 2 digits), 3 group (中类), 4 class (小类). */
export type IndustryLevel = 1 | 2 | 3 | 4;

/** A normalised industry code: a section letter or 2–4 digits, with no section prefix. */
export type IndustryCode = string & { readonly __brand: 'IndustryCode' };

export interface Industry {
  readonly code: IndustryCode;
  readonly name: string;
  readonly level: IndustryLevel;
  /** The section letter (门类) this code belongs to. */
  readonly section: string;
  /** The parent's code, or null for a section. */
  readonly parent: IndustryCode | null;
  /** Codes from the section down to this one, e.g. ['H', '62', '621', '6210']. */
  readonly path: readonly IndustryCode[];
}

interface IndustryTable {
  readonly byCode: ReadonlyMap<string, Industry>;
  readonly children: ReadonlyMap<string, readonly Industry[]>;
  readonly sections: readonly Industry[];
}

let table: IndustryTable | undefined;

// Parsed on first use: a few thousand strings, about a millisecond.
function load(): IndustryTable {
  if (table) {
    return table;
  }
  const byCode = new Map<string, Industry>();
  const children = new Map<string, Industry[]>();
  const sections: Industry[] = [];
  let section = '';
  const add = (rec: string): void => {
    const sp = rec.indexOf(' ');
    const code = rec.slice(0, sp) as IndustryCode; // committed table, checked by gen-reference
    const name = rec.slice(sp + 1);
    const level = (/^[A-Z]$/.test(code) ? 1 : code.length) as IndustryLevel;
    if (level === 1) {
      section = code;
    }
    const parentCode = level === 1 ? null : level === 2 ? section : code.slice(0, -1);
    const parent = parentCode === null ? undefined : byCode.get(parentCode);
    const ind: Industry = {
      code,
      name,
      level,
      section,
      parent: parent ? parent.code : null,
      path: parent ? [...parent.path, code] : [code],
    };
    byCode.set(code, ind);
    if (parent) {
      const list = children.get(parent.code) ?? [];
      list.push(ind);
      children.set(parent.code, list);
    } else {
      sections.push(ind);
    }
  };
  for (const line of GBT4754_LINES) {
    for (const rec of line.split('|')) {
      add(rec);
    }
  }
  table = { byCode, children, sections };
  return table;
}

/**
 * Normalise a code as written in spreadsheets: trims, upper-cases and drops the section
 * letter of `H6210` when it matches the code. Returns undefined when the shape is wrong
 * or a prefixed letter is not the code's section; it does not check that the code exists.
 */
export function normalizeIndustryCode(input: string): IndustryCode | undefined {
  const s = input.trim().toUpperCase();
  if (/^[A-T]$/.test(s) || /^\d{2,4}$/.test(s)) {
    return s as IndustryCode;
  }
  const m = /^([A-T])(\d{2,4})$/.exec(s);
  if (!m) {
    return undefined;
  }
  const [, letter, digits] = m;
  const known = load().byCode.get(digits ?? '');
  if (known && known.section !== letter) {
    return undefined; // 'A6210': 6210 is in section H, so the letter contradicts the code
  }
  return digits as IndustryCode;
}

/** Look up a section, division, group or class; accepts `6210`, `H6210`, `h` and `62`. */
export function lookupIndustry(input: string): Industry | undefined {
  const code = normalizeIndustryCode(input);
  return code === undefined ? undefined : load().byCode.get(code);
}

/** True when the code (in either form) names an entry of GB/T 4754-2017. */
export function isValidIndustryCode(input: string): boolean {
  return lookupIndustry(input) !== undefined;
}

/** True when the code names a class (小类, level 4), the level targets are registered at. */
export function isIndustryClass(input: string): boolean {
  return lookupIndustry(input)?.level === 4;
}

/** The children of a code for a cascader; the 20 sections when no code is given. */
export function industryChildren(parent?: string): readonly Industry[] {
  const t = load();
  if (parent === undefined) {
    return t.sections;
  }
  const code = normalizeIndustryCode(parent);
  return code === undefined ? [] : (t.children.get(code) ?? []);
}

/** Every entry of the table in depth-first order, optionally only one level. */
export function listIndustries(level?: IndustryLevel): readonly Industry[] {
  const all = [...load().byCode.values()];
  return level === undefined ? all : all.filter((i) => i.level === level);
}

/** The code with its section letter, as some spreadsheets write it: `6210` → `H6210`. */
export function industryCodeWithSection(input: string): string | undefined {
  const ind = lookupIndustry(input);
  if (!ind) {
    return undefined;
  }
  return ind.level === 1 ? ind.code : `${ind.section}${ind.code}`;
}

/**
 * Validate an industry code for an import row and return the entry. With `classOnly`,
 * a section, division or group is rejected: targets are registered at class level.
 */
export function validateIndustryCode(
  input: string,
  opts: { readonly field?: string; readonly row?: number; readonly classOnly?: boolean } = {},
): Result<Industry, FieldIssue> {
  const base = {
    field: opts.field ?? 'industryCode',
    value: input,
    ...(opts.row === undefined ? {} : { row: opts.row }),
  };
  const code = normalizeIndustryCode(input);
  if (code === undefined) {
    return err({
      ...base,
      messageZh: '行业代码格式错误：应为门类字母或 2–4 位数字，如 6210 或 H6210',
      messageEn: 'bad industry code: expected a section letter or 2–4 digits, e.g. 6210 or H6210',
    });
  }
  const ind = load().byCode.get(code);
  if (!ind) {
    return err({
      ...base,
      messageZh: `行业代码 ${code} 不在 GB/T 4754-2017 中`,
      messageEn: `industry code ${code} is not in GB/T 4754-2017`,
    });
  }
  if (opts.classOnly === true && ind.level !== 4) {
    return err({
      ...base,
      messageZh: `行业代码 ${code} 不是小类（应为 4 位）`,
      messageEn: `industry code ${code} is not a class (4 digits expected)`,
    });
  }
  return ok(ind);
}
