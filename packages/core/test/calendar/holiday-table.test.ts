// Holiday tables from outside: schema, consistency checks, merging.
import { describe, expect, it } from 'vitest';
import { mergeHolidayTables, parseHolidayTable, validateHolidayTable } from '../../src/calendar';
import { OFFICIAL_2025_2026 } from './fixtures';

describe('validateHolidayTable', () => {
  it('accepts the official schedules', () => {
    expect(validateHolidayTable(OFFICIAL_2025_2026).ok).toBe(true);
  });
  it('reports every problem with its row', () => {
    const r = validateHolidayTable([
      {
        year: 2027,
        holidays: ['2027-02-30', '2026-10-01', '2027-10-09'],
        workdays: ['2027-10-09', '2027-10-11'],
      },
      { year: 2027, holidays: [], workdays: [] },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.issues?.map((i) => [i.row, i.messageEn])).toEqual([
        [1, "invalid date '2027-02-30', expected YYYY-MM-DD"],
        [1, 'date 2026-10-01 is not in 2027'],
        [1, '2027-10-09 is both a holiday and a make-up working day'],
        [1, 'make-up working day 2027-10-11 is not a weekend day'],
        [2, 'year 2027 appears twice'],
      ]);
    }
  });
});

describe('parseHolidayTable', () => {
  it('parses unknown input', () => {
    expect(parseHolidayTable(JSON.parse(JSON.stringify(OFFICIAL_2025_2026))).ok).toBe(true);
    const r = parseHolidayTable([{ year: '2027', holidays: [] }]);
    expect(!r.ok && r.error.issues?.length).toBeGreaterThan(0);
    expect(!r.ok && r.error.messageZh).toBe('节假日表格式错误');
  });
});

describe('mergeHolidayTables', () => {
  it('lets later rows replace earlier ones, sorted by year', () => {
    const admin = [
      { year: 2025, holidays: [], workdays: [] },
      { year: 2027, holidays: ['2027-01-01'], workdays: [] },
    ];
    const m = mergeHolidayTables(OFFICIAL_2025_2026, admin);
    expect(m.map((r) => [r.year, r.holidays.length])).toEqual([
      [2025, 0],
      [2026, 33],
      [2027, 1],
    ]);
  });
});
