// One date helper for the whole UI (issue 11): Beijing time whatever the browser's zone, plain dates untouched.
import { describe, expect, it } from 'vitest';
import { chinaToday, formatDate, formatDateTime } from '../src/format/china-time';
import { bilingual } from '../src/i18n/code-label';

describe('china time', () => {
  it('shows a UTC evening as the next Beijing day (the 公示日期 before 检查日期 bug)', () => {
    // published 2026-12-03 01:30 in Beijing, stored as 2026-12-02T17:30Z
    expect(formatDate('2026-12-02T17:30:00.000Z')).toBe('2026-12-03');
    expect(formatDateTime('2026-12-02T17:30:00.000Z')).toBe('2026-12-03 01:30');
    expect(formatDateTime('2026-12-02T17:30:05.000Z', true)).toBe('2026-12-03 01:30:05');
  });

  it('keeps plain dates and marks missing values', () => {
    expect(formatDate('2026-12-03')).toBe('2026-12-03');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });

  it("knows Beijing's today", () => {
    expect(chinaToday(new Date('2026-12-02T16:00:00Z'))).toBe('2026-12-03');
    expect(chinaToday(new Date('2026-12-02T15:59:59Z'))).toBe('2026-12-02');
  });
});

describe('bilingual stored text', () => {
  it('shows the half of the UI language', () => {
    const plan =
      '现场公开掷骰，读取至少 20 位数字 / public dice, at least 20 digits read aloud at the ceremony';
    expect(bilingual(plan, 'zh-CN')).toBe('现场公开掷骰，读取至少 20 位数字');
    expect(bilingual(plan, 'en')).toBe('public dice, at least 20 digits read aloud at the ceremony');
    expect(bilingual('drand quicknet round 1234567', 'zh-CN')).toBe('drand quicknet round 1234567');
  });
});
