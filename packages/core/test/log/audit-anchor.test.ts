/** Audit anchors (ssj-log/1 §3.7): a rewritten or deleted audit row is named by its seq. */
import { describe, expect, it } from 'vitest';
import { checkAuditAnchors, LOG_SPEC, type CheckpointEntry } from '../../src';

const h = (n: number): string => n.toString(16).padStart(64, '0');
function cp(fromSeq: number, seq: number): CheckpointEntry {
  const rowHashes = Array.from({ length: seq - fromSeq + 1 }, (_, i) => h(fromSeq + i));
  return { log: LOG_SPEC, kind: 'checkpoint', at: 'x', fromSeq, seq, hash: h(seq), rowHashes };
}
const cps = [cp(1, 5), cp(6, 9), cp(10, 10)];

describe('checkAuditAnchors', () => {
  it('accepts rows matching every checkpoint, and rows beyond the last one', () => {
    expect(checkAuditAnchors(cps, (s) => (s <= 12 ? h(s) : undefined))).toEqual({
      ok: true,
      anchoredThrough: 10,
      checkpoints: 3,
    });
  });
  it('names the first rewritten seq, even inside a checkpoint', () => {
    const r = checkAuditAnchors(cps, (s) => (s >= 7 ? h(s + 100) : h(s)));
    expect(r).toMatchObject({ ok: false, reason: 'rewritten', seq: 7 });
  });
  it('names the first deleted seq of a truncated tail', () => {
    const r = checkAuditAnchors(cps, (s) => (s <= 8 ? h(s) : undefined));
    expect(r).toMatchObject({ ok: false, reason: 'deleted', seq: 9 });
  });
  it('refuses checkpoints that leave a gap', () => {
    expect(checkAuditAnchors([cp(1, 3), cp(5, 6)], h)).toMatchObject({
      ok: false,
      reason: 'checkpoint_gap',
      seq: 4,
    });
  });
});
