// GB/T 4754-2017: both code forms, every level, the tree, and the committed counts.
import { describe, expect, it } from 'vitest';
import {
  GBT4754_COUNTS,
  industryChildren,
  industryCodeWithSection,
  isIndustryClass,
  isValidIndustryCode,
  listIndustries,
  lookupIndustry,
  normalizeIndustryCode,
  validateIndustryCode,
} from '../../src/reference';

describe('lookupIndustry', () => {
  it('finds a class in both forms', () => {
    const want = {
      code: '6210',
      name: '正餐服务',
      level: 4,
      section: 'H',
      parent: '621',
      path: ['H', '62', '621', '6210'],
    };
    expect(lookupIndustry('6210')).toEqual(want);
    expect(lookupIndustry('H6210')).toEqual(want);
    expect(lookupIndustry(' h6210 ')).toEqual(want);
  });
  it('finds sections, divisions and groups', () => {
    expect(lookupIndustry('H')).toMatchObject({ name: '住宿和餐饮业', level: 1, parent: null, path: ['H'] });
    expect(lookupIndustry('62')).toMatchObject({ name: '餐饮业', level: 2, section: 'H', parent: 'H' });
    expect(lookupIndustry('H62')).toMatchObject({ code: '62' });
    expect(lookupIndustry('621')).toMatchObject({ name: '正餐服务', level: 3, parent: '62' });
    expect(lookupIndustry('C1311')).toMatchObject({ name: '稻谷加工', section: 'C' });
  });
  it('rejects unknown codes and contradicting letters', () => {
    expect(lookupIndustry('6298')).toBeUndefined();
    expect(lookupIndustry('A6210')).toBeUndefined();
    expect(normalizeIndustryCode('A6210')).toBeUndefined();
    expect(normalizeIndustryCode('H6210')).toBe('6210');
    expect(normalizeIndustryCode('62100')).toBeUndefined();
    expect(normalizeIndustryCode('Z')).toBeUndefined();
    expect(isValidIndustryCode('')).toBe(false);
  });
  it('tells classes apart and writes the section form', () => {
    expect(isIndustryClass('6210')).toBe(true);
    expect(isIndustryClass('621')).toBe(false);
    expect(industryCodeWithSection('6210')).toBe('H6210');
    expect(industryCodeWithSection('H')).toBe('H');
    expect(industryCodeWithSection('9999')).toBeUndefined();
  });
});

describe('tree', () => {
  it('has the counts of the standard', () => {
    expect(GBT4754_COUNTS).toEqual({ sections: 20, divisions: 97, groups: 473, classes: 1381 });
    expect(listIndustries(1)).toHaveLength(20);
    expect(listIndustries(2)).toHaveLength(97);
    expect(listIndustries(3)).toHaveLength(473);
    expect(listIndustries(4)).toHaveLength(1381);
    expect(listIndustries()).toHaveLength(1971);
  });
  it('lists children for a cascader', () => {
    expect(
      industryChildren()
        .map((s) => s.code)
        .join(''),
    ).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(industryChildren('H').map((d) => d.code)).toEqual(['61', '62']);
    expect(industryChildren('H62').map((d) => d.code)).toEqual(['621', '622', '623', '624', '629']);
    expect(industryChildren('6210')).toEqual([]);
    expect(industryChildren('bad')).toEqual([]);
  });
  it('every entry links to its parent', () => {
    for (const i of listIndustries()) {
      if (i.parent !== null) {
        expect(lookupIndustry(i.parent)?.level).toBe(i.level - 1);
        expect(i.path).toEqual([...(lookupIndustry(i.parent)?.path ?? []), i.code]);
      }
    }
  });
});

describe('validateIndustryCode', () => {
  it('explains each failure', () => {
    const m = (s: string, classOnly = false): string => {
      const r = validateIndustryCode(s, { row: 2, classOnly });
      return r.ok ? 'ok' : r.error.messageZh;
    };
    expect(m('H6210')).toBe('ok');
    expect(m('62.10')).toBe('行业代码格式错误：应为门类字母或 2–4 位数字，如 6210 或 H6210');
    expect(m('6298')).toBe('行业代码 6298 不在 GB/T 4754-2017 中');
    expect(m('621', true)).toBe('行业代码 621 不是小类（应为 4 位）');
  });
});
