/** Golden tests: both spec vector cases reproduce byte for byte (spec draw-v1-vectors.json). */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assignTeams,
  commitmentDigest,
  commitmentJcs,
  drawRecordSchema,
  frameDigest,
  pairExclusionsDigest,
  parseFrame,
  poolDigest,
  runDraw,
  selectStrata,
  ticket,
  verifyRecord,
  type DrawStratumInput,
} from '../../src/draw';
import { loadVectors, SHARED_VECTORS_URL, VECTORS_URL } from './vectors';

const v = loadVectors();

describe('spec vectors', () => {
  it('the fixture copy holds the same data as the shared spec file, when that is present', () => {
    // compared as data: a formatter may re-indent the copy
    if (existsSync(SHARED_VECTORS_URL)) {
      expect(JSON.parse(readFileSync(VECTORS_URL, 'utf8'))).toEqual(
        JSON.parse(readFileSync(SHARED_VECTORS_URL, 'utf8')),
      );
    }
  });

  it('reproduces the §2 check ticket', () => {
    expect(ticket(v.check.seed, v.check.id)).toBe(v.check.ticket);
  });

  for (const [name, c] of Object.entries(v.cases)) {
    describe(name, () => {
      const record = drawRecordSchema.parse(c.record);

      it('tickets', () => {
        for (const [id, t] of Object.entries(c.tickets ?? {})) {
          expect(ticket(record.seed, id)).toBe(t);
        }
        for (const s of record.selected) {
          expect(ticket(record.seed, s.id)).toBe(s.ticket);
        }
      });

      it('frame digests and sizes', () => {
        for (const s of record.strata) {
          const text = c.frameFiles[s.name] ?? '';
          expect(frameDigest(text)).toBe(s.frameDigest);
          const f = parseFrame(text, record.jurisdictionRule);
          expect(f.ok && f.value.ids.length).toBe(s.frameSize);
        }
      });

      it('pool and pair digests', () => {
        expect(poolDigest(record.pool)).toBe(record.poolDigest);
        expect(pairExclusionsDigest(record.pairExclusions)).toBe(record.pairExclusionsDigest);
      });

      it('commitment JCS and commitment', () => {
        expect(commitmentJcs(record)).toBe(c.commitmentJcs);
        expect(commitmentDigest(record)).toBe(record.commitment);
      });

      it('selected and assignments', () => {
        const frames = record.strata.map((s) => {
          const f = parseFrame(c.frameFiles[s.name] ?? '', record.jurisdictionRule);
          if (!f.ok) {
            throw new Error(f.error.messageEn);
          }
          return { name: s.name, frame: f.value };
        });
        const selected = selectStrata(
          record.seed,
          frames.map((f, i) => ({
            name: f.name,
            ids: f.frame.ids,
            sampleSize: record.strata[i]?.sampleSize ?? 0,
          })),
        );
        expect(selected).toEqual(record.selected);
        const units = new Map<string, string>();
        for (const { frame } of frames) {
          frame.ids.forEach((id, i) => frame.units && units.set(id, frame.units[i] ?? ''));
        }
        const teams = assignTeams({
          seed: record.seed,
          targets: selected.map((s) => ({ id: s.id, unit: units.get(s.id) ?? null })),
          pool: record.pool,
          quota: record.quota,
          pairExclusions: record.pairExclusions,
          jurisdictionRule: record.jurisdictionRule,
        });
        expect(JSON.stringify(teams)).toBe(JSON.stringify(record.assignments));
      });

      it('verifyRecord says verified', () => {
        const r = verifyRecord(c.record, c.frameFiles);
        expect(r.ok ? 'verified' : r.error).toBe('verified');
      });

      it('runDraw rebuilds the record byte for byte', () => {
        const strata: DrawStratumInput[] = record.strata.map((s) => ({
          name: s.name,
          ratio: s.ratio,
          min: s.min,
          max: s.max,
          frame: c.frameFiles[s.name] ?? '',
          exclusionCounts: record.frameExclusionCounts[s.name] ?? {},
        }));
        const r = runDraw({ ...record, strata, pool: [...record.pool].reverse() });
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(JSON.stringify(r.value, null, 1)).toBe(JSON.stringify(c.record, null, 1));
        }
      });
    });
  }
});
