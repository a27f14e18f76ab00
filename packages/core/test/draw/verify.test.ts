/** verifyRecord (spec §7): tamper cases, each validity rule, the check order, and pinned readings. */
import { describe, expect, it } from 'vitest';
import {
  drawRecordSchema,
  hashHex,
  parseFrame,
  runDraw,
  verifyRecord,
  type DrawRecord,
  type DrawStratumInput,
} from '../../src/draw';
import { loadVectors } from './vectors';

const v = loadVectors();
const basic = v.cases['basic'];
const strat = v.cases['stratified'];
if (basic === undefined || strat === undefined) {
  throw new Error('vector cases missing');
}
const basicRecord = drawRecordSchema.parse(basic.record);
const stratRecord = drawRecordSchema.parse(strat.record);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
function edit(r: DrawRecord, f: (m: Mutable<DrawRecord>) => void): DrawRecord {
  const copy = drawRecordSchema.parse(JSON.parse(JSON.stringify(r)));
  f(copy);
  return copy;
}
function check(record: unknown, frames: Record<string, string> = basic?.frameFiles ?? {}) {
  const r = verifyRecord(record, frames);
  return r.ok ? 'verified' : `${r.error.check}:${r.error.rule}`;
}

describe('tampering is caught (spec §7)', () => {
  it('one frame id changed → frames (digest)', () => {
    const frame = basic.frameFiles['all'] ?? '';
    const changed = frame.replace('91500112GFCFE3UMFU', '91500112GFCFE3UMFV');
    expect(check(basic.record, { all: changed })).toBe('frames:FRAME_DIGEST');
    const r = verifyRecord(basic.record, { all: changed });
    expect(!r.ok && r.error.stratum).toBe('all');
  });

  it('one team swapped → assignments, naming the target', () => {
    const t = edit(basicRecord, (m) => {
      const [a, b] = m.assignments;
      if (a !== undefined && b !== undefined) {
        m.assignments = [
          { ...a, inspectors: b.inspectors },
          { ...b, inspectors: a.inspectors },
          ...m.assignments.slice(2),
        ];
      }
    });
    const r = verifyRecord(t, basic.frameFiles);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.check).toBe('assignments');
      expect(r.error.target).toBe('91500112680JCBFRPC');
      expect(r.error.field).toBe('inspectors');
      expect(r.error.index).toBe(0);
    }
  });

  it('seed edited → selections (the seed is not in the commitment, so the draw itself differs)', () => {
    const t = edit(basicRecord, (m) => {
      m.seed = '38261940571628394058';
    });
    const r = verifyRecord(t, basic.frameFiles);
    expect(!r.ok && r.error.check).toBe('selections');
    expect(!r.ok && r.error.index).toBe(0);
  });

  it('a selected id replaced → selections; a ticket edited → selections', () => {
    expect(
      check(
        edit(
          basicRecord,
          (m) =>
            void (m.selected = [
              ...m.selected.slice(0, 4),
              { stratum: 'all', id: '91500112TQB2C97PJX', ticket: '0.5' },
            ]),
        ),
      ),
    ).toBe('selections:SELECTED');
    expect(check(edit(basicRecord, (m) => void (m.selected = m.selected.slice(0, 4))))).toBe(
      'selections:SELECTED',
    );
  });

  it('an open quota or status edited → assignments', () => {
    const r = verifyRecord(
      edit(stratRecord, (m) => {
        const [a, b, ...rest] = m.assignments;
        if (a !== undefined && b !== undefined) {
          m.assignments = [a, { ...b, status: 'filled', open: {} }, ...rest];
        }
      }),
      strat.frameFiles,
    );
    expect(!r.ok && `${r.error.check}:${r.error.field}:${r.error.target}`).toBe(
      'assignments:status:92511623HA3H9YERWE',
    );
  });

  it('pool capacity edited → pool digest; pair removed → pair digest; seedPlan edited → commitment', () => {
    expect(
      check(
        edit(basicRecord, (m) => void (m.pool = m.pool.map((p, i) => (i === 0 ? { ...p, capacity: 9 } : p)))),
      ),
    ).toBe('digests:POOL_DIGEST');
    expect(check(edit(basicRecord, (m) => void (m.pairExclusions = m.pairExclusions.slice(1))))).toBe(
      'digests:PAIRS_DIGEST',
    );
    expect(check(edit(basicRecord, (m) => void (m.seedPlan = '20 six-sided dice')))).toBe(
      'commitment:COMMITMENT',
    );
    expect(check(edit(basicRecord, (m) => void (m.commitment = '0'.repeat(64))))).toBe(
      'commitment:COMMITMENT',
    );
  });

  it('frameSize or sampleSize edited → frames / sampleSizes (in that order)', () => {
    expect(
      check(edit(basicRecord, (m) => void (m.strata = m.strata.map((s) => ({ ...s, frameSize: 21 }))))),
    ).toBe('frames:FRAME_SIZE');
    expect(
      check(edit(basicRecord, (m) => void (m.strata = m.strata.map((s) => ({ ...s, sampleSize: 6 }))))),
    ).toBe('sampleSizes:SAMPLE_SIZE');
  });
});

