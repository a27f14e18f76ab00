/** The transparency log (ssj-log/1): entries, signed tree heads and keys. */
import * as pg from 'drizzle-orm/pg-core';
import { ts } from './columns';

/** ssj-log/1 entries (docs/ssj-log-v1.md §3): append-only, idx is the 0-based leaf index. */
export const logEntries = pg.pgTable(
  'log_entries',
  {
    idx: pg.bigint('idx', { mode: 'number' }).primaryKey(),
    leafHash: pg.text('leaf_hash').notNull(),
    kind: pg.text('kind').notNull(),
    /** The entry's JCS text: the leaf hashes exactly these bytes. */
    entry: pg.text('entry').notNull(),
    drawId: pg.text('draw_id'),
    taskId: pg.text('task_id'),
    /** For checkpoints: the audit chain head's seq. */
    auditSeq: pg.bigint('audit_seq', { mode: 'number' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    pg.index('log_entries_leaf_hash_idx').on(t.leafHash),
    pg.index('log_entries_draw_idx').on(t.drawId),
    pg.index('log_entries_task_idx').on(t.taskId),
  ],
);

/** Signed tree heads (ssj-log/1 §5), append-only. */
export const logTreeHeads = pg.pgTable(
  'log_tree_heads',
  {
    id: pg.bigserial('id', { mode: 'number' }).primaryKey(),
    treeSize: pg.bigint('tree_size', { mode: 'number' }).notNull(),
    rootHash: pg.text('root_hash').notNull(),
    timestampMs: pg.bigint('timestamp_ms', { mode: 'number' }).notNull(),
    keyId: pg.text('key_id').notNull(),
    signature: pg.text('signature').notNull(),
  },
  (t) => [pg.uniqueIndex('log_tree_heads_tree_size_key_id_key').on(t.treeSize, t.keyId)],
);

/** Public signing keys of the log (ssj-log/1 §6); private keys are never stored here. */
export const logKeys = pg.pgTable('log_keys', {
  keyId: pg.text('key_id').primaryKey(),
  publicKey: pg.text('public_key').notNull(),
  createdAt: ts('created_at').notNull(),
  retiredAt: ts('retired_at'),
});
