/**
 * Anchoring the audit chain in the log (docs/ssj-log-v1.md §3.7 and §8): checkpoints name
 * every audit row hash since the previous checkpoint, so a verifier holding a signed tree head
 * finds the first audit row that was rewritten (even with the chain recomputed after it) or
 * deleted, by seq.
 */
import type { CheckpointEntry } from './entry';

export type AnchorProblem =
  | { readonly reason: 'rewritten'; readonly seq: number; readonly expected: string; readonly actual: string }
  | { readonly reason: 'deleted'; readonly seq: number; readonly expected: string }
  | { readonly reason: 'checkpoint_gap'; readonly seq: number; readonly expected: string };

/** The outcome of comparing audit rows with the checkpoints a tree head covers. */
export type AnchorOutcome =
  | { readonly ok: true; readonly anchoredThrough: number; readonly checkpoints: number }
  | ({ readonly ok: false } & AnchorProblem);

/**
 * Compare the audit rows' hashes (`hashOf(seq)`, undefined when the row is missing) with the
 * checkpoints, in log order; report the first seq that differs.
 */
export function checkAuditAnchors(
  checkpoints: readonly CheckpointEntry[],
  hashOf: (seq: number) => string | undefined,
): AnchorOutcome {
  let next = 1;
  for (const c of checkpoints) {
    if (c.fromSeq !== next || c.rowHashes.length !== c.seq - c.fromSeq + 1) {
      // §3.7: checkpoints tile the chain without gaps or overlaps; anything else is a bad log
      return { ok: false, reason: 'checkpoint_gap', seq: next, expected: `fromSeq ${next}` };
    }
    if (c.rowHashes.length > 0 && c.rowHashes[c.rowHashes.length - 1] !== c.hash) {
      return { ok: false, reason: 'checkpoint_gap', seq: c.seq, expected: c.hash };
    }
    for (let i = 0; i < c.rowHashes.length; i++) {
      const seq = c.fromSeq + i;
      const expected = c.rowHashes[i] ?? '';
      const actual = hashOf(seq);
      if (actual === undefined) {
        return { ok: false, reason: 'deleted', seq, expected };
      }
      if (actual !== expected) {
        return { ok: false, reason: 'rewritten', seq, expected, actual };
      }
    }
    next = c.seq + 1;
  }
  return { ok: true, anchoredThrough: next - 1, checkpoints: checkpoints.length };
}
