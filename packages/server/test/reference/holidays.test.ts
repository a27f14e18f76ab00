// The holiday loader: 2026 from chinese-days, admin years on top, provisional beyond.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isoDate, isWorkingDay, resultPublicationDeadline } from '@openssj/core';
import { buildHolidayTable, chineseDaysHolidayYears, holidayCoverage } from '../../src/reference/holidays';

function table(admin: Parameters<typeof buildHolidayTable>[0] = []) {
  const r = buildHolidayTable(admin);
  if (!r.ok) {
    throw new Error(r.error.messageEn);
  }
  return r.value;
}

describe('chinese-days', () => {
  it('supplies 2026 as in the official notice', () => {
    const y2026 = chineseDaysHolidayYears().find((r) => r.year === 2026);
    expect(y2026?.source).toBe('chinese-days');
    expect(y2026?.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(y2026?.holidays).toHaveLength(33);
    expect(y2026?.holidays).toContain('2026-02-23');
  });
  it('computes the 春节 2026 deadline from the package data', () => {
    const t = table();
    expect(resultPublicationDeadline(isoDate('2026-02-13'), t)).toEqual({
      date: '2026-03-19',
      provisional: false,
    });
    expect(isWorkingDay(isoDate('2025-10-11'), t)).toBe(true);
    expect(isWorkingDay(isoDate('2025-10-08'), t)).toBe(false);
  });
});

describe('buildHolidayTable', () => {
  it('marks a year without data as provisional', () => {
    const t = table();
    expect(t.some((r) => r.year === 2030)).toBe(false);
    expect(addWorkingDays(isoDate('2030-03-01'), 20, t).provisional).toBe(true);
    expect(addWorkingDays(isoDate('2026-03-02'), 20, t).provisional).toBe(false);
  });
  it('adds admin years, which then count as covered', () => {
    const t = table([{ year: 2030, holidays: ['2030-01-01'], workdays: [] }]);
    expect(holidayCoverage(t).slice(-2)).toEqual([
      { year: 2026, source: 'chinese-days' },
      { year: 2030, source: 'admin' },
    ]);
    expect(isWorkingDay(isoDate('2030-01-01'), t)).toBe(false); // a Tuesday, off by the admin row
    expect(addWorkingDays(isoDate('2030-03-01'), 20, t).provisional).toBe(false);
  });
  it('lets an admin row replace a package year', () => {
    const t = table([{ year: 2026, holidays: [], workdays: [] }]);
    expect(t.find((r) => r.year === 2026)?.source).toBe('admin');
    expect(isWorkingDay(isoDate('2026-10-01'), t)).toBe(true);
  });
  it('rejects bad admin rows with every issue', () => {
    const r = buildHolidayTable([{ year: 2031, holidays: ['2031-02-30'], workdays: ['2031-01-01'] }]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.issues).toHaveLength(2);
  });
});
