/**
 * runScannedDraw and commitScanned (the server's streaming path) give what runDraw and commitDraw
 * give for the same frames: on both spec vectors, and on random frames with units, several strata
 * and Chinese ids (fast-check). Picks from outside core are checked: count, ticket form, order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commitDraw,
  commitScanned,
  compareUtf8,
  drawRecordSchema,
  frameDigest,
  parseFrame,
  runDraw,
  runScannedDraw,
  scanDrawInput,
  sampleSize,
  parseRatio,
  selectIds,
  type DrawInput,
  type ScannedDrawInput,
  type ScannedStratum,
} from '../../src/draw';
import { loadVectors } from './vectors';

/** Scan a DrawInput's frames the way a streaming scanner would: size, digest, k_s best, units. */
function scanned(input: DrawInput): ScannedDrawInput {
  const units: Record<string, string> = {};
  const strata: ScannedStratum[] = input.strata.map((s) => {
    const f = parseFrame(s.frame, input.jurisdictionRule);
    if (!f.ok) {
      throw new Error(f.error.messageEn);
    }
    f.value.ids.forEach((id, i) => {
      const u = f.value.units?.[i];
      if (u !== undefined) {
        units[id] = u;
      }
    });
    const ratio = parseRatio(s.ratio);
    const k = ratio.ok ? sampleSize(f.value.ids.length, ratio.value, s.min ?? 0, s.max ?? null) : 0;
    return {
      name: s.name,
      ratio: s.ratio,
      ...(s.min === undefined ? {} : { min: s.min }),
      ...(s.max === undefined ? {} : { max: s.max }),
      frameSize: f.value.ids.length,
      frameDigest: frameDigest(s.frame),
      ...(s.exclusionCounts === undefined ? {} : { exclusionCounts: s.exclusionCounts }),
      picks: selectIds(input.seed, f.value.ids, k),
    };
  });
  const { strata: _frames, ...rest } = input;
  return { ...rest, strata, units };
}

const base: Omit<DrawInput, 'strata' | 'seed' | 'jurisdictionRule'> = {
  drawId: 'D-1',
  taskId: 'T-1',
  quota: { SCJG: 1, MZ: 1 },
  pool: ['SCJG', 'MZ'].flatMap((department) =>
    ['U1', 'U2', null].map((unit, i) => ({
      id: `${department}-${i}`,
      department,
      unit,
      capacity: null,
      fallback: false,
    })),
  ),
  pairExclusions: [],
  seedSource: 'dice',
  seedPlan: 'five dice',
  committedAt: '2026-01-01T00:00:00.000Z',
  drawnAt: '2026-01-01T01:00:00.000Z',
};

const idArb = fc.oneof(
  fc.stringMatching(/^[0-9A-Z]{18}$/),
  fc.string({ unit: fc.constantFrom('餐', '饮', '店', 'A', '1', '-'), minLength: 1, maxLength: 6 }),
);

describe('runScannedDraw', () => {
  const v = loadVectors();
  for (const [name, c] of Object.entries(v.cases)) {
    it(`rebuilds the ${name} vector's record byte for byte, and its commitment`, () => {
      const record = drawRecordSchema.parse(c.record);
      const input: DrawInput = {
        ...record,
        strata: record.strata.map((s) => ({
          name: s.name,
          ratio: s.ratio,
          min: s.min,
          max: s.max,
          frame: c.frameFiles[s.name] ?? '',
          exclusionCounts: record.frameExclusionCounts[s.name] ?? {},
        })),
      };
      const s = scanned(input);
      const r = runScannedDraw(s);
      expect(r.ok && JSON.stringify(r.value, null, 1)).toBe(JSON.stringify(c.record, null, 1));
      const commitment = commitScanned(s);
      expect(commitment.ok && commitment.value.commitment).toBe(record.commitment);
    });
  }

  it('gives runDraw’s record on random frames, strata and units', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(idArb, { maxLength: 40 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom('0.1', '0.5', '1'),
        fc.stringMatching(/^[0-9]{20,30}$/),
        (groups, withUnits, ratio, seed) => {
          const seen = new Set<string>();
          const strata = groups.map((ids, i) => {
            const own = ids.filter((id) => !seen.has(id)).sort(compareUtf8);
            own.forEach((id) => seen.add(id));
            const frame = own
              .map((id, j) => (withUnits ? `${id}\tU${j % 2 === 0 ? 1 : 2}\n` : `${id}\n`))
              .join('');
            return { name: `S${i}`, ratio, min: 1, max: 30, frame, exclusionCounts: {} };
          });
          const input: DrawInput = { ...base, seed, jurisdictionRule: withUnits, strata };
          const expected = runDraw(input);
          expect(expected.ok ? 'ok' : expected.error.messageEn).toBe('ok');
          const got = runScannedDraw(scanned(input));
          expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
          const viaCore = scanDrawInput(input);
          expect(viaCore.ok && JSON.stringify(runScannedDraw(viaCore.value))).toBe(JSON.stringify(expected));
          const c1 = commitDraw(input);
          const c2 = commitScanned(scanned(input));
          expect(c2.ok && c1.ok && c2.value.commitment === c1.value.commitment).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  const frame = ['A1', 'A2', 'A3', 'A4', 'A5'].map((id) => `${id}\n`).join('');
  const input: DrawInput = {
    ...base,
    seed: '31415926535897932384',
    jurisdictionRule: false,
    strata: [{ name: 'all', ratio: '0.4', frame }],
  };

  it('refuses picks of the wrong count, malformed tickets and picks out of order', () => {
    const good = scanned(input);
    const stratum = good.strata[0];
    if (stratum === undefined || stratum.picks.length !== 2) {
      throw new Error('the fixture should pick 2 of 5');
    }
    const withPicks = (picks: ScannedStratum['picks']): ScannedDrawInput => ({
      ...good,
      strata: [{ ...stratum, picks }],
    });
    const okRun = runScannedDraw(good);
    expect(okRun.ok ? 'ok' : okRun.error.messageEn).toBe('ok');
    for (const bad of [
      withPicks(stratum.picks.slice(1)),
      withPicks([...stratum.picks].reverse()),
      withPicks(stratum.picks.map((p, i) => (i === 0 ? { ...p, ticket: '0.12' } : p))),
    ]) {
      const r = runScannedDraw(bad);
      expect(r.ok ? 'accepted' : r.error.code).toBe('VALIDATION');
      expect(r.ok ? '' : r.error.messageEn).toMatch(/stratum all/);
    }
  });

  it('a frame digest that differs changes the commitment', () => {
    const good = scanned(input);
    const c1 = commitScanned(good);
    const c2 = commitScanned({
      ...good,
      strata: good.strata.map((s) => ({ ...s, frameDigest: '0'.repeat(64) })),
    });
    expect(c1.ok && c2.ok && c1.value.commitment !== c2.value.commitment).toBe(true);
  });
});
