// The draw progress bar's percentage (issue 14): scanning fills it in proportion to the lines
// scanned across strata (a freeze's frames come first), then assignment and writing; it never
// goes back as the steps advance, and stays below 100 until the request answers.
import { describe, expect, it } from 'vitest';
import { progressPercent } from '../src/pages/console/tasks/DrawProgressBar';

type Report = Parameters<typeof progressPercent>[0];
const base: Report = {
  operation: 'run',
  step: 'scan',
  stratum: 'A',
  lines: 0,
  total: 1000,
  strataDone: 0,
  strata: 2,
  startedAt: '2026-03-02T02:00:00.000Z',
};

describe('progressPercent', () => {
  it('follows the lines scanned across strata', () => {
    expect(progressPercent({ ...base, lines: 500 })).toBe(20);
    expect(progressPercent({ ...base, lines: 1000 })).toBe(40);
    expect(progressPercent({ ...base, stratum: 'B', strataDone: 1, lines: 500 })).toBe(60);
    expect(progressPercent({ ...base, total: null, lines: 5 })).toBe(20);
  });
  it('puts a freeze’s frame writing first, then its scan from 40 %', () => {
    expect(progressPercent({ ...base, operation: 'freeze', step: 'frames', stratum: null })).toBe(5);
    expect(progressPercent({ ...base, operation: 'freeze', total: null, strata: 1 })).toBe(60);
  });
  it('never goes back as a draw advances, and stays below 100', () => {
    const seq: Report[] = [
      { ...base, lines: 0 },
      { ...base, lines: 999 },
      { ...base, stratum: 'B', strataDone: 1, lines: 0 },
      { ...base, stratum: 'B', strataDone: 1, lines: 1000 },
      { ...base, step: 'assign', stratum: null, strataDone: 2 },
      { ...base, step: 'write', stratum: null, strataDone: 2 },
    ];
    const ps = seq.map(progressPercent);
    expect([...ps].sort((a, b) => a - b)).toEqual(ps);
    expect(Math.max(...ps)).toBeLessThan(100);
  });
});
