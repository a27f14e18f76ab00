/** Oversight statistics, fairness, joint figures and evaluation against hand-computed cases. */
import { describe, expect, it } from 'vitest';
import {
  binomialUpperTail,
  chiSquareSurvival,
  coefficientOfVariation,
  DEFAULT_EVALUATION_CONFIG,
  evaluationConfigSchema,
  gini,
  lnGamma,
  mergerSavings,
  pairFairness,
  poissonBinomialUpperTail,
  rateOf,
  scoreDepartment,
  targetFairness,
  visitsSaved,
} from '../../src';

describe('statistics', () => {
  it('lnGamma matches factorials', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
  it('chi-square survival: df 2 is exp(−x/2); the 5 % critical values', () => {
    expect(chiSquareSurvival(2, 2)).toBeCloseTo(Math.exp(-1), 12);
    expect(chiSquareSurvival(10, 2)).toBeCloseTo(Math.exp(-5), 12);
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    expect(chiSquareSurvival(11.070497693516351, 5)).toBeCloseTo(0.05, 10);
    expect(chiSquareSurvival(0, 3)).toBe(1);
    // df 1: P(χ² ≥ 1) = P(|Z| ≥ 1) = 0.3173105078629141
    expect(chiSquareSurvival(1, 1)).toBeCloseTo(0.3173105078629141, 10);
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError);
  });
  it('binomial upper tail', () => {
    expect(binomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialUpperTail(3, 3, 0.5)).toBeCloseTo(0.125, 12);
    expect(binomialUpperTail(0, 3, 0.5)).toBe(1);
    expect(binomialUpperTail(4, 3, 0.5)).toBe(0);
    // P(X ≥ 2), n = 10, p = 0.1 = 1 − 0.9^10 − 10·0.1·0.9^9
    expect(binomialUpperTail(2, 10, 0.1)).toBeCloseTo(1 - 0.9 ** 10 - 0.9 ** 9, 12);
  });
  it('Poisson-binomial upper tail', () => {
    expect(poissonBinomialUpperTail([0.5, 0.2], 2)).toBeCloseTo(0.1, 12);
    expect(poissonBinomialUpperTail([0.5, 0.2], 1)).toBeCloseTo(0.6, 12);
    expect(poissonBinomialUpperTail([0.5, 0.2], 3)).toBe(0);
    expect(poissonBinomialUpperTail([0.3, 0.3, 0.3], 2)).toBeCloseTo(binomialUpperTail(2, 3, 0.3), 12);
  });
  it('Gini and coefficient of variation', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBeCloseTo(0.75, 12);
    expect(gini([1, 2, 3])).toBeCloseTo(2 / 9, 12);
    expect(gini([])).toBe(0);
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(0.4, 12);
    expect(coefficientOfVariation([0, 0])).toBe(0);
  });
});

describe('fairness', () => {
  it('a target drawn in all three draws at 1/2 each', () => {
    const { rows, summary } = targetFairness(
      [{ targetId: 'T1', probabilities: [0.5, 0.5, 0.5], observed: 3 }],
      0.2,
    );
    const r = rows[0];
    expect(r?.expected).toBeCloseTo(1.5, 12);
    expect(r?.statistic).toBeCloseTo(3, 12); // (3 − 1.5)² ÷ 0.75
    expect(r?.pValue).toBeCloseTo(0.125, 12);
    expect(r?.flagged).toBe(true);
    expect(summary.df).toBe(1);
    expect(summary.pValue).toBeCloseTo(chiSquareSurvival(3, 1), 12);
  });
  it('chance-like counts are not flagged; a certain draw has no variance', () => {
    const { rows, summary } = targetFairness([
      { targetId: 'A', probabilities: [0.1, 0.1], observed: 0 },
      { targetId: 'B', probabilities: [1], observed: 1 },
    ]);
    expect(rows.map((r) => r.flagged)).toEqual([false, false]);
    expect(summary.df).toBe(1);
    expect(summary.statistic).toBeCloseTo(0.04 / 0.18, 12);
  });
  it('inspector–target repeats against the inspector share', () => {
    const [a, b] = pairFairness(
      [
        { inspectorId: 'I1', targetId: 'T', together: 3, targetVisits: 3, share: 0.1 },
        { inspectorId: 'I2', targetId: 'T', together: 1, targetVisits: 3, share: 0.5 },
      ],
      0.01,
    );
    expect(a?.pValue).toBeCloseTo(0.001, 12);
    expect(a?.expected).toBeCloseTo(0.3, 12);
    expect(a?.flagged).toBe(true);
    expect(b?.flagged).toBe(false);
  });
});

describe('joint figures', () => {
  it('Changning: 2,518 → 630 is −74.98 %', () => {
    const v = visitsSaved(2518, 630);
    expect(v.saved).toBe(1888);
    expect(Math.round(v.reduction * 10000) / 100).toBe(74.98);
    expect(visitsSaved(0, 0).reduction).toBe(0);
  });
  it('joint share and the merger estimate', () => {
    expect(rateOf(129, 579)).toBeCloseTo(0.2228, 4);
    expect(rateOf(1, 0)).toBeNull();
    expect(mergerSavings({ frameA: 100, sampleA: 10, frameB: 200, sampleB: 20, shared: 50 })).toEqual({
      alone: 30,
      merged: 25,
      saved: 5,
    });
    expect(mergerSavings({ frameA: 100, sampleA: 10, frameB: 10, sampleB: 1, shared: 10 }).saved).toBe(1);
    expect(mergerSavings({ frameA: 0, sampleA: 0, frameB: 10, sampleB: 1, shared: 0 }).saved).toBe(0);
  });
});

describe('evaluation', () => {
  const config = evaluationConfigSchema.parse({
    criteria: [
      { key: 'coverage', weight: 40 },
      { key: 'jointShare', weight: 20, target: 0.2 },
      { key: 'followUpClosure', weight: 40 },
    ],
  });
  it('weights, targets and a missing criterion rescale', () => {
    // coverage 0.5 → 20; joint 0.1 of target 0.2 → 10; closure 1 → 40: 70 of 100
    expect(scoreDepartment({ coverage: 0.5, jointShare: 0.1, followUpClosure: 1 }, config).total).toBe(70);
    // joint share above its target caps at full points: 20 + 20 + 40 = 80
    expect(scoreDepartment({ coverage: 0.5, jointShare: 0.5, followUpClosure: 1 }, config).total).toBe(80);
    // no follow-ups: (20 + 10) ÷ 60 = 50
    const s = scoreDepartment({ coverage: 0.5, jointShare: 0.1, followUpClosure: null }, config);
    expect(s.total).toBe(50);
    expect(s.parts[2]?.points).toBeNull();
    expect(scoreDepartment({}, config).total).toBeNull();
  });
  it('config validation', () => {
    expect(
      evaluationConfigSchema.safeParse({
        criteria: [
          { key: 'coverage', weight: 1 },
          { key: 'coverage', weight: 2 },
        ],
      }).success,
    ).toBe(false);
    expect(DEFAULT_EVALUATION_CONFIG.criteria.reduce((a, c) => a + c.weight, 0)).toBe(100);
  });
});
