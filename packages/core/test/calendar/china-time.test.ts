import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime, chinaYear } from '../../src';

describe('China time (UTC+8)', () => {
  it('turns the instant of midnight in Beijing into the new day and year', () => {
    const newYear = new Date('2026-12-31T16:00:00Z');
    expect(chinaDate(newYear)).toBe('2027-01-01');
    expect(chinaYear(newYear)).toBe(2027);
    expect(chinaDateTime(newYear)).toBe('2027-01-01 00:00:00');
    const justBefore = new Date('2026-12-31T15:59:59Z');
    expect(chinaDate(justBefore)).toBe('2026-12-31');
    expect(chinaYear(justBefore)).toBe(2026);
    expect(chinaDateTime(justBefore)).toBe('2026-12-31 23:59:59');
  });

  it('agrees with Intl in Asia/Shanghai for any instant since 1992 (no daylight saving)', () => {
    const fmt = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const at = new Date(ms);
        const expected = fmt.format(at);
        expect(chinaDateTime(at)).toBe(expected);
        expect(chinaDate(at)).toBe(expected.slice(0, 10));
        expect(chinaYear(at)).toBe(Number(expected.slice(0, 4)));
      }),
    );
  });
});
