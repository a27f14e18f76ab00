// Plain dates: parsing, day numbers against Date.UTC, weekdays.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isoDate,
  parseIsoDate,
  toDayNumber,
  weekday,
} from '../../src/calendar';

describe('parseIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('0999-12-31')).toBe(false);
    const r = parseIsoDate('2025-04-31', '检查日期');
    expect(!r.ok && r.error).toMatchObject({
      field: '检查日期',
      messageZh: '日期「2025-04-31」无效，应为 YYYY-MM-DD',
    });
    expect(() => isoDate('nope')).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  it('match Date.UTC over four centuries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 1) / 864e5, max: Date.UTC(9999, 11, 31) / 864e5 }),
        (n) => {
          const iso = new Date(n * 864e5).toISOString().slice(0, 10);
          expect(fromDayNumber(n)).toBe(iso);
          expect(toDayNumber(isoDate(iso))).toBe(n);
          expect(weekday(isoDate(iso))).toBe(new Date(n * 864e5).getUTCDay());
        },
      ),
    );
  });
  it('adds days across month and year ends', () => {
    expect(addDays(isoDate('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(isoDate('2024-03-01'), -1)).toBe('2024-02-29');
    expect(daysBetween(isoDate('2025-01-01'), isoDate('2026-01-01'))).toBe(365);
    expect(weekday(isoDate('2025-10-11'))).toBe(6);
    expect(() => fromDayNumber(toDayNumber(isoDate('9999-12-31')) + 1)).toThrow(RangeError);
  });
});
