// The task ratio-cap rule (domain.md): exact overall ratio, strictest general cap, key items uncapped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bindingCap,
  checkRatioCap,
  evaluateRatioCap,
  fractionPercent,
  overallRatio,
} from '../../src/workflow';

const general = (cap: string) => ({ priority: 'general' as const, ratioCap: cap });
const key = { priority: 'key' as const, ratioCap: null };

describe('bindingCap', () => {
  it('is null for key items only', () => {
    expect(bindingCap([key, key])).toBeNull();
  });
  it('takes the strictest general cap when key and general items mix', () => {
    expect(bindingCap([key, general('0.1'), general('0.05'), general('0.2')])?.text).toBe('0.05');
  });
});

describe('overallRatio (hand-computed)', () => {
  it('A 1000 × 3 %, B 500 × 10 %, C 200 × 20 %, D 100 × 30 % = 150/1800 = 8.33…%', () => {
    const r = overallRatio([
      { name: 'A', ratio: '0.03', frameSize: 1000 },
      { name: 'B', ratio: '0.1', frameSize: 500 },
      { name: 'C', ratio: '0.2', frameSize: 200 },
      { name: 'D', ratio: '0.3', frameSize: 100 },
    ]);
    expect(r.ok).toBe(true);
    if (r.ok && r.value !== null) {
      // 30 + 50 + 40 + 30 = 150 of 1800
      expect(r.value.num * 1800n).toBe(150n * r.value.den);
      expect(fractionPercent(r.value)).toBe('8.33%');
    }
  });
  it('is null when every frame is empty', () => {
    const r = overallRatio([{ name: 'all', ratio: '0.5', frameSize: 0 }]);
    expect(r.ok && r.value === null).toBe(true);
  });
  it('refuses a non-canonical ratio', () => {
    expect(overallRatio([{ name: 'all', ratio: '0.10', frameSize: 5 }]).ok).toBe(false);
  });
});

describe('checkRatioCap', () => {
  it('lets tier D exceed the cap while the overall ratio stays within', () => {
    const strata = [
      { name: 'A', ratio: '0.05', frameSize: 900 },
      { name: 'D', ratio: '0.3', frameSize: 100 },
    ];
    // (45 + 30) / 1000 = 7.5 % ≤ 10 %
    const r = checkRatioCap([general('0.1')], strata);
    expect(r.ok && r.value.within).toBe(true);
  });
  it('refuses an overall ratio above the cap, exactly at the boundary', () => {
    // exactly 10 %: 100 × 0.1 → within
    expect(checkRatioCap([general('0.1')], [{ name: 'all', ratio: '0.1', frameSize: 100 }]).ok).toBe(true);
    // (1 × 0.1000000001) over 1 → above by 1e-10
    const r = checkRatioCap([general('0.1')], [{ name: 'all', ratio: '0.1000000001', frameSize: 1 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.messageZh).toContain('10%');
    }
  });
  it('binds the strictest general cap, not the key item', () => {
    const strata = [{ name: 'all', ratio: '0.08', frameSize: 1000 }];
    expect(checkRatioCap([key, general('0.1')], strata).ok).toBe(true);
    expect(checkRatioCap([key, general('0.1'), general('0.05')], strata).ok).toBe(false);
    expect(checkRatioCap([key], [{ name: 'all', ratio: '1', frameSize: 1000 }]).ok).toBe(true);
  });
  it('computes exactly where floats would err (0.1 + 0.2 style)', () => {
    // 1 × 0.1 + 1 × 0.2 over 2 = 0.15 exactly; cap 0.15 → within
    const r = evaluateRatioCap(
      [general('0.15')],
      [
        { name: 'A', ratio: '0.1', frameSize: 1 },
        { name: 'B', ratio: '0.2', frameSize: 1 },
      ],
    );
    expect(r.ok && r.value.within).toBe(true);
  });
});

describe('properties', () => {
  const ratio = fc.integer({ min: 1, max: 9999 }).map((n) => {
    const s = `0.${String(n).padStart(4, '0')}`.replace(/0+$/, '');
    return s;
  });
  it('equals Σ(frame × ratio) ÷ Σ frame computed with scaled integers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ratio, frameSize: fc.integer({ min: 0, max: 1_000_000 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (rows) => {
          const strata = rows.map((r, i) => ({ name: String(i), ...r }));
          const total = rows.reduce((a, r) => a + BigInt(r.frameSize), 0n);
          const scaled = rows.reduce(
            (a, r) => a + BigInt(r.frameSize) * BigInt(r.ratio.slice(2).padEnd(4, '0')),
            0n,
          ); // × 10^4
          const o = overallRatio(strata);
          expect(o.ok).toBe(true);
          if (o.ok) {
            if (total === 0n) {
              expect(o.value).toBeNull();
            } else {
              expect(o.value).not.toBeNull();
              if (o.value !== null) {
                expect(o.value.num * 10_000n * total).toBe(scaled * o.value.den);
              }
            }
          }
        },
      ),
    );
  });
  it('every stratum within the cap implies the task is within', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ratio, frameSize: fc.integer({ min: 0, max: 100_000 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        ratio,
        (rows, cap) => {
          const strata = rows.map((r, i) => ({ name: String(i), ...r }));
          const capNum = Number(cap);
          fc.pre(rows.every((r) => Number(r.ratio) <= capNum));
          const r = evaluateRatioCap([general(cap)], strata);
          expect(r.ok && r.value.within).toBe(true);
        },
      ),
    );
  });
});
