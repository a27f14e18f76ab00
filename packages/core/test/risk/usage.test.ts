// Which tasks use credit-risk tiers (the usage rate's numerator, issue 6).
import { describe, expect, it } from 'vitest';
import { shareOf, taskUsesTiers } from '../../src/risk';

describe('taskUsesTiers', () => {
  it('counts strata naming tiers A–D, or a chosen tier source', () => {
    expect(taskUsesTiers([{ name: '全部', tiers: null }], null)).toBe(false);
    expect(taskUsesTiers([{ name: '未分级', tiers: ['unrated'] }], null)).toBe(false);
    expect(
      taskUsesTiers(
        [
          { name: '高风险', tiers: ['D'] },
          { name: '其他', tiers: ['A', 'B', 'C', 'unrated'] },
        ],
        null,
      ),
    ).toBe(true);
    expect(taskUsesTiers([{ name: 'D', tiers: null }], null)).toBe(true);
    expect(taskUsesTiers([{ name: '全部', tiers: null }], 'imported')).toBe(true);
    expect(taskUsesTiers('garbage', null)).toBe(false);
  });

  it('rounds shares to one decimal and leaves an empty share null', () => {
    expect(shareOf(2, 3)).toEqual({ part: 2, whole: 3, percent: 66.7 });
    expect(shareOf(0, 0).percent).toBeNull();
  });
});
