// Task specs, plan flow and seed input: art. 42 quotas, disjoint strata, transitions, dice normalisation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBeaconSeedPlan,
  checkTaskSpec,
  defaultQuota,
  estimateScheme,
  nextPlanStatus,
  normaliseBeaconSeed,
  normaliseDiceSeed,
  overlapCandidates,
  schemeShapes,
  stratumHolds,
  taskSpecSchema,
  type SchemeRequest,
} from '../../src/workflow';

const base = taskSpecSchema.parse({
  title: '2026 年食品经营者抽查',
  itemIds: ['00000000-0000-4000-8000-000000000001'],
  scope: {},
  strata: [{ name: 'all', tiers: null, ratio: '0.05' }],
  windowStart: '2026-03-01',
  windowEnd: '2026-05-31',
});

describe('checkTaskSpec', () => {
  it('defaults the quota by art. 42: two for one department, one each when joint', () => {
    expect(defaultQuota('A', [])).toEqual({ A: 2 });
    expect(defaultQuota('A', ['B', 'C'])).toEqual({ A: 1, B: 1, C: 1 });
    const r = checkTaskSpec(base, 'A');
    expect(r.ok && r.value.quota).toEqual({ A: 2 });
  });
  it('refuses a single-department quota of one', () => {
    const r = checkTaskSpec({ ...base, quota: { A: 1 } }, 'A');
    expect(r.ok).toBe(false);
  });
  it('refuses a quota that misses a participating department', () => {
    const r = checkTaskSpec({ ...base, participants: ['B'], quota: { A: 2 } }, 'A');
    expect(r.ok).toBe(false);
  });
  it('refuses overlapping strata and a window that ends before it starts', () => {
    const r = checkTaskSpec(
      {
        ...base,
        windowEnd: '2026-02-01',
        strata: [
          { name: 'A', tiers: ['A', 'B'], ratio: '0.03', min: 0, max: null },
          { name: 'B', tiers: ['B'], ratio: '0.1', min: 0, max: null },
        ],
      },
      'L',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues?.map((i) => i.field)).toEqual(['windowEnd', 'strata.1.tiers']);
    }
  });
  it('takes a tier source only for strata by tier; none by default', () => {
    expect(base.tierSource).toBeNull();
    const tiered = [
      { name: '高', tiers: ['C', 'D'], ratio: '0.1', min: 0, max: null },
      { name: '低', tiers: ['A', 'B', 'unrated'], ratio: '0.02', min: 0, max: null },
    ] as const;
    const imported = checkTaskSpec(
      taskSpecSchema.parse({ ...base, strata: tiered, tierSource: 'imported' }),
      'L',
    );
    expect(imported.ok && imported.value.tierSource).toBe('imported');
    const flat = checkTaskSpec({ ...base, tierSource: 'computed' }, 'L');
    expect(flat.ok).toBe(false);
    if (!flat.ok) {
      expect(flat.error.issues?.map((i) => i.field)).toEqual(['tierSource']);
    }
    expect(taskSpecSchema.safeParse({ ...base, tierSource: 'national' }).success).toBe(false);
  });
  it('places targets in strata by tier, unrated included when asked', () => {
    expect(stratumHolds({ tiers: null }, 'A')).toBe(true);
    expect(stratumHolds({ tiers: ['D'] }, 'D')).toBe(true);
    expect(stratumHolds({ tiers: ['D'] }, null)).toBe(false);
    expect(stratumHolds({ tiers: ['unrated'] }, null)).toBe(true);
  });
});

