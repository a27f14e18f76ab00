// Working days against the official 2025/2026 schedules, computed by hand (comments show the count).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  abnormalListDeadline,
  addWorkingDays,
  dayKind,
  exceptionalDays,
  isoDate,
  isWorkingDay,
  nextWorkingDay,
  resultPublicationDeadline,
  workingDaysBetween,
  type HolidayTable,
} from '../../src/calendar';
import { OFFICIAL_2025_2026 as T } from './fixtures';

const d = isoDate;

describe('isWorkingDay', () => {
  it('knows 国庆 2025 and its make-up days', () => {
    expect(isWorkingDay(d('2025-10-01'), T)).toBe(false);
    expect(isWorkingDay(d('2025-10-08'), T)).toBe(false); // a Wednesday, still off
    expect(isWorkingDay(d('2025-10-09'), T)).toBe(true);
    expect(isWorkingDay(d('2025-09-28'), T)).toBe(true); // Sunday, make-up
    expect(isWorkingDay(d('2025-10-11'), T)).toBe(true); // Saturday, make-up
    expect(isWorkingDay(d('2025-10-12'), T)).toBe(false); // plain Sunday
    expect(dayKind(d('2025-10-11'), T)).toBe('makeup');
    expect(dayKind(d('2025-10-03'), T)).toBe('holiday');
    expect(dayKind(d('2025-10-13'), T)).toBe('workday');
    expect(dayKind(d('2025-10-12'), T)).toBe('weekend');
  });
  it('counts only weekends in a year without a table', () => {
    expect(isWorkingDay(d('2027-10-01'), T)).toBe(true); // a Friday: no table for 2027
    expect(isWorkingDay(d('2027-10-02'), T)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('20 working days over 国庆 2025', () => {
    // from Fri 09-26: 09-28(1) 29 30(3) | 10-01..08 off | 10-09 10 11(6) | 13–17(11) | 20–24(16) | 27 28 29 30(20)
    expect(addWorkingDays(d('2025-09-26'), 20, T)).toEqual({ date: '2025-10-30', provisional: false });
    // weekends only, the answer would be 10-24
    expect(addWorkingDays(d('2025-09-26'), 20, []).date).toBe('2025-10-24');
    expect(addWorkingDays(d('2025-09-26'), 20, []).provisional).toBe(true);
  });
  it('10 working days for the abnormal list', () => {
    // from Tue 09-30: 10-09(1) 10(2) 11(3) 13–17(8) 20(9) 21(10)
    expect(abnormalListDeadline(d('2025-09-30'), T)).toEqual({ date: '2025-10-21', provisional: false });
  });
  it('20 working days over 春节 2026', () => {
    // from Fri 02-13: 02-14(1) | 15..23 off | 24–27(5) 28(6) | 03-02..06(11) | 9–13(16) | 16 17 18 19(20)
    expect(resultPublicationDeadline(d('2026-02-13'), T)).toEqual({ date: '2026-03-19', provisional: false });
  });
  it('is provisional when it runs into a year without a table', () => {
    // from Sun 2026-12-20: 12-21..25(5) 28..31(9) | 2027-01-01 Fri counts: no 2027 table (10) | 01-04..08(15) | 11..15(20)
    expect(addWorkingDays(d('2026-12-20'), 20, T)).toEqual({ date: '2027-01-15', provisional: true });
    expect(addWorkingDays(d('2026-12-20'), 5, T).provisional).toBe(false);
  });
  it('goes backwards and handles n = 0', () => {
    expect(addWorkingDays(d('2025-10-30'), -20, T)).toEqual({ date: '2025-09-26', provisional: false });
    expect(addWorkingDays(d('2025-10-04'), 0, T)).toEqual({ date: '2025-10-04', provisional: false });
    expect(addWorkingDays(d('2030-01-01'), 0, T).provisional).toBe(true);
    expect(() => addWorkingDays(d('2025-01-01'), 1.5, T)).toThrow(RangeError);
  });
  it('nextWorkingDay skips a holiday', () => {
    expect(nextWorkingDay(d('2025-10-01'), T)).toEqual({ date: '2025-10-09', provisional: false });
    expect(nextWorkingDay(d('2025-10-09'), T)).toEqual({ date: '2025-10-09', provisional: false });
  });
});

describe('workingDaysBetween', () => {
  it('counts (from, to]', () => {
    expect(workingDaysBetween(d('2025-09-26'), d('2025-10-30'), T)).toEqual({ days: 20, provisional: false });
    expect(workingDaysBetween(d('2025-10-30'), d('2025-09-26'), T)).toEqual({
      days: -20,
      provisional: false,
    });
    expect(workingDaysBetween(d('2025-10-01'), d('2025-10-01'), T)).toEqual({ days: 0, provisional: false });
  });
  it('2025 and 2026 have 248 working days each', () => {
    // 261 weekdays − 18 weekday holidays + 5 make-up days = 248 (2025)
    // 261 weekdays − 19 weekday holidays + 6 make-up days = 248 (2026)
    expect(workingDaysBetween(d('2024-12-31'), d('2025-12-31'), T)).toEqual({
      days: 248,
      provisional: false,
    });
    expect(workingDaysBetween(d('2025-12-31'), d('2026-12-31'), T)).toEqual({
      days: 248,
      provisional: false,
    });
    expect(workingDaysBetween(d('2026-12-31'), d('2027-01-31'), T).provisional).toBe(true);
  });
  it('exceptionalDays lists weekday holidays and make-up days', () => {
    const x = exceptionalDays(2025, T);
    expect(x.filter((s) => s.startsWith('2025-10') || s.startsWith('2025-09'))).toEqual([
      '2025-09-28',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
      '2025-10-11',
    ]);
    expect(x).toHaveLength(18 + 5);
  });
});

describe('properties', () => {
  const tables: readonly HolidayTable[] = [T, []];
  const startArb = fc
    .integer({ min: 0, max: 2 * 366 })
    .map((off) => isoDate(new Date(Date.UTC(2025, 0, 1 + off)).toISOString().slice(0, 10)));
  it('addWorkingDays and workingDaysBetween agree, and the result is a working day', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: -40, max: 40 }),
        fc.constantFrom(...tables),
        (start, n, table) => {
          const r = addWorkingDays(start, n, table);
          if (n !== 0) {
            expect(isWorkingDay(r.date, table)).toBe(true);
          }
          // (from, to] forwards; backwards the count is antisymmetric, so it is exact from a working day
          if (n >= 0 || isWorkingDay(start, table)) {
            expect(workingDaysBetween(start, r.date, table).days).toBe(n);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(startArb, startArb, startArb, (a, b, c) => {
        const ab = workingDaysBetween(a, b, T).days;
        expect(workingDaysBetween(b, a, T).days + ab).toBe(0);
        expect(ab + workingDaysBetween(b, c, T).days).toBe(workingDaysBetween(a, c, T).days);
      }),
      { numRuns: 100 },
    );
  });
});
