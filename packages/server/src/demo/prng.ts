/**
 * A small seeded PRNG for demo data: sfc32 seeded by a cyrb128 hash of a string. Fast and
 * deterministic on every platform; not for draws (those use the ticket scheme of spec §2).
 */

/** A deterministic stream of random choices. */
export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  u32(): number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n), without modulo bias (rejection sampling). */
  int(n: number): number;
  /** An integer in [lo, hi], both included. */
  range(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One value by weight: entries are [value, weight > 0]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** k distinct elements, in random order (k ≤ items.length). */
  sample<T>(items: readonly T[], k: number): T[];
}

// cyrb128 (bryc): four 32-bit words from a string, to seed sfc32.
function cyrb128(s: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator for one seed string; use one per section (`${seed}/targets`) so sections stay independent. */
export function createRng(seed: string): Rng {
  let [a, b, c, d] = cyrb128(seed);
  const u32 = (): number => {
    // sfc32 (Chris Doty-Humphrey), as in PractRand.
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of sfc32 from a hashed seed are fine, but cheap to skip.
  for (let i = 0; i < 12; i++) {
    u32();
  }
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) {
      throw new RangeError(`int: n must be an integer in 1..2^32, got ${n}`);
    }
    const limit = Math.floor(2 ** 32 / n) * n; // reject the biased tail (house style: no x % range)
    for (;;) {
      const x = u32();
      if (x < limit) {
        return x % n;
      }
    }
  };
  const pick = <T>(items: readonly T[]): T => {
    const v = items[int(items.length)];
    if (v === undefined) {
      throw new RangeError('pick: empty array');
    }
    return v;
  };
  return {
    u32,
    next: () => u32() / 2 ** 32,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => u32() / 2 ** 32 < p,
    pick,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let x = (u32() / 2 ** 32) * total;
      for (const [v, w] of entries) {
        x -= w;
        if (x < 0) {
          return v;
        }
      }
      const last = entries[entries.length - 1];
      if (!last) {
        throw new RangeError('weighted: no entries');
      }
      return last[0];
    },
    sample: <T>(items: readonly T[], k: number): T[] => {
      const copy = [...items];
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + int(copy.length - i);
        const tmp = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = tmp;
      }
      return copy.slice(0, n);
    },
  };
}

/** A weighted choice precomputed once (cumulative weights, binary search): for hot loops. */
export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = entries.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    total += w;
    cumulative.push(total);
  }
  if (values.length === 0 || !(total > 0)) {
    throw new RangeError('weightedPicker: no positive weights');
  }
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < (cumulative[mid] ?? total)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return values[lo] as T;
  };
}
