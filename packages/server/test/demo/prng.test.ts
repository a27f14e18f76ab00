// The demo PRNG: reproducible, unbiased enough, and within bounds.
import { describe, expect, it } from 'vitest';
import { createRng, weightedPicker } from '../../src/demo/prng';

describe('createRng', () => {
  it('reproduces a stream from its seed', () => {
    const a = createRng('x');
    const b = createRng('x');
    const c = createRng('y');
    const xs = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(xs);
  });
  it('keeps int, range and pick within bounds, roughly uniform', () => {
    const rng = createRng('bounds');
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) {
      const v = rng.int(7);
      counts[v] = (counts[v] ?? 0) + 1;
    }
    for (const c of counts) {
      expect(c).toBeGreaterThan(9_400);
      expect(c).toBeLessThan(10_600);
    }
    for (let i = 0; i < 1000; i++) {
      const v = rng.range(3, 5);
      expect(v >= 3 && v <= 5).toBe(true);
      expect(rng.next()).toBeLessThan(1);
    }
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
  it('samples distinct elements and picks by weight', () => {
    const rng = createRng('sample');
    const s = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
    const pick = weightedPicker([
      ['a', 9],
      ['b', 1],
    ] as const);
    let a = 0;
    for (let i = 0; i < 10_000; i++) {
      a += pick(rng) === 'a' ? 1 : 0;
    }
    expect(a).toBeGreaterThan(8_700);
    expect(a).toBeLessThan(9_300);
    expect(rng.weighted([['only', 1]])).toBe('only');
  });
});
