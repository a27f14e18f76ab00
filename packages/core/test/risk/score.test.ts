// Credit-risk score model (issue 6): hand-computed cases, config validation, properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactContributions,
  DEFAULT_RISK_MODEL,
  expandContributions,
  fullYearsBetween,
  industryGroupOf,
  parseCenti,
  scoreCompact,
  scoreTarget,
  tierOfScore,
  validateRiskModel,
  type RiskFacts,
  type RiskModelConfig,
} from '../../src/risk';

const NONE: RiskFacts = {
  abnormalListed: false,
  penalties3y: 0,
  inspectionProblems: 0,
  complaints12m: 0,
  registeredOn: null,
  industryCode: null,
  riskWarning: false,
  annualReportOverdue: false,
};
const AS_OF = '2026-11-20';
const points = (f: Partial<RiskFacts>, c: RiskModelConfig = DEFAULT_RISK_MODEL) =>
  scoreTarget({ ...NONE, ...f }, c, AS_OF);

describe('scoreTarget (hand-computed, default model)', () => {
  it('scores nothing for a target without risk facts: 0.00, tier A', () => {
    const s = points({});
    expect(s.score).toBe('0.00');
    expect(s.tier).toBe('A');
    expect(s.contributions).toHaveLength(9);
    expect(s.contributions.every((c) => c.points === '0.00')).toBe(true);
  });

  it('abnormal list (30) + one penalty (10) = 40.00 → C; two penalties = 50.00 → D', () => {
    expect(points({ abnormalListed: true, penalties3y: 1 })).toMatchObject({ score: '40.00', tier: 'C' });
    expect(points({ abnormalListed: true, penalties3y: 2 })).toMatchObject({ score: '50.00', tier: 'D' });
  });

  it('a food manufacturer registered this year: new (3 units × 3 = 9) + high industry (2 × 6 = 12) = 21.00 → B', () => {
    const s = points({ registeredOn: '2026-03-01', industryCode: '1431' });
    expect(s).toMatchObject({ score: '21.00', tier: 'B' });
    const byId = new Map(s.contributions.map((c) => [c.indicator, c]));
    expect(byId.get('newRegistration')).toMatchObject({
      value: 0,
      units: 3,
      points: '9.00',
      detailZh: '成立满 0 年',
    });
    expect(byId.get('industryGroup')).toMatchObject({ value: 2, units: 2, points: '12.00' });
    expect(byId.get('industryGroup')?.detailZh).toContain('高风险行业');
  });

  it('caps counts: 7 penalties count 3 (30), 10 complaints count 5 (10) → 40.00, C', () => {
    const s = points({ penalties3y: 7, complaints12m: 10 });
    expect(s).toMatchObject({ score: '40.00', tier: 'C' });
    expect(s.contributions.find((c) => c.indicator === 'penalties')).toMatchObject({
      value: 7,
      units: 3,
      detailZh: '7 次，按上限 3 次计',
    });
  });

  it('adds decimals exactly: 3 complaints × 2.35 + tag × 0.1 = 7.15 (floats would give 7.1499…)', () => {
    const c: RiskModelConfig = {
      ...DEFAULT_RISK_MODEL,
      weights: { ...DEFAULT_RISK_MODEL.weights, complaints: 2.35, riskWarningTag: 0.1 },
    };
    expect(points({ complaints12m: 3, riskWarning: true }, c).score).toBe('7.15');
  });

  it('every indicator at once sums to 140.00 → D', () => {
    const s = points({
      abnormalListed: true,
      penalties3y: 9,
      inspectionProblems: 9,
      complaints12m: 9,
      registeredOn: '2026-11-01',
      industryCode: '6210',
      riskWarning: true,
      annualReportOverdue: true,
      riskAlerts: 7,
    });
    // 30 + 30 + 24 + 10 + 9 + 12 + 15 + 10 + 3 alerts (capped) × 5
    expect(s).toMatchObject({ score: '155.00', tier: 'D' });
    expect(s.contributions.find((c) => c.indicator === 'riskAlerts')).toMatchObject({
      value: 7,
      units: 3,
      points: '15.00',
      detailZh: '7 条，按上限 3 条计',
    });
  });

  it('puts a score at a cut-off into that tier: 10.00 is B, 9.99 is A', () => {
    expect(tierOfScore(1000, DEFAULT_RISK_MODEL.cutoffs)).toBe('B');
    expect(tierOfScore(999, DEFAULT_RISK_MODEL.cutoffs)).toBe('A');
    expect(tierOfScore(4500, DEFAULT_RISK_MODEL.cutoffs)).toBe('D');
    expect(tierOfScore(2499, DEFAULT_RISK_MODEL.cutoffs)).toBe('B');
  });

  it('counts full years across leap days and anniversaries', () => {
    expect(fullYearsBetween('2024-02-29', '2025-02-28')).toBe(0);
    expect(fullYearsBetween('2024-02-29', '2025-03-01')).toBe(1);
    expect(fullYearsBetween('2020-11-20', '2026-11-20')).toBe(6);
    expect(fullYearsBetween('2020-11-21', '2026-11-20')).toBe(5);
    expect(fullYearsBetween('2027-01-01', '2026-11-20')).toBe(0);
  });

  it('maps industries to groups, the longest prefix winning over the section', () => {
    const g = DEFAULT_RISK_MODEL.industryGroups;
    expect(industryGroupOf('1431', g)).toBe('high');
    expect(industryGroupOf('3011', g)).toBe('medium');
    expect(industryGroupOf('3435', g)).toBe('high');
    expect(industryGroupOf('6210', g)).toBe('high');
    expect(industryGroupOf('6110', g)).toBe('medium');
    expect(industryGroupOf('7211', g)).toBe('low');
    expect(industryGroupOf(null, g)).toBe('low');
  });

  it('stores only the indicators that scored and expands them back to the same explanation', () => {
    const s = points({ abnormalListed: true, complaints12m: 2, industryCode: '5211' });
    const stored = compactContributions(s);
    expect(stored).toEqual({
      abnormalList: [1, 1, 3000],
      complaints: [2, 2, 400],
      industryGroup: [1, 1, 600],
    });
    const back = expandContributions(stored, '5211');
    expect(back.map((c) => c.points)).toEqual(s.contributions.map((c) => c.points));
    expect(back.filter((c) => c.points !== '0.00')).toEqual(
      s.contributions.filter((c) => c.points !== '0.00'),
    );
  });
});

