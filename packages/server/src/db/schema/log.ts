/** The transparency log (ssj-log/1): entries, signed tree heads and keys. */
import { bigint, bigserial, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './columns';

/** ssj-log/1 entries (docs/ssj-log-v1.md §3): append-only, idx is the 0-based leaf index. */
export const logEntries = pgTable(
  'log_entries',
  {
    idx: bigint('idx', { mode: 'number' }).primaryKey(),
    leafHash: text('leaf_hash').notNull(),
    kind: text('kind').notNull(),
    /** The entry's JCS text: the leaf hashes exactly these bytes. */
    entry: text('entry').notNull(),
    drawId: text('draw_id'),
    taskId: text('task_id'),
    /** For checkpoints: the audit chain head's seq. */
    auditSeq: bigint('audit_seq', { mode: 'number' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('log_entries_leaf_hash_idx').on(t.leafHash),
    index('log_entries_draw_idx').on(t.drawId),
    index('log_entries_task_idx').on(t.taskId),
  ],
);

/** Signed tree heads (ssj-log/1 §5), append-only. */
export const logTreeHeads = pgTable(
  'log_tree_heads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    rootHash: text('root_hash').notNull(),
    timestampMs: bigint('timestamp_ms', { mode: 'number' }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [uniqueIndex('log_tree_heads_tree_size_key_id_key').on(t.treeSize, t.keyId)],
);

/** Public signing keys of the log (ssj-log/1 §6); private keys are never stored here. */
export const logKeys = pgTable('log_keys', {
  keyId: text('key_id').primaryKey(),
  publicKey: text('public_key').notNull(),
  createdAt: ts('created_at').notNull(),
  retiredAt: ts('retired_at'),
});
