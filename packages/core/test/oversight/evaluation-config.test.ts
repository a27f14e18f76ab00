/** Checking evaluation criteria: one Chinese and English message per field, the same on server and web. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EVALUATION_CONFIG,
  EVALUATION_CRITERIA,
  validateEvaluationConfig,
  type FieldIssue,
} from '../../src';

function issuesOf(input: unknown): readonly FieldIssue[] {
  const r = validateEvaluationConfig(input);
  if (r.ok) {
    throw new Error('expected a refusal');
  }
  expect(r.error.code).toBe('VALIDATION');
  expect(r.error.messageZh).toBe('考核指标配置无效');
  return r.error.issues ?? [];
}

describe('validateEvaluationConfig', () => {
  it('accepts the default and fills in a missing target with 1', () => {
    expect(validateEvaluationConfig(DEFAULT_EVALUATION_CONFIG)).toEqual({
      ok: true,
      value: DEFAULT_EVALUATION_CONFIG,
    });
    const r = validateEvaluationConfig({ criteria: [{ key: 'coverage', weight: 40 }] });
    expect(r.ok && r.value.criteria[0]?.target).toBe(1);
  });

  it('names the criterion and the field of a bad weight or target', () => {
    const issues = issuesOf({
      criteria: [
        { key: 'coverage', weight: 20, target: 1 },
        { key: 'jointShare', weight: 120, target: 0.22 },
        { key: 'riskUsage', weight: 10, target: 0 },
      ],
    });
    expect(issues).toEqual([
      {
        field: 'criteria.1.weight',
        messageZh: '第 2 项「联合抽查占比」的权重须为 0 到 100 之间的数',
        messageEn: 'criterion 2 (joint share): the weight must be a number from 0 to 100',
      },
      {
        field: 'criteria.2.target',
        messageZh: '第 3 项「信用风险分类使用率」的目标值须大于 0% 且不超过 100%',
        messageEn: 'criterion 3 (credit-risk usage): the target must be above 0 % and at most 100 %',
      },
    ]);
    expect(issuesOf({ criteria: [{ key: 'coverage', weight: -1 }] })[0]?.field).toBe('criteria.0.weight');
  });

  it('refuses an unknown criterion, a repeated one, none at all', () => {
    expect(issuesOf({ criteria: [{ key: 'speed', weight: 10 }] })).toEqual([
      expect.objectContaining({ field: 'criteria.0.key', messageZh: '第 1 项不是可用的考核指标' }),
    ]);
    expect(
      issuesOf({
        criteria: [
          { key: 'coverage', weight: 10 },
          { key: 'coverage', weight: 20 },
        ],
      }),
    ).toEqual([expect.objectContaining({ field: 'criteria', messageZh: '每项考核指标只能设置一次' })]);
    const eight = [...EVALUATION_CRITERIA, 'coverage'].map((key) => ({ key, weight: 10 }));
    expect(issuesOf({ criteria: eight }).map((i) => i.messageZh)).toContain('考核指标最多 7 项');
    expect(issuesOf({ criteria: [] })).toEqual([
      expect.objectContaining({ field: 'criteria', messageZh: '至少设置一项考核指标' }),
    ]);
  });

  it('refuses weights that add up to zero', () => {
    expect(
      issuesOf({
        criteria: [
          { key: 'coverage', weight: 0 },
          { key: 'jointShare', weight: 0 },
        ],
      }),
    ).toEqual([
      expect.objectContaining({ field: 'criteria', messageZh: '权重合计须大于 0，否则无法计算考核得分' }),
    ]);
  });

  it('names anything else by its path', () => {
    const [i] = issuesOf({});
    expect(i?.field).toBe('criteria');
    expect(i?.messageZh.startsWith('配置项 criteria 无效：')).toBe(true);
  });
});
