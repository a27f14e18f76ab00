/** Unit and property tests of the draw primitives: UTF-8 order, tickets, sort keys, hashers, ratios, JCS. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  canonicalJson,
  compareUtf8,
  decimalDigitsOfHex,
  hashHex,
  nobleTicketHasher,
  parseRatio,
  sampleSize,
  sortKeyInto,
  ticket,
  ticketFromDigest,
  utf8Encode,
  type JsonValue,
} from '../../src/draw';

const jsonSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);
const jsonValue = (x: unknown): JsonValue => jsonSchema.parse(x);

describe('utf8', { timeout: 30_000 }, () => {
  it('encodes like TextEncoder (including lone surrogates)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Encode(s)).toEqual(new Uint8Array(Buffer.from(new TextEncoder().encode(s))));
      }),
    );
  });

  it('compareUtf8 is UTF-8 byte order (Buffer.compare) for well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareUtf8(a, b))).toBe(
          Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')),
        );
      }),
    );
    // the case where UTF-16 order and UTF-8 order disagree
    expect('\uffff' < '😀').toBe(false);
    expect(compareUtf8('\uffff', '😀')).toBe(-1);
  });
});

describe('tickets (spec §2)', { timeout: 30_000 }, () => {
  it('H is lowercase SHA-256 hex of UTF-8', () => {
    expect(hashHex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashHex('统一')).toBe(createHash('sha256').update('统一', 'utf8').digest('hex'));
  });

  it('D left-pads to 64 digits, and keeps all 78 when longer', () => {
    expect(decimalDigitsOfHex('0'.repeat(63) + '1')).toBe('0'.repeat(63) + '1');
    expect(decimalDigitsOfHex('f'.repeat(64))).toHaveLength(78);
  });

  it('ticket = "0." + reverse(D(H(S) + X))', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (s, x) => {
        const h = createHash('sha256')
          .update(hashHex(s) + x, 'utf8')
          .digest('hex');
        const d = BigInt('0x' + h)
          .toString()
          .padStart(64, '0');
        expect(ticket(s, x)).toBe('0.' + [...d].reverse().join(''));
      }),
      { numRuns: 50 },
    );
  });

  it('pinned: a padded D gives trailing zeros, and string order still equals numeric order', () => {
    // D = 63 zeros then 1 → ticket "0.1" followed by 63 zeros; compare with a 78-digit ticket
    const small = ticketFromDigest(new Uint8Array(32).fill(0).map((_, i) => (i === 31 ? 1 : 0)));
    expect(small).toBe('0.1' + '0'.repeat(63));
    const big = ticketFromDigest(new Uint8Array(32).fill(0xff));
    expect(big.length).toBe(80);
    const num = (t: string, digits: number): bigint => BigInt(t.slice(2).padEnd(digits, '0'));
    expect(small < big).toBe(num(small, 80) < num(big, 80));
  });

  it('the 19-digit sort key is the first 19 ticket digits', () => {
    const key = new Float64Array(2);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (digest) => {
        sortKeyInto(digest, 0, key);
        const t = ticketFromDigest(digest);
        expect(String(key[0]).padStart(10, '0') + String(key[1]).padStart(9, '0')).toBe(t.slice(2, 21));
      }),
      { numRuns: 300 },
    );
    const zero = new Uint8Array(32);
    sortKeyInto(zero, 0, key);
    expect([key[0], key[1]]).toEqual([0, 0]);
  });

  it('the noble midstate hasher equals a fresh SHA-256 of prefix + id, for short and long ids', () => {
    const h = nobleTicketHasher();
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 90 }), { maxLength: 8 }), (seed, ids) => {
        const prefix = hashHex(seed);
        const out = h.hashBatch(prefix, ids);
        ids.forEach((id, i) => {
          const ref = createHash('sha256')
            .update(prefix + id, 'utf8')
            .digest();
          expect(Buffer.from(out.subarray(i * 32, i * 32 + 32)).equals(ref)).toBe(true);
        });
      }),
      { numRuns: 50 },
    );
  });
});

describe('sample size (spec §3)', { timeout: 30_000 }, () => {
  it('accepts only canonical ratios', () => {
    for (const good of ['1', '0.25', '0.03', '0.5', '0.0001']) {
      expect(parseRatio(good).ok).toBe(true);
    }
    for (const bad of ['0.250', '.25', '25%', '0', '0.', '0.0', '1.0', '1.5', ' 0.25', '0,25', '01']) {
      expect(parseRatio(bad).ok).toBe(false);
    }
  });

  it('is exact: 20 × 0.25 = 5, ceil(30 × 0.01) = 1, no float error', () => {
    const r = (s: string) => {
      const p = parseRatio(s);
      if (!p.ok) {
        throw new Error(s);
      }
      return p.value;
    };
    expect(sampleSize(20, r('0.25'), 0, null)).toBe(5);
    expect(sampleSize(30, r('0.01'), 0, null)).toBe(1);
    expect(sampleSize(100, r('0.07'), 0, null)).toBe(7); // 100 × 0.07 = 7.000000000000001 in floats
    expect(sampleSize(189_000_000, r('0.03'), 0, null)).toBe(5_670_000);
    expect(sampleSize(12, r('0.5'), 0, 3)).toBe(3);
    expect(sampleSize(30, r('0.01'), 2, null)).toBe(2);
    expect(sampleSize(3, r('0.01'), 10, null)).toBe(3); // min above the frame: the whole frame
    expect(sampleSize(0, r('1'), 5, null)).toBe(0);
  });

  it('respects ratio, min and max (property)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000_000 }),
        fc.stringMatching(/^[0-9]{0,5}[1-9]$/),
        fc.nat({ max: 1000 }),
        fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
        (n, digits, min, max) => {
          const ratio = parseRatio('0.' + digits);
          expect(ratio.ok).toBe(true);
          if (!ratio.ok) {
            return;
          }
          const k = sampleSize(n, ratio.value, min, max);
          const exact =
            (BigInt(n) * BigInt(digits) + 10n ** BigInt(digits.length) - 1n) / 10n ** BigInt(digits.length);
          expect(k).toBeLessThanOrEqual(n);
          if (max !== null) {
            expect(k).toBeLessThanOrEqual(max);
          }
          expect(k).toBeGreaterThanOrEqual(Math.min(n, max ?? Infinity, Math.max(min, Number(exact))));
          expect(k).toBe(Math.min(n, max ?? Infinity, Math.max(min, Number(exact))));
          // k/n ≥ r whenever neither max nor n caps it
          if (k < n && (max === null || k < max)) {
            expect(BigInt(k) * 10n ** BigInt(digits.length)).toBeGreaterThanOrEqual(
              BigInt(n) * BigInt(digits),
            );
          }
        },
      ),
    );
  });
});

describe('JCS (RFC 8785)', { timeout: 30_000 }, () => {
  it('sorts keys by UTF-16 code units (the RFC 8785 §3.2.3 example)', () => {
    const obj = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const keys = [...canonicalJson(obj).matchAll(/"([^"]*)":/g)].map((m) => m[1]);
    expect(keys).toEqual(['\\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], '': 0, '0': 0 })).toBe(
      '{"":0,"0":0,"a":[true,null,"x"],"b":1}',
    );
  });

  it('escapes strings as RFC 8785 does', () => {
    expect(canonicalJson('a"\\\n\u0001\u001f/é')).toBe('"a\\"\\\\\\n\\u0001\\u001f/é"');
  });

  it('round-trips and ignores key insertion order (property)', () => {
    const reverseKeys = (x: unknown): unknown =>
      Array.isArray(x)
        ? x.map(reverseKeys)
        : x !== null && typeof x === 'object'
          ? Object.fromEntries(
              Object.entries(x)
                .reverse()
                .map(([k, y]) => [k, reverseKeys(y)]),
            )
          : x;
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 3 }).filter((j) => !JSON.stringify(j).includes('"__proto__"')),
        (j) => {
          const text = canonicalJson(jsonValue(j));
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(j)));
          const other = reverseKeys(j);
          expect(canonicalJson(jsonValue(other))).toBe(text);
        },
      ),
      { numRuns: 100 },
    );
  });
});
