/**
 * GB/T 2260 division codes (行政区划代码): lookup, validation and children for a cascader.
 * The table is committed in ./data (see scripts/gen-reference.mjs).
 */
import { err, ok, type Result } from '../result';
import type { FieldIssue } from '../errors';
import { GBT2260_LINES } from './data/gbt2260';

export type DivisionLevel = 'province' | 'city' | 'district';

/** A 6-digit code that names an entry of the committed GB/T 2260 table. */
export type DivisionCode = string & { readonly __brand: 'DivisionCode' };

export interface Division {
  readonly code: DivisionCode;
  readonly name: string;
  readonly level: DivisionLevel;
  /** The parent's code, or null for a province. */
  readonly parentCode: DivisionCode | null;
  /** Province + city + district, without placeholders: 重庆市渝北区, 广东省深圳市南山区. */
  readonly fullName: string;
}

// City-level placeholders of GB/T 2260 that people never write in an address.
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

interface DivisionTable {
  readonly byCode: ReadonlyMap<string, Division>;
  readonly children: ReadonlyMap<string, readonly Division[]>;
  readonly provinces: readonly Division[];
}

let table: DivisionTable | undefined;

function load(): DivisionTable {
  if (table) {
    return table;
  }
  const byCode = new Map<string, Division>();
  const children = new Map<string, Division[]>();
  const provinces: Division[] = [];
  const push = (d: Division): void => {
    byCode.set(d.code, d);
    if (d.parentCode === null) {
      provinces.push(d);
      return;
    }
    const list = children.get(d.parentCode) ?? [];
    list.push(d);
    children.set(d.parentCode, list);
  };
  let province: Division | undefined;
  for (const line of GBT2260_LINES) {
    const [head = '', ...kids] = line.split('|');
    const sp = head.indexOf(' ');
    const short = head.slice(0, sp);
    const name = head.slice(sp + 1);
    // Codes come from the committed table, checked by gen-reference: casts are safe here.
    if (short.length === 2) {
      province = {
        code: `${short}0000` as DivisionCode,
        name,
        level: 'province',
        parentCode: null,
        fullName: name,
      };
      push(province);
      continue;
    }
    if (!province) {
      throw new Error('bug: GB/T 2260 table starts with a city');
    }
    const city: Division = {
      code: `${short}00` as DivisionCode,
      name,
      level: 'city',
      parentCode: province.code,
      fullName: `${province.name}${name}`,
    };
    push(city);
    const prefix = PLACEHOLDER_CITIES.has(name) ? province.name : city.fullName;
    for (const kid of kids) {
      const dname = kid.slice(2);
      push({
        code: `${short}${kid.slice(0, 2)}` as DivisionCode,
        name: dname,
        level: 'district',
        parentCode: city.code,
        fullName: `${prefix}${dname}`,
      });
    }
  }
  table = { byCode, children, provinces };
  return table;
}

/** Look up a 6-digit division code (surrounding spaces forgiven). */
export function lookupDivision(code: string): Division | undefined {
  return load().byCode.get(code.trim());
}

/** True when the string is a 6-digit code of the GB/T 2260 table. */
export function isValidDivisionCode(code: string): code is DivisionCode {
  return /^\d{6}$/.test(code) && load().byCode.has(code);
}

/** The children of a division for a cascader; the provinces when no code is given. */
export function divisionChildren(parentCode?: string): readonly Division[] {
  const t = load();
  return parentCode === undefined ? t.provinces : (t.children.get(parentCode.trim()) ?? []);
}

/** The chain from the province down to this division, e.g. 500000 → 500100 → 500112. */
export function divisionPath(code: string): readonly Division[] {
  const out: Division[] = [];
  let d = lookupDivision(code);
  while (d) {
    out.unshift(d);
    d = d.parentCode === null ? undefined : lookupDivision(d.parentCode);
  }
  return out;
}

/** True when `code` is `ancestor` or lies under it (e.g. 500112 is within 500000). */
export function isWithinDivision(code: string, ancestor: string): boolean {
  return divisionPath(code).some((d) => d.code === ancestor);
}

/** Every entry of the table, optionally only one level. */
export function listDivisions(level?: DivisionLevel): readonly Division[] {
  const all = [...load().byCode.values()];
  return level === undefined ? all : all.filter((d) => d.level === level);
}

/** Validate a division code for an import row: shape, then presence in GB/T 2260. */
export function validateDivisionCode(
  input: string,
  opts: { readonly field?: string; readonly row?: number } = {},
): Result<DivisionCode, FieldIssue> {
  const s = input.trim();
  const base = {
    field: opts.field ?? 'divisionCode',
    value: input,
    ...(opts.row === undefined ? {} : { row: opts.row }),
  };
  if (!/^\d{6}$/.test(s)) {
    return err({
      ...base,
      messageZh: '行政区划代码应为 6 位数字',
      messageEn: 'division code must be 6 digits',
    });
  }
  if (!isValidDivisionCode(s)) {
    return err({
      ...base,
      messageZh: `行政区划代码 ${s} 不在 GB/T 2260 代码表中`,
      messageEn: `division code ${s} is not in GB/T 2260`,
    });
  }
  return ok(s);
}
