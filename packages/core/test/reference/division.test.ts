// GB/T 2260: lookup, full names, municipality quirks, dropped statistical zones.
import { describe, expect, it } from 'vitest';
import {
  divisionChildren,
  divisionPath,
  GBT2260_COUNTS,
  isValidDivisionCode,
  isWithinDivision,
  listDivisions,
  lookupDivision,
  validateDivisionCode,
} from '../../src/reference';

describe('lookupDivision', () => {
  it('finds the three levels', () => {
    expect(lookupDivision('500000')).toEqual({
      code: '500000',
      name: '重庆市',
      level: 'province',
      parentCode: null,
      fullName: '重庆市',
    });
    expect(lookupDivision('500100')).toMatchObject({ name: '市辖区', level: 'city', parentCode: '500000' });
    expect(lookupDivision('500112')).toEqual({
      code: '500112',
      name: '渝北区',
      level: 'district',
      parentCode: '500100',
      fullName: '重庆市渝北区',
    });
    expect(lookupDivision('511623')).toMatchObject({
      name: '邻水县',
      parentCode: '511600',
      fullName: '四川省广安市邻水县',
    });
    expect(lookupDivision('511600')?.fullName).toBe('四川省广安市');
  });
  it('keeps 重庆 500200 县 and leaves placeholders out of full names', () => {
    expect(lookupDivision('500200')).toMatchObject({ name: '县', level: 'city' });
    expect(lookupDivision('500229')?.fullName).toBe('重庆市城口县');
    expect(lookupDivision('110101')?.fullName).toBe('北京市东城区');
    expect(lookupDivision('419001')?.fullName).toBe('河南省济源市');
  });
  it('keeps a city without districts once, as a city', () => {
    expect(lookupDivision('441900')).toMatchObject({
      name: '东莞市',
      level: 'city',
      fullName: '广东省东莞市',
    });
    expect(divisionChildren('441900')).toEqual([]);
  });
  it('drops xx7x statistical zones and unknown codes', () => {
    expect(lookupDivision('130171')).toBeUndefined();
    expect(isValidDivisionCode('130171')).toBe(false);
    expect(isValidDivisionCode('500112')).toBe(true);
    expect(isValidDivisionCode('50011')).toBe(false);
    expect(isValidDivisionCode('999999')).toBe(false);
    expect(listDivisions('district').some((d) => d.code.charAt(4) === '7')).toBe(false);
  });
});

describe('tree', () => {
  it('has the committed counts', () => {
    expect(GBT2260_COUNTS.provinces).toBe(31);
    expect(listDivisions('province')).toHaveLength(GBT2260_COUNTS.provinces);
    expect(listDivisions('city')).toHaveLength(GBT2260_COUNTS.cities);
    expect(listDivisions('district')).toHaveLength(GBT2260_COUNTS.districts);
    expect(GBT2260_COUNTS.districts).toBeGreaterThan(2800);
  });
  it('lists children and paths', () => {
    expect(divisionChildren()).toHaveLength(31);
    expect(divisionChildren('500000').map((d) => d.code)).toEqual(['500100', '500200']);
    expect(divisionChildren('511600').map((d) => d.name)).toContain('邻水县');
    expect(divisionChildren('nope')).toEqual([]);
    expect(divisionPath('500112').map((d) => d.code)).toEqual(['500000', '500100', '500112']);
    expect(isWithinDivision('500112', '500000')).toBe(true);
    expect(isWithinDivision('511623', '500000')).toBe(false);
  });
  it('every code has 6 digits and a parent of the level above', () => {
    for (const d of listDivisions()) {
      expect(d.code).toMatch(/^\d{6}$/);
      if (d.parentCode !== null) {
        const p = lookupDivision(d.parentCode);
        expect(p?.level).toBe(d.level === 'city' ? 'province' : 'city');
      }
    }
  });
  it('validates for import rows', () => {
    expect(validateDivisionCode('500112').ok).toBe(true);
    const r = validateDivisionCode('130171', { row: 4 });
    expect(!r.ok && r.error).toMatchObject({
      row: 4,
      messageZh: '行政区划代码 130171 不在 GB/T 2260 代码表中',
    });
    const s = validateDivisionCode('5001');
    expect(!s.ok && s.error.messageEn).toBe('division code must be 6 digits');
  });
});
