// Server draws off the event loop: the native TicketHasher equals core's default (digests and sort
// keys), and the record of a scanned draw built in the worker thread is runDraw's with core's hasher.
import {
  defaultTicketHasher,
  drawRecordSchema,
  runDraw,
  scanDrawInput,
  type ScannedDrawInput,
  sortKeyInto,
  verifyRecord,
  type DrawInput,
} from '@openssj/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadVectors } from '../../../core/test/draw/vectors';
import { serverTicketHasher } from '../../src/contexts/draw/engine/native-ticket-hasher';
import { runDrawOffThread } from '../../src/contexts/draw/engine/run-draw-off-thread';

describe('serverTicketHasher', () => {
  it('uses the native addon when it is built (the CLI builds it at install)', () => {
    expect(serverTicketHasher().name).toBe('native');
  });
  it('equals core’s default hasher on any ids, with the same sort keys', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{64}$/),
        fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 20 }),
        (prefix, ids) => {
          const h = serverTicketHasher();
          const a = h.hashBatch(prefix, ids);
          const b = defaultTicketHasher.hashBatch(prefix, ids);
          expect(Buffer.from(a).toString('hex')).toBe(Buffer.from(b).toString('hex'));
          const keys = new Float64Array(ids.length * 2);
          const c = h.hashBatchWithKeys?.(prefix, ids, keys) ?? a;
          expect(Buffer.from(c).toString('hex')).toBe(Buffer.from(b).toString('hex'));
          if (h.hashBatchWithKeys !== undefined) {
            const one = new Float64Array(2);
            for (let i = 0; i < ids.length; i++) {
              sortKeyInto(b, i * 32, one);
              expect([keys[2 * i], keys[2 * i + 1]]).toEqual([one[0], one[1]]);
            }
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

const v = loadVectors();

function scannedOf(input: DrawInput): ScannedDrawInput {
  const s = scanDrawInput(input);
  if (!s.ok) {
    throw new Error(s.error.messageEn);
  }
  return s.value;
}

function inputOf(name: string): { input: DrawInput; frames: Record<string, string> } {
  const c = v.cases[name];
  if (c === undefined) {
    throw new Error(`vector case ${name} missing`);
  }
  const record = drawRecordSchema.parse(c.record);
  const input: DrawInput = {
    ...record,
    strata: record.strata.map((s) => ({
      name: s.name,
      ratio: s.ratio,
      min: s.min,
      max: s.max,
      frame: c.frameFiles[s.name] ?? '',
    })),
  };
  return { input, frames: c.frameFiles };
}

describe('runDrawOffThread', () => {
  afterEach(() => {
    delete process.env['SSJ_DRAW_WORKER'];
  });

  it.each(['basic', 'stratified'])(
    '%s: the worker’s record is byte-identical to core’s, and verifies',
    async (name) => {
      const { input, frames } = inputOf(name);
      const expected = runDraw(input, defaultTicketHasher);
      expect(expected.ok).toBe(true);
      const run = await runDrawOffThread(scannedOf(input), 0);
      expect(run.inWorker).toBe(true);
      expect(run.hasher).toBe('native');
      expect(JSON.stringify(run.result)).toBe(JSON.stringify(expected));
      expect(run.result.ok && verifyRecord(run.result.value, frames).ok).toBe(true);
    },
  );

  it('runs in this thread when workers are switched off, with the same record', async () => {
    process.env['SSJ_DRAW_WORKER'] = '0';
    const { input } = inputOf('stratified');
    const run = await runDrawOffThread(scannedOf(input), 0);
    expect(run.inWorker).toBe(false);
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(runDraw(input, defaultTicketHasher)));
  });

  it('builds small assignments in this thread (a worker costs more than the work)', async () => {
    const { input } = inputOf('basic');
    const run = await runDrawOffThread(scannedOf(input));
    expect(run.inWorker).toBe(false);
    expect(run.hasher).toBe('native');
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(runDraw(input, defaultTicketHasher)));
  });

  it('passes a refusal back from the worker as a Result, not an exception', async () => {
    const { input } = inputOf('basic');
    const run = await runDrawOffThread({ ...scannedOf(input), seed: '123' }, 0);
    expect(run.inWorker).toBe(true);
    expect(run.result.ok).toBe(false);
  });
});
