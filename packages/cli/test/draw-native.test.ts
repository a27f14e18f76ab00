/**
 * Every hasher path gives identical results (house style): the native addon (when built), the JS
 * midstate compressor, node:crypto and core's noble default, on short, long (> 55 bytes) and
 * non-ASCII ids, and whole draws through each path.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareUtf8, hashHex, nobleTicketHasher, parseRatio } from '@openssj/core';
import { loadNative } from '../src/draw/native';
import { asTicketHasher, pickLineHasher, type HasherChoice } from '../src/draw/line-hasher';
import { drawFromFile } from '../src/draw/parallel-draw';
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

  it('whole draws agree on every path, with units, long and non-ASCII ids', async () => {
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
    const runs = await Promise.all(
      choices.map((hasher) =>
        drawFromFile({
          path,
          seed: '种子 seed',
          ratio: ratio.value,
          hasher,
          ...(hasher === choices[0] ? { workers: 2 } : {}),
        }),
      ),
    );
    const first = runs[0];
    expect(first?.ok && first.picks.length).toBe(30);
    runs.forEach((r, i) => {
      expect(r.ok && r.hasher, choices[i]).toBe(pickLineHasher(choices[i] ?? 'js')?.name);
      expect(r.ok && r.picks).toEqual(first?.ok && first.picks);
    });
  });

  it.skipIf(native === null)(
    'native scanChunk reports the same issues and lines as the JS loop',
    async () => {
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
      ];
      for (const [i, [text, message]] of bad.entries()) {
        const path = put(dir, `bad-${i}.txt`, text);
        for (const hasher of ['native', 'js'] as const) {
          const r = await drawFromFile({ path, seed: 's', size: 1, hasher });
          expect(r.ok ? 'ok' : r.message, `${hasher} ${JSON.stringify(text)}`).toBe(message);
        }
      }
    },
  );
});