describe('validateRiskModel', () => {
  it('accepts the defaults', () => {
    expect(validateRiskModel(DEFAULT_RISK_MODEL).ok).toBe(true);
  });

  it('refuses cut-offs that do not ascend', () => {
    const r = validateRiskModel({ ...DEFAULT_RISK_MODEL, cutoffs: { B: 10, C: 10, D: 20 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.issues?.[0]?.field).toBe('cutoffs');
    }
  });

  it('refuses negative weights, three decimals, zero caps and bad industry codes, naming the field', () => {
    const bad = [
      [{ weights: { ...DEFAULT_RISK_MODEL.weights, penalties: -1 } }, 'weights.penalties'],
      [{ weights: { ...DEFAULT_RISK_MODEL.weights, complaints: 1.234 } }, 'weights.complaints'],
      [{ caps: { ...DEFAULT_RISK_MODEL.caps, penalties: 0 } }, 'caps.penalties'],
      [{ industryGroups: { high: ['X1'], medium: [] } }, 'industryGroups.high.0'],
    ] as const;
    for (const [patch, field] of bad) {
      const r = validateRiskModel({ ...DEFAULT_RISK_MODEL, ...patch });
      expect(r.ok, field).toBe(false);
      if (!r.ok) {
        expect(r.error.issues?.map((i) => i.field)).toContain(field);
      }
    }
  });
});

const weightArb = fc.integer({ min: 0, max: 5000 }).map((c) => c / 100);
const configArb: fc.Arbitrary<RiskModelConfig> = fc
  .record({
    w: fc.array(weightArb, { minLength: 9, maxLength: 9 }),
    caps: fc.record({
      penalties: fc.integer({ min: 1, max: 10 }),
      inspectionProblems: fc.integer({ min: 1, max: 10 }),
      complaints: fc.integer({ min: 1, max: 20 }),
      newRegistrationYears: fc.integer({ min: 1, max: 10 }),
      riskAlerts: fc.integer({ min: 1, max: 10 }),
    }),
    cut: fc
      .uniqueArray(fc.integer({ min: 0, max: 20_000 }), { minLength: 3, maxLength: 3 })
      .map((xs) => [...xs].sort((a, b) => a - b).map((c) => c / 100)),
  })
  .map(({ w, caps, cut }) => ({
    ...DEFAULT_RISK_MODEL,
    weights: {
      abnormalList: w[0] ?? 0,
      penalties: w[1] ?? 0,
      inspectionProblems: w[2] ?? 0,
      complaints: w[3] ?? 0,
      newRegistration: w[4] ?? 0,
      industryGroup: w[5] ?? 0,
      riskWarningTag: w[6] ?? 0,
      annualReportOverdue: w[7] ?? 0,
      riskAlerts: w[8] ?? 0,
    },
    caps,
    cutoffs: { B: cut[0] ?? 0, C: cut[1] ?? 1, D: cut[2] ?? 2 },
  }));
const dateArb = fc
  .integer({ min: 0, max: 365 * 30 })
  .map((d) => new Date(Date.UTC(1997, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const factsArb: fc.Arbitrary<RiskFacts> = fc.record({
  abnormalListed: fc.boolean(),
  penalties3y: fc.nat(20),
  inspectionProblems: fc.nat(20),
  complaints12m: fc.nat(50),
  registeredOn: fc.option(dateArb, { nil: null }),
  industryCode: fc.constantFrom(null, '1431', '3011', '7211', '6210', '5211'),
  riskWarning: fc.boolean(),
  annualReportOverdue: fc.boolean(),
  riskAlerts: fc.nat(12),
});
/** One more risk fact of some kind (never removes one). */
const worseArb = fc.constantFrom(
  'abnormal',
  'penalty',
  'problem',
  'complaint',
  'younger',
  'tag',
  'report',
  'alert',
  'industry',
);
function worsen(f: RiskFacts, kind: string): RiskFacts {
  switch (kind) {
    case 'abnormal':
      return { ...f, abnormalListed: true };
    case 'penalty':
      return { ...f, penalties3y: f.penalties3y + 1 };
    case 'problem':
      return { ...f, inspectionProblems: f.inspectionProblems + 1 };
    case 'complaint':
      return { ...f, complaints12m: f.complaints12m + 1 };
    case 'younger':
      return {
        ...f,
        registeredOn: f.registeredOn === null ? AS_OF : f.registeredOn < AS_OF ? AS_OF : f.registeredOn,
      };
    case 'tag':
      return { ...f, riskWarning: true };
    case 'report':
      return { ...f, annualReportOverdue: true };
    case 'alert':
      return { ...f, riskAlerts: (f.riskAlerts ?? 0) + 1 };
    default:
      // moving from any industry to a high-risk one
      return { ...f, industryCode: '1431' };
  }
}

describe('score properties', () => {
  it('adding a risk fact never lowers the score (or the tier)', () => {
    fc.assert(
      fc.property(configArb, factsArb, worseArb, (c, f, k) => {
        const a = scoreTarget(f, c, AS_OF);
        const b = scoreTarget(worsen(f, k), c, AS_OF);
        return b.scoreCenti >= a.scoreCenti && b.tier >= a.tier;
      }),
      { numRuns: 500 },
    );
  });

  it('the tier follows the cut-offs and the score is the exact sum of the parts', () => {
    fc.assert(
      fc.property(configArb, factsArb, (c, f) => {
        const s = scoreTarget(f, c, AS_OF);
        const sum = s.contributions.reduce((acc, x) => acc + parseCenti(x.points), 0);
        const expected =
          s.scoreCenti >= Math.round(c.cutoffs.D * 100)
            ? 'D'
            : s.scoreCenti >= Math.round(c.cutoffs.C * 100)
              ? 'C'
              : s.scoreCenti >= Math.round(c.cutoffs.B * 100)
                ? 'B'
                : 'A';
        return (
          sum === s.scoreCenti &&
          parseCenti(s.score) === s.scoreCenti &&
          s.tier === expected &&
          validateRiskModel(c).ok
        );
      }),
      { numRuns: 500 },
    );
  });

  it('the bulk path (scoreCompact) gives the same score, tier and stored parts as scoreTarget', () => {
    fc.assert(
      fc.property(configArb, factsArb, (c, f) => {
        const full = scoreTarget(f, c, AS_OF);
        const lean = scoreCompact(f, c, AS_OF);
        return (
          lean.score === full.score &&
          lean.tier === full.tier &&
          JSON.stringify(lean.stored) === JSON.stringify(compactContributions(full))
        );
      }),
      { numRuns: 300 },
    );
  });
});