describe('validity rules (spec §7), reported as structure (step 1)', () => {
  const cases: [string, (m: Mutable<DrawRecord>) => void, string][] = [
    [
      'non-canonical ratio',
      (m) => void (m.strata = m.strata.map((s) => ({ ...s, ratio: '0.250' }))),
      'RATIO_NOT_CANONICAL',
    ],
    [
      'pool id twice',
      (m) => void (m.pool = [m.pool[0], ...m.pool].flatMap((p) => (p ? [p] : []))),
      'POOL_NOT_UNIQUE',
    ],
    ['pool not sorted', (m) => void (m.pool = [...m.pool].reverse()), 'POOL_NOT_SORTED'],
    [
      'pairs not sorted',
      (m) => void (m.pairExclusions = [...m.pairExclusions].reverse()),
      'PAIRS_NOT_SORTED',
    ],
    [
      'pairs not unique',
      (m) => void (m.pairExclusions = [...m.pairExclusions, ...m.pairExclusions.slice(-1)]),
      'PAIRS_NOT_UNIQUE',
    ],
    ['single-department quota of 1', (m) => void (m.quota = { '500112-SCJG': 1 }), 'QUOTA_BELOW_MINIMUM'],
    [
      'joint quota with a 0',
      (m) => void (m.quota = { '500112-SCJG': 2, '500112-MZ': 0 }),
      'QUOTA_BELOW_MINIMUM',
    ],
    ['empty quota', (m) => void (m.quota = {}), 'QUOTA_BELOW_MINIMUM'],
    ['dice seed of 19 digits', (m) => void (m.seed = '3826194057162839405'), 'DICE_SEED'],
    ['dice seed with a space', (m) => void (m.seed = '3826194057 1628394057'), 'DICE_SEED'],
    [
      'drawnAt before committedAt',
      (m) => void (m.drawnAt = '2026-11-21T09:29:59+08:00'),
      'DRAWN_BEFORE_COMMIT',
    ],
    [
      'drawnAt before committedAt across offsets',
      (m) => void (m.drawnAt = '2026-11-21T01:00:00Z'),
      'DRAWN_BEFORE_COMMIT',
    ],
    [
      'override for an unselected target',
      (m) =>
        void (m.overrides = [
          { target: 'X', inspectors: ['E1'], reason: 'expert', by: 'u1', at: '2026-11-21T11:00:00+08:00' },
        ]),
      'OVERRIDE_TARGET',
    ],
    [
      'override without reason',
      (m) =>
        void (m.overrides = [
          {
            target: '91500112680JCBFRPC',
            inspectors: ['E1'],
            reason: ' ',
            by: 'u1',
            at: '2026-11-21T11:00:00+08:00',
          },
        ]),
      'OVERRIDE_REASON',
    ],
    [
      'override before drawnAt',
      (m) =>
        void (m.overrides = [
          {
            target: '91500112680JCBFRPC',
            inspectors: ['E1'],
            reason: 'x',
            by: 'u1',
            at: '2026-11-21T09:59:00+08:00',
          },
        ]),
      'OVERRIDE_BEFORE_DRAW',
    ],
    [
      'selected twice',
      (m) => void (m.selected = [...m.selected, ...m.selected.slice(0, 1)]),
      'ID_IN_TWO_STRATA',
    ],
    [
      'exclusion counts for another stratum',
      (m) => void (m.frameExclusionCounts = { other: {} }),
      'EXCLUSION_COUNTS_STRATA',
    ],
    ['supersedes itself', (m) => void (m.supersedes = m.drawId), 'SUPERSEDES_SELF'],
  ];
  for (const [name, f, rule] of cases) {
    it(name, () => {
      expect(check(edit(basicRecord, f))).toBe(`structure:${rule}`);
    });
  }

  it('pool entry with an extra key, unknown top-level key, not JSON-shaped → SCHEMA', () => {
    const withExtra = {
      ...basic.record,
      pool: basicRecord.pool.map((p, i) => (i === 0 ? { ...p, homeDepartment: 'x' } : p)),
    };
    expect(check(withExtra)).toBe('structure:SCHEMA');
    expect(check({ ...basic.record, extra: 1 })).toBe('structure:SCHEMA');
    expect(check(null)).toBe('structure:SCHEMA');
    expect(check({ ...basic.record, committedAt: '2026-11-21 09:30' })).toBe('structure:SCHEMA');
  });

  it('an override that is valid verifies', () => {
    expect(
      check(
        edit(
          basicRecord,
          (m) =>
            void (m.overrides = [
              {
                target: '91500112680JCBFRPC',
                inspectors: ['EXPERT-7'],
                reason: '需要特种设备专家',
                by: 'u1',
                at: '2026-11-21T02:00:00Z',
              },
            ]),
        ),
      ),
    ).toBe('verified');
  });

  it('system seed must be 64 hex and match seedPlan; beacon seed lowercase hex', () => {
    const seed = 'a'.repeat(64);
    const sys = edit(basicRecord, (m) => {
      m.seedSource = 'system';
      m.seed = seed;
      m.seedPlan = 'sha256:' + hashHex(seed);
    });
    expect(check(sys)).toBe('commitment:COMMITMENT'); // rules pass; the commitment was for dice
    expect(check(edit(sys, (m) => void (m.seedPlan = 'sha256:' + '0'.repeat(64))))).toBe(
      'structure:SYSTEM_SEED_PLAN',
    );
    expect(check(edit(sys, (m) => void (m.seed = 'A'.repeat(64))))).toBe('structure:SYSTEM_SEED');
    expect(
      check(
        edit(stratRecord, (m) => void (m.seed = m.seed.toUpperCase())),
        strat.frameFiles,
      ),
    ).toBe('structure:BEACON_SEED');
  });

  it('frame rules: missing frame, BOM, CR, empty line, unsorted, duplicate, units (step 1)', () => {
    const f = basic.frameFiles['all'] ?? '';
    expect(check(basic.record, {})).toBe('structure:FRAME_MISSING');
    expect(check(basic.record, { all: '\ufeff' + f })).toBe('structure:FRAME_BOM');
    expect(check(basic.record, { all: f.replace('\n', '\r\n') })).toBe('structure:FRAME_CR');
    expect(check(basic.record, { all: f + '\n' })).toBe('structure:FRAME_EMPTY_LINE');
    expect(check(basic.record, { all: f.slice(0, -1) })).toBe('structure:FRAME_NO_FINAL_NEWLINE');
    const lines = f.split('\n');
    expect(check(basic.record, { all: [lines[1], lines[0], ...lines.slice(2)].join('\n') })).toBe(
      'structure:FRAME_OUT_OF_ORDER',
    );
    expect(check(basic.record, { all: [lines[0], ...lines].join('\n') })).toBe('structure:FRAME_DUPLICATE');
    expect(check(basic.record, { all: f.replace('\n', '\tU1\n') })).toBe('structure:FRAME_UNIT_UNEXPECTED');
    const a = strat.frameFiles['A'] ?? '';
    expect(check(strat.record, { ...strat.frameFiles, A: a.replace('\t511623-SCJG-02\n', '\n') })).toBe(
      'structure:FRAME_UNIT_MISSING',
    );
  });

  it('an id in two strata is caught from the frame files (step 1)', () => {
    const a = strat.frameFiles['A'] ?? '';
    const b = strat.frameFiles['B'] ?? '';
    const firstA = a.split('\n')[0] ?? '';
    const moved = { A: a, B: [...b.split('\n').filter((l) => l !== ''), firstA].sort().join('\n') + '\n' };
    const r = verifyRecord(strat.record, moved);
    expect(!r.ok && `${r.error.check}:${r.error.rule}:${r.error.target}`).toBe(
      'structure:ID_IN_TWO_STRATA:915116231U67FANTGY',
    );
  });
});

