/** `ssj verify` (spec §8): the vectors verify; tampered records and frames exit 1; unusable input exits 2. */
import { describe, expect, it } from 'vitest';
import { drawRecordSchema, runDraw } from '@openssj/core';
import { generatedIds, put, ssj, tmp, vectors } from './draw-helpers';

const v = vectors();
const dir = tmp();
const basicCase = v.cases['basic'];
const stratCase = v.cases['stratified'];
if (basicCase === undefined || stratCase === undefined) {
  throw new Error('vectors missing');
}
const basic = drawRecordSchema.parse(basicCase.record);
const basicFrame = put(dir, 'all.txt', basicCase.frameFiles['all'] ?? '');
const basicJson = put(dir, 'basic.json', JSON.stringify(basicCase.record, null, 1));
const frameA = put(dir, 'A.txt', stratCase.frameFiles['A'] ?? '');
const frameB = put(dir, 'B.txt', stratCase.frameFiles['B'] ?? '');
const stratJson = put(dir, 'strat.json', JSON.stringify(stratCase.record));

describe('ssj verify', () => {
  it('verifies both vector cases', async () => {
    const [a, b] = await Promise.all([
      ssj(['verify', basicJson, '--frame', `all=${basicFrame}`]),
      ssj(['verify', stratJson, '--frame', `A=${frameA}`, `--frame=B=${frameB}`]),
    ]);
    expect([a.code, a.stdout]).toEqual([0, 'verified\n']);
    expect([b.code, b.stdout]).toEqual([0, 'verified\n']);
  });

  it('exit 1 on tampering: one frame id changed, one team swapped, the seed edited', async () => {
    const changedFrame = put(
      dir,
      'all-changed.txt',
      (basicCase.frameFiles['all'] ?? '').replace('91500112KBCBBKW372', '91500112KBCBBKW373'),
    );
    const [a0, a1, ...rest] = basic.assignments;
    const swapped = put(
      dir,
      'swapped.json',
      JSON.stringify({
        ...basic,
        assignments:
          a0 && a1
            ? [{ ...a0, inspectors: a1.inspectors }, { ...a1, inspectors: a0.inspectors }, ...rest]
            : [],
      }),
    );
    const seeded = put(dir, 'seeded.json', JSON.stringify({ ...basic, seed: '38261940571628394050' }));
    const [frame, team, seed] = await Promise.all([
      ssj(['verify', basicJson, '--frame', `all=${changedFrame}`]),
      ssj(['verify', swapped, '--frame', `all=${basicFrame}`]),
      ssj(['verify', seeded, '--frame', `all=${basicFrame}`]),
    ]);
    expect(frame.code).toBe(1);
    expect(frame.stdout).toMatch(/^frames \(step 2, FRAME_DIGEST\) \[stratum all\]/);
    expect(team.code).toBe(1);
    expect(team.stdout).toMatch(
      /^assignments \(step 7, ASSIGNMENT\) \[#1, target 91500112680JCBFRPC, inspectors\]/,
    );
    expect(seed.code).toBe(1);
    expect(seed.stdout).toMatch(/^selections \(step 6, SELECTED\)/);
  });

  it('exit 2 on unusable input', async () => {
    const notJson = put(dir, 'bad.json', '{"spec":');
    const cases: [string[], RegExp][] = [
      [['verify', notJson, '--frame', `all=${basicFrame}`], /not JSON/],
      [['verify', `${dir}/nope.json`, '--frame', `all=${basicFrame}`], /cannot read/],
      [['verify', basicJson], /missing --frame all=/],
      [['verify', basicJson, '--frame', `all=${basicFrame}`, '--frame', `X=${basicFrame}`], /no stratum X/],
      [['verify', basicJson, '--frame', `all=${dir}/nope.txt`], /cannot read/],
      [['verify', basicJson, '--frame', `all=${basicFrame}`, '--quick'], /Unknown option/],
      [['verify', basicJson, '--frame', 'all'], /STRATUM=FRAME_FILE/],
    ];
    const runs = await Promise.all(cases.map(([args]) => ssj(args)));
    runs.forEach((r, i) => {
      expect(r.code, cases[i]?.[0].join(' ')).toBe(2);
      expect(r.stderr).toMatch(cases[i]?.[1] ?? /./);
    });
  });

  it('verifies a record drawn by core from a generated 200k-line frame, and catches one changed id', async () => {
    const text = generatedIds(200_000)
      .map((id) => id + '\n')
      .join('');
    const r = runDraw({
      ...basic,
      strata: [{ name: 'all', ratio: '0.0001', min: 2, max: null, frame: text }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) {
      return;
    }
    const recordPath = put(dir, 'big.json', JSON.stringify(r.value));
    const framePath = put(dir, 'big.txt', text);
    const changed = put(
      dir,
      'big-changed.txt',
      text.replace('915001120000123456\n', '915001120000123456A\n'),
    );
    const [ok, bad] = await Promise.all([
      ssj(['verify', recordPath, '--frame', `all=${framePath}`]),
      ssj(['verify', recordPath, '--frame', `all=${changed}`]),
    ]);
    expect([ok.code, ok.stdout]).toEqual([0, 'verified\n']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FRAME_DIGEST/);
  });
});
