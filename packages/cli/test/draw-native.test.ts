/**
 * Every hasher path gives identical results (house style): the native addon (when built), the JS
 * midstate compressor, node:crypto and core's noble default, on short, long (> 55 bytes) and
 * non-ASCII ids, and whole draws through each path. The native scanner (checks, hashing, heap in
 * C) equals the JS reference scanner on random frames fed in random pieces, with multi-byte ids
 * that straddle the cuts.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareTicketThenId,
  compareUtf8,
  hashHex,
  nobleTicketHasher,
  parseRatio,
  ticket,
} from '@openssj/core';
import { createLineScanner, loadNative } from '@openssj/server/draw-engine';
import { asTicketHasher, pickLineHasher, type HasherChoice } from '../src/draw/line-hasher';
import { drawFromFile, picksOf } from '../src/draw/parallel-draw';
import { put, tmp } from './draw-helpers';

const native = loadNative();
const choices: HasherChoice[] =
  native === null ? ['js', 'node', 'node-hash'] : ['native', 'js', 'node', 'node-hash'];
const idArb = fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }).filter((s) => !/[\n\t\r]/.test(s));

describe('hasher paths agree', () => {
  it(`digests equal node:crypto and noble (${choices.join(', ')})`, () => {
    const noble = nobleTicketHasher();
    fc.assert(
      fc.property(fc.string(), fc.array(idArb, { maxLength: 12 }), (seed, ids) => {
        const prefix = hashHex(seed);
        const want = Buffer.concat(
          ids.map((id) =>
            createHash('sha256')
              .update(prefix + id, 'utf8')
              .digest(),
          ),
        );
        expect(Buffer.from(noble.hashBatch(prefix, ids)).equals(want)).toBe(true);
        for (const c of choices) {
          const h = pickLineHasher(c);
          expect(h).not.toBeNull();
          if (h !== null) {
            expect(Buffer.from(asTicketHasher(h).hashBatch(prefix, ids)).equals(want), c).toBe(true);
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('whole draws agree on every scanner, with units, long and non-ASCII ids', async () => {
    const ids = [
      ...new Set(
        Array.from({ length: 3000 }, (_, i) =>
          i % 7 === 0 ? `长-${i}-` + 'x'.repeat(i % 90) : `9151${String(i * 7919).padStart(14, '0')}`,
        ),
      ),
    ].sort(compareUtf8);
    const text = ids.map((id, i) => `${id}\tU${i % 5}\n`).join('');
    const path = put(tmp(), 'mixed.txt', text);
    const ratio = parseRatio('0.01');
    if (!ratio.ok) {
      throw new Error('ratio');
    }
    const scanners = native === null ? (['js'] as const) : (['native', 'js'] as const);
    const runs = await Promise.all(
      scanners.flatMap((scanner) =>
        [undefined, 2].map((workers) =>
          drawFromFile({
            path,
            seed: '种子 seed',
            ratio: ratio.value,
            scanner,
            ...(workers === undefined ? {} : { workers }),
          }),
        ),
      ),
    );
    const first = runs[0];
    const want = ids
      .map((id) => ({ id, ticket: ticket('种子 seed', id) }))
      .sort((a, b) => compareTicketThenId(a.ticket, a.id, b.ticket, b.id))
      .slice(0, 30);
    expect(first?.ok && picksOf(first.text)).toEqual(want);
    for (const r of runs) {
      expect(r.ok && picksOf(r.text)).toEqual(want);
    }
  });

  it('scanners report the same issues and lines', async () => {
    const dir = tmp();
    const bad: [string, string][] = [
      ['a\nb\nb\n', 'line 3: duplicate id b (same as the line before)'],
      ['a\nc\nb\n', 'line 3: out of order: sorts before the line before, in UTF-8 byte order'],
      ['a\n\nb\n', 'line 2: empty line'],
      ['a\nb\r\n', 'line 2: contains a carriage return (CR)'],
      ['\ufeffa\nb\n', 'line 1: the file starts with a byte-order mark'],
      ['a\tU\nb\n', 'line 2: no UNIT, while the first line has one'],
      ['a\nb\tU\n', 'line 2: has a UNIT, while the first line has none'],
      ['a\tU\tV\n', 'line 1: more than one TAB'],
      ['a\nb', 'line 2: the last line does not end in \\n'],
      ['a\nb\xff\n', 'line 2: not valid UTF-8'],
      ['a\n\tU\n', 'line 2: empty ID'],
    ];
    const scanners = native === null ? (['js'] as const) : (['native', 'js'] as const);
    for (const [i, [text, message]] of bad.entries()) {
      const bytes = Buffer.from(text, text.includes('\xff') ? 'latin1' : 'utf8');
      const path = put(dir, `bad-${i}.txt`, bytes);
      for (const scanner of scanners) {
        const r = await drawFromFile({ path, seed: 's', size: 1, scanner });
        expect(r.ok ? 'ok' : r.message, `${scanner} ${JSON.stringify(text)}`).toBe(message);
      }
    }
  });

  it.skipIf(native === null)(
    'the native scanner equals the JS reference on random frames fed in random chunks',
    () => {
      // ids of 1–4-byte UTF-8 characters, so that chunk cuts fall inside multi-byte characters
      const idArb2 = fc
        .array(fc.constantFrom('a', 'Z', '0', '9', 'é', '长', '𠮷', '-', '企'), {
          minLength: 1,
          maxLength: 30,
        })
        .map((cs) => cs.join(''));
      fc.assert(
        fc.property(
          fc.uniqueArray(idArb2, { minLength: 0, maxLength: 60 }),
          fc.boolean(),
          fc.integer({ min: 0, max: 70 }),
          fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
          fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
          fc.string(),
          (raw, units, k, cuts, breakAt, seed) => {
            const ids = [...raw].sort(compareUtf8);
            if (breakAt !== undefined && breakAt + 1 < ids.length) {
              // make a defect: swap two lines, or repeat one
              const a = ids[breakAt] ?? '';
              ids[breakAt] = ids[breakAt + 1] ?? '';
              ids[breakAt + 1] = breakAt % 2 === 0 ? a : (ids[breakAt] ?? '');
            }
            const bytes = Buffer.from(ids.map((id) => (units ? `${id}\tU1\n` : `${id}\n`)).join(''), 'utf8');
            const prefixHex64 = hashHex(seed);
            const results = (['native', 'js'] as const).map((choice) => {
              const sc = createLineScanner(choice, { prefixHex64, k, withUnits: null, fileStart: true });
              if (sc === null) {
                throw new Error(choice);
              }
              // feed like a pipe: bytes arrive in pieces; unconsumed tails carry over
              let carry = Buffer.alloc(0);
              let issue: string | null = null;
              let pos = 0;
              let c = 0;
              while (pos < bytes.length && issue === null) {
                const n = cuts[c++ % cuts.length] ?? 1;
                const buf = Buffer.concat([carry, bytes.subarray(pos, pos + n)]);
                pos += n;
                const r = sc.feed(buf, 0, buf.length);
                issue = r.issue === null ? null : `${r.issue.line} ${r.issue.code} ${r.issue.message}`;
                carry = Buffer.from(buf.subarray(r.next));
              }
              return {
                issue,
                edges: sc.edges(),
                packed: issue === null ? Buffer.from(sc.packedWinners()) : null,
                text: issue === null ? Buffer.from(sc.textWinners()).toString('utf8') : null,
              };
            });
            const [n, j] = results;
            expect(n?.issue).toBe(j?.issue);
            expect(n?.edges.lines).toBe(j?.edges.lines);
            expect(n?.packed?.equals(j?.packed ?? Buffer.alloc(0)) ?? null).toBe(
              j?.packed === null ? null : true,
            );
            expect(n?.text).toBe(j?.text);
            if (j?.issue === null && j.text !== null) {
              const want = [...new Set(ids)]
                .map((id) => ({ id, ticket: ticket(seed, id) }))
                .sort((a, b) => compareTicketThenId(a.ticket, a.id, b.ticket, b.id))
                .slice(0, k)
                .map((p) => `${p.ticket} ${p.id}\n`)
                .join('');
              expect(j.text).toBe(want);
            }
          },
        ),
        { numRuns: 150 },
      );
    },
  );
});
