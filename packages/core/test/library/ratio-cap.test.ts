// Ratio caps: what people write → canonical decimal text (spec §3), and back to a percentage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANONICAL_RATIO } from '../../src/draw';
import { formatRatioPercent, normalizeRatioCap } from '../../src/library';

describe('normalizeRatioCap', () => {
  it.each([
    ['10%', '0.1'],
    ['10 %', '0.1'],
    ['10％', '0.1'],
    ['0.1', '0.1'],
    ['0.10', '0.1'],
    ['.1', '0.1'],
    ['12.5%', '0.125'],
    ['5%', '0.05'],
    ['0.5%', '0.005'],
    ['100%', '1'],
    ['1', '1'],
    ['1.0', '1'],
    ['030%', '0.3'],
  ])('%s → %s', (input, out) => {
    expect(normalizeRatioCap(input)).toEqual({ ok: true, value: out });
  });

  it.each(['0', '0%', '0.0', '101%', '1.5', '2', 'abc', '', '.', '%', '10%%', '-10%', '1e-1'])(
    'rejects %j',
    (input) => {
      const r = normalizeRatioCap(input, { field: 'ratioCap', row: 4 });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatchObject({ row: 4, field: 'ratioCap', value: input });
        expect(r.error.messageZh).toContain('抽查比例上限');
      }
    },
  );

  it('rejects more than 12 decimal places', () => {
    expect(normalizeRatioCap('0.0000000000001').ok).toBe(false);
  });

  it('property: any percentage p/100 with up to 4 decimals normalises to a canonical ratio equal to the decimal form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (n) => {
        // n / 10^4 percent = n / 10^6 as a fraction
        const pct = `${String(n / 10_000)}%`;
        const dec = (n / 1_000_000).toFixed(6);
        const a = normalizeRatioCap(pct);
        const b = normalizeRatioCap(dec);
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok) {
          expect(a.value).toBe(b.value);
          expect(CANONICAL_RATIO.test(a.value)).toBe(true);
        }
      }),
    );
  });

  it('property: canonical ratios are fixed points', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0\.[0-9]{0,8}[1-9]$/), (s) => {
        expect(normalizeRatioCap(s)).toEqual({ ok: true, value: s });
      }),
    );
  });
});

describe('formatRatioPercent', () => {
  it.each([
    ['0.1', '10%'],
    ['0.05', '5%'],
    ['0.125', '12.5%'],
    ['0.005', '0.5%'],
    ['1', '100%'],
    ['0.3', '30%'],
  ])('%s → %s', (c, out) => {
    expect(formatRatioPercent(c)).toBe(out);
  });
});
