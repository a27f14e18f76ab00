/** `ssj draw` (spec §8): output, exit codes, streaming checks with line numbers, 1M-line frames. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { drawRecordSchema, parseRatio, selectIds, ticket } from '@openssj/core';
import { run } from '../src/commands/draw';
import { drawFromFile, picksOf } from '../src/draw/parallel-draw';
import { asTicketHasher, jsLineHasher } from '../src/draw/line-hasher';
import { generatedIds, put, ssj, tmp, vectors } from './draw-helpers';

const v = vectors();
const basic = drawRecordSchema.parse(v.cases['basic']?.record);
const strat = drawRecordSchema.parse(v.cases['stratified']?.record);
const dir = tmp();
const basicFrame = put(dir, 'basic-all.txt', v.cases['basic']?.frameFiles['all'] ?? '');
const stratB = put(dir, 'strat-B.txt', v.cases['stratified']?.frameFiles['B'] ?? '');

describe('ssj draw', () => {
  it('prints the vector selection as TICKET ID lines, nothing else on stdout', async () => {
    const r = await ssj(['draw', '--seed', basic.seed, '--ratio', '0.25', basicFrame]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(basic.selected.map((s) => `${s.ticket} ${s.id}\n`).join(''));
    expect(r.stderr).toMatch(/scanner (native|js)/);
    const bySize = await ssj(['draw', `--seed=${basic.seed}`, '--size', '5', basicFrame]);
    expect(bySize.stdout).toBe(r.stdout);
  });

  it('uses the ID alone on ID<TAB>UNIT lines', async () => {
    const r = await ssj(['draw', '--seed', strat.seed, '--size', '2', stratB]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      strat.selected
        .filter((s) => s.stratum === 'B')
        .map((s) => `${s.ticket} ${s.id}\n`)
        .join(''),
    );
  });

  it('exit 2 on unusable input, naming the line (spawned)', async () => {
    const unsorted = put(dir, 'unsorted.txt', 'a\nc\nb\n');
    const dup = put(dir, 'dup.txt', 'a\nb\nb\n');
    const cases: [string[], RegExp][] = [
      [['draw', '--seed', 's', '--size', '1', unsorted], /line 3: out of order/],
      [['draw', '--seed', 's', '--size', '1', dup], /line 3: duplicate id b/],
      [['draw', '--size', '1', basicFrame], /missing --seed/],
      [['draw', '--seed', 's', '--ratio', '0.250', basicFrame], /not canonical/],
    ];
    const runs = await Promise.all(cases.map(([args]) => ssj(args)));
    runs.forEach((r, i) => {
      expect(r.code, cases[i]?.[0].join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(cases[i]?.[1] ?? /./);
    });
  });

  it('exit 2 on unusable input (in-process)', async () => {
    const cr = put(dir, 'cr.txt', 'a\r\nb\n');
    const cases: [string[], RegExp][] = [
      [['--seed', 's', '--size', '1', cr], /line 1: contains a carriage return/],
      [['--seed', '', '--size', '1', basicFrame], /empty seed/],
      [['--seed', 's', '--ratio', '0.25', '--size', '3', basicFrame], /exactly one of --ratio and --size/],
      [['--seed', 's', '--size', '3', '--fast', basicFrame], /Unknown option/],
      [['--seed', 's', '--size', '3', join(dir, 'missing.txt')], /cannot read/],
      [['--seed', 's', '--size', '-1', basicFrame], /--size|Unknown option/],
      [['--seed', 's', '--size', '1.5', basicFrame], /--size must be a whole number/],
      [['--seed', 's', '--size', '1'], /missing FRAME_FILE/],
    ];
    for (const [args, message] of cases) {
      const err: string[] = [];
      const out: string[] = [];
      const e = vi
        .spyOn(process.stderr, 'write')
        .mockImplementation((chunk: string | Uint8Array) => err.push(String(chunk)) > 0);
      const o = vi
        .spyOn(process.stdout, 'write')
        .mockImplementation((chunk: string | Uint8Array) => out.push(String(chunk)) > 0);
      try {
        expect(await run(args), args.join(' ')).toBe(2);
      } finally {
        e.mockRestore();
        o.mockRestore();
      }
      expect(out).toEqual([]);
      expect(err.join('')).toMatch(message);
    }
  });

  describe('a generated 1M-line frame', () => {
    const ids = generatedIds(1_000_000);
    let frame = '';
    beforeAll(() => {
      frame = put(dir, 'f1m.txt', ids.map((id) => id + '\n').join(''));
    });

    it('draws on worker threads what core selects in one thread', async () => {
      const r = await ssj(['draw', '--seed', '01382438112797316654', '--ratio', '0.00003', frame], {
        SSJ_DRAW_WORKERS: '2',
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/2 worker threads, 1000000 lines, k = 30/);
      const core = selectIds('01382438112797316654', ids, 30, asTicketHasher(jsLineHasher()));
      expect(r.stdout).toBe(core.map((p) => `${p.ticket} ${p.id}\n`).join(''));
      const first = core[0];
      expect(first && ticket('01382438112797316654', first.id)).toBe(first?.ticket);
    });

    it('names the line of a disorder, wherever the ranges split', async () => {
      const swapped = [...ids];
      swapped[700_000] = ids[700_001] ?? '';
      swapped[700_001] = ids[700_000] ?? '';
      const bad = put(dir, 'f1m-bad.txt', swapped.map((id) => id + '\n').join(''));
      const r = await ssj(['draw', '--seed', 's', '--size', '3', bad], { SSJ_DRAW_WORKERS: '2' });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/line 700002: out of order/);
      // a duplicate exactly where two ranges meet (2 and 3 workers)
      for (const workers of [2, 3]) {
        const text = ids.slice(0, 1000).map((id) => id + '\n');
        const at = 500;
        text[at] = text[at - 1] ?? '';
        const p = join(dir, `dup-${workers}.txt`);
        writeFileSync(p, text.join(''));
        const res = await drawFromFile({ path: p, seed: 's', size: 3, workers, scanner: 'js' });
        expect(res.ok ? 'ok' : res.message).toBe(
          `line ${at + 1}: duplicate id ${ids[at - 1] ?? ''} (same as the line before)`,
        );
      }
    });

    it('gives the same picks in-process and on 3 workers, with every scanner', async () => {
      const small = put(
        dir,
        'f50k.txt',
        ids
          .slice(0, 50_000)
          .map((id) => id + '\n')
          .join(''),
      );
      const ratio = parseRatio('0.001');
      expect(ratio.ok).toBe(true);
      if (!ratio.ok) {
        return;
      }
      const runs = await Promise.all(
        (
          [
            [undefined, 'js'],
            [3, 'js'],
            [3, 'auto'],
            [undefined, 'auto'],
          ] as const
        ).map(([workers, scanner]) =>
          drawFromFile({
            path: small,
            seed: 'x',
            ratio: ratio.value,
            scanner,
            ...(workers === undefined ? {} : { workers }),
          }),
        ),
      );
      const first = runs[0];
      expect(first?.ok && picksOf(first.text).length).toBe(50);
      for (const r of runs) {
        expect(r.ok && picksOf(r.text)).toEqual(first?.ok && picksOf(first.text));
      }
    });
  });
});
