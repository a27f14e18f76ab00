/**
 * `ssj draw … -` and named pipes (spec §8): a frame read from a stream gives the same output as the
 * file, `--ratio` works on a stream, and order and duplicate checks still name the line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawRecordSchema } from '@openssj/core';
import { put, REPO, ssj, tmp, vectors } from './draw-helpers';

const v = vectors();
const basic = drawRecordSchema.parse(v.cases['basic']?.record);
const frame = v.cases['basic']?.frameFiles['all'] ?? '';
const want = basic.selected.map((s) => `${s.ticket} ${s.id}\n`).join('');

describe('ssj draw from a stream', () => {
  it('reads stdin with -, by --size and by --ratio', async () => {
    const bySize = await ssj(['draw', '--seed', basic.seed, '--size', '5', '-'], {}, frame);
    expect(bySize.code).toBe(0);
    expect(bySize.stdout).toBe(want);
    expect(bySize.stderr).toMatch(/, stream,/);
    const byRatio = await ssj(['draw', '--seed', basic.seed, '--ratio', '0.25', '-'], {}, frame);
    expect(byRatio.stdout).toBe(want);
    expect(byRatio.stderr).toMatch(/spooled for --ratio/);
  });

  it('names the line of an out-of-order or duplicated id read from stdin, on every scanner', async () => {
    const lines = frame.split('\n').filter((l) => l.length > 0);
    const dup = [...lines.slice(0, 7), lines[6] ?? '', ...lines.slice(7)].map((l) => l + '\n').join('');
    const swapped = [...lines];
    [swapped[11], swapped[12]] = [swapped[12] ?? '', swapped[11] ?? ''];
    for (const scanner of ['native', 'js']) {
      const env = { SSJ_DRAW_SCANNER: scanner };
      const d = await ssj(['draw', '--seed', 's', '--size', '2', '-'], env, dup);
      if (scanner === 'native' && /not built/.test(d.stderr)) {
        continue;
      }
      expect(d.code).toBe(2);
      expect(d.stderr).toContain(`stdin: line 8: duplicate id ${lines[6] ?? ''} (same as the line before)`);
      const o = await ssj(
        ['draw', '--seed', 's', '--size', '2', '-'],
        env,
        swapped.map((l) => l + '\n').join(''),
      );
      expect(o.code).toBe(2);
      expect(o.stderr).toContain('stdin: line 13: out of order');
      const n = await ssj(['draw', '--seed', 's', '--size', '2', '-'], env, 'a\nb');
      expect(n.stderr).toContain('line 2: the last line does not end in \\n');
    }
  });

  it('reads a named pipe', async () => {
    const dir = tmp();
    const fifo = join(dir, 'frame.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // a writer that opens the pipe after ssj does, like `psql -c "\copy …" > fifo`
    const writer = spawn('sh', ['-c', `cat "$1" > "$2"`, 'sh', put(dir, 'frame.txt', frame), fifo], {
      cwd: REPO,
    });
    const r = await ssj(['draw', '--seed', basic.seed, '--size', '5', fifo]);
    writer.kill();
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(want);
  });
});