describe('plan flow', () => {
  it('runs draft → submitted → approved → published, and revises', () => {
    let s = nextPlanStatus('draft', 'submit');
    expect(s.ok && s.value).toBe('submitted');
    s = nextPlanStatus('submitted', 'approve');
    expect(s.ok && s.value).toBe('approved');
    s = nextPlanStatus('approved', 'publish');
    expect(s.ok && s.value).toBe('published');
    s = nextPlanStatus('published', 'revise');
    expect(s.ok && s.value).toBe('revising');
    s = nextPlanStatus('submitted', 'return', 1);
    expect(s.ok && s.value).toBe('revising');
    s = nextPlanStatus('submitted', 'return', 0);
    expect(s.ok && s.value).toBe('draft');
  });
  it('refuses to submit twice or publish an unapproved plan', () => {
    const twice = nextPlanStatus('submitted', 'submit');
    expect(!twice.ok && twice.error.code).toBe('INVALID_STATE');
    expect(nextPlanStatus('draft', 'publish').ok).toBe(false);
    expect(nextPlanStatus('published', 'approve').ok).toBe(false);
  });
});

describe('seed input (spec §2)', () => {
  it('converts full-width digits and strips spaces and separators', () => {
    const r = normaliseDiceSeed('０１３８ 2438-1127，9731 6654');
    expect(r.ok && r.value).toBe('01382438112797316654');
  });
  it('needs at least 20 digits and digits only', () => {
    expect(normaliseDiceSeed('1234567890123456789').ok).toBe(false);
    const r = normaliseDiceSeed('1234567890123456789a0');
    expect(!r.ok && r.error.messageZh).toContain('a');
  });
  it('keeps any 20+ ASCII digit string as it is', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{20,40}$/), (d) => {
        const r = normaliseDiceSeed(d);
        expect(r.ok && r.value).toBe(d);
      }),
    );
  });
  it('normalises beacon values and requires a named round', () => {
    const r = normaliseBeaconSeed(' 0xABCDEF0123456789 ');
    expect(r.ok && r.value).toBe('abcdef0123456789');
    expect(normaliseBeaconSeed('xyz').ok).toBe(false);
    expect(checkBeaconSeedPlan('drand quicknet round 1234567').ok).toBe(true);
    expect(checkBeaconSeedPlan('some beacon later').ok).toBe(false);
  });
});

describe('scheme generation and overlaps', () => {
  const req: SchemeRequest = {
    titlePrefix: '2026 联合抽查',
    lead: 'L',
    cooperating: ['P'],
    items: [
      { id: 'i1', departmentCode: 'L', name: 'x' },
      { id: 'i2', departmentCode: 'P', name: 'y' },
    ],
    scope: {
      types: [],
      divisions: ['500112', '500103'],
      industries: [],
      tags: [],
      statuses: [],
      claimedBy: [],
    },
    grouping: 'joint',
    strata: [{ name: 'all', tiers: null, ratio: '0.05', min: 0, max: null }],
    windowStart: '2026-03-01',
    windowEnd: '2026-04-30',
  };
  it('a joint task visits once for both departments', () => {
    const shapes = schemeShapes(req);
    expect(shapes).toHaveLength(1);
    const [t] = estimateScheme(req, shapes, [[1000]]);
    expect(t?.visits).toBe(50);
    expect(t?.separateVisits).toBe(100);
    expect(t?.quota).toEqual({ L: 1, P: 1 });
  });
  it('splits by department and by division', () => {
    expect(schemeShapes({ ...req, grouping: 'byDepartment' }).map((s) => s.lead)).toEqual(['L', 'P']);
    expect(schemeShapes({ ...req, grouping: 'byDivision' }).map((s) => s.scope.divisions)).toEqual([
      ['500112'],
      ['500103'],
    ]);
  });
  it('pairs tasks of different departments with overlapping windows', () => {
    const t = (id: string, lead: string, a: string, b: string) => ({
      id,
      title: id,
      lead,
      participants: [],
      windowStart: a,
      windowEnd: b,
    });
    const pairs = overlapCandidates([
      t('1', 'L', '2026-03-01', '2026-03-31'),
      t('2', 'P', '2026-03-31', '2026-04-30'),
      t('3', 'L', '2026-03-10', '2026-03-12'),
      t('4', 'Q', '2026-05-01', '2026-05-02'),
    ]);
    expect(pairs.map(([a, b]) => `${a.id}-${b.id}`)).toEqual(['1-2']);
  });
});