describe('runDraw (spec §1, §7)', () => {
  const strata: DrawStratumInput[] = [{ name: 'all', ratio: '0.25', frame: basic.frameFiles['all'] ?? '' }];
  const base = { ...basicRecord, strata };

  it('normalises pool and pairs, and its records verify', () => {
    const r = runDraw({
      ...base,
      pairExclusions: [...basicRecord.pairExclusions, ...basicRecord.pairExclusions].reverse(),
    });
    expect(r.ok && verifyRecord(r.value, basic.frameFiles).ok).toBe(true);
  });

  it('refuses a draw its verifier would reject', () => {
    expect(runDraw({ ...base, seed: '123' }).ok).toBe(false);
    expect(runDraw({ ...base, quota: { X: 1 } }).ok).toBe(false);
    expect(runDraw({ ...base, strata: [{ ...strata[0], name: 'all', ratio: '25%', frame: '' }] }).ok).toBe(
      false,
    );
    expect(runDraw({ ...base, strata: [{ name: 'all', ratio: '1', frame: 'b\na\n' }] }).ok).toBe(false);
  });

  it('pinned: an empty frame is an empty file; with min above the frame the whole frame is drawn', () => {
    const r = runDraw({
      ...base,
      strata: [
        { name: 'all', ratio: '0.01', min: 3, frame: '' },
        { name: 'B', ratio: '0.01', min: 3, frame: 'x1\nx2\n' },
      ],
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.strata.map((s) => [s.frameSize, s.sampleSize, s.frameDigest.slice(0, 8)])).toEqual([
        [0, 0, 'e3b0c442'],
        [2, 2, r.value.strata[1]?.frameDigest.slice(0, 8)],
      ]);
      expect(verifyRecord(r.value, { all: '', B: 'x1\nx2\n' }).ok).toBe(true);
    }
  });
});

describe('frame parser (spec §4)', () => {
  it('reads ID and ID<TAB>UNIT lines', () => {
    const f = parseFrame('a\tU1\nb\tU2\n');
    expect(f.ok && f.value).toEqual({ ids: ['a', 'b'], units: ['U1', 'U2'] });
  });

  it('pinned: duplicate ids with different units are duplicates; line order is by whole line bytes', () => {
    expect(!parseFrame('a\tU1\na\tU2\n').ok && 'dup').toBe('dup');
    const r = parseFrame('a\tU1\na\tU2\n');
    expect(!r.ok && r.error.code).toBe('DUPLICATE');
    expect(!r.ok && r.error.line).toBe(2);
    // UTF-8 byte order, not UTF-16: U+FFFF sorts before U+1F600
    expect(parseFrame('\uffff\n😀\n').ok).toBe(true);
    expect(parseFrame('😀\n\uffff\n').ok).toBe(false);
  });

  it('rejects a second TAB, an empty ID or UNIT', () => {
    expect(!parseFrame('a\tU\tX\n').ok).toBe(true);
    expect(!parseFrame('\tU\n').ok).toBe(true);
    expect(!parseFrame('a\t\n').ok).toBe(true);
  });
});
