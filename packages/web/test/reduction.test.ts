// Savings read as plain positive reductions (issue 11): "减少上门 8.2 %", never "−8.2 %".
import { describe, expect, it } from 'vitest';
import { formatReduction, reductionRatio } from '../src/pages/console/dashboard/reduction';

describe('formatReduction', () => {
  it('writes a reduction without a minus sign', () => {
    expect(formatReduction(0.082, 'zh-CN')).toBe('8.2 %');
    expect(formatReduction(0.242, 'en')).toBe('24.2 %');
    expect(formatReduction(0, 'zh-CN')).toBe('0.0 %');
    expect(formatReduction(reductionRatio(2518, 630), 'zh-CN')).toBe('75.0 %');
  });
  it('says so when visits rose, and shows a dash without data', () => {
    expect(formatReduction(-0.03, 'zh-CN')).toBe('增加 3.0 %');
    expect(formatReduction(-0.03, 'en')).toBe('3.0 % more');
    expect(formatReduction(null, 'zh-CN')).toBe('—');
    expect(reductionRatio(0, 0)).toBeNull();
  });
  it('never starts with a minus sign', () => {
    for (const r of [0.5, 0.001, 0.999, -0.2]) {
      expect(formatReduction(r, 'zh-CN')).not.toMatch(/^[−-]/);
    }
  });
});
