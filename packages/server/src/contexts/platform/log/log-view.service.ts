/**
 * Public views of ssj-log/1 for the portal: a draw's entries with their inclusion proofs in the
 * latest signed tree head (the 验证收录 button checks them in the browser), and a task's
 * commitment history — every commitment, with its outcome and reason (no silent redraw).
 */
import { logEntrySchema, toHex, type SignedTreeHead } from '@openssj/core';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { entriesOfDraw, entriesOfTask, latestTreeHead, type LogEntryRow } from './log.repo';
import { publicTreeHead } from './log.service';
import { logTree } from './merkle-cache';

export const loggedEntrySchema = z.object({
  leafIndex: z.number(),
  leafHash: z.string(),
  kind: z.string(),
  /** The entry's JCS text: exactly the bytes its leaf hashes. */
  entry: z.string(),
  /** The audit path in `sth`, or null when the entry came after the latest head. */
  inclusionPath: z.array(z.string()).nullable(),
});
export type LoggedEntry = z.infer<typeof loggedEntrySchema>;

async function withProofs(
  db: Db,
  rows: readonly LogEntryRow[],
): Promise<{ sth: SignedTreeHead | null; entries: LoggedEntry[] }> {
  const head = await latestTreeHead(db);
  const size = head?.treeSize ?? 0;
  const tree = size > 0 && rows.some((r) => r.idx < size) ? await logTree(db, size) : null;
  if (tree !== null && tree.size < size) {
    throw new Error(`log: the signed head covers ${size} entries, the log holds ${tree.size}`); // a bug or a truncated log
  }
  return {
    sth: head === undefined ? null : publicTreeHead(head),
    entries: rows.map((r) => ({
      leafIndex: r.idx,
      leafHash: r.leafHash,
      kind: r.kind,
      entry: r.entry,
      inclusionPath: tree !== null && r.idx < size ? tree.inclusionProof(r.idx, size).map(toHex) : null,
    })),
  };
}

/** A draw's log entries with inclusion proofs in the latest head. */
export async function drawLogView(db: Db, drawId: string) {
  return withProofs(db, await entriesOfDraw(db, drawId));
}

export const commitmentHistorySchema = z.object({
  drawId: z.string(),
  commitment: z.string(),
  committedAt: z.string(),
  supersedes: z.string().nullable(),
  outcome: z.enum(['drawn', 'abandoned', 'pending']),
  reason: z.string().nullable(),
  at: z.string().nullable(),
});

/** Every commitment logged for a task, with its outcome (§3.1–§3.4), and all its entries with proofs. */
export async function taskLogView(db: Db, taskId: string) {
  const rows = await entriesOfTask(db, taskId);
  // the results' publications too: the portal's result page checks their inclusion
  const view = await withProofs(db, rows);
  const commitments: z.infer<typeof commitmentHistorySchema>[] = [];
  for (const r of rows) {
    const e = logEntrySchema.parse(JSON.parse(r.entry));
    if (e.kind === 'commitment') {
      commitments.push({
        drawId: e.drawId,
        commitment: e.commitment,
        committedAt: e.at,
        supersedes: e.supersedes,
        outcome: 'pending',
        reason: null,
        at: null,
      });
    } else if (e.kind === 'draw' || e.kind === 'abandon') {
      const c = commitments.find((x) => x.drawId === e.drawId);
      if (c !== undefined) {
        c.outcome = e.kind === 'draw' ? 'drawn' : 'abandoned';
        c.reason = e.kind === 'abandon' ? e.reason : null;
        c.at = e.at;
      }
    }
  }
  return { ...view, commitments };
}
