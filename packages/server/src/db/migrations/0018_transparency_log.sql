-- ssj-log/1 (docs/ssj-log-v1.md): the public transparency log. Entries are appended in the
-- transaction of the change they record; tree heads are signed outside the database's reach
-- (the private key is a file, never a row); only public keys are stored here.
CREATE TABLE log_entries (
  idx bigint PRIMARY KEY,
  leaf_hash text NOT NULL,
  kind text NOT NULL,
  entry text NOT NULL,
  draw_id text,
  task_id text,
  audit_seq bigint,
  created_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX log_entries_leaf_hash_idx ON log_entries (leaf_hash);
--> statement-breakpoint
CREATE INDEX log_entries_draw_idx ON log_entries (draw_id);
--> statement-breakpoint
CREATE INDEX log_entries_task_idx ON log_entries (task_id);
--> statement-breakpoint
CREATE INDEX log_entries_checkpoint_idx ON log_entries (audit_seq) WHERE kind = 'checkpoint';
--> statement-breakpoint
CREATE TABLE log_tree_heads (
  id bigserial PRIMARY KEY,
  tree_size bigint NOT NULL,
  root_hash text NOT NULL,
  timestamp_ms bigint NOT NULL,
  key_id text NOT NULL,
  signature text NOT NULL,
  UNIQUE (tree_size, key_id)
);
--> statement-breakpoint
CREATE TABLE log_keys (
  key_id text PRIMARY KEY,
  public_key text NOT NULL,
  created_at timestamptz NOT NULL,
  retired_at timestamptz
);
--> statement-breakpoint
CREATE FUNCTION ssj_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER log_entries_no_update BEFORE UPDATE OR DELETE ON log_entries
  FOR EACH ROW EXECUTE FUNCTION ssj_log_append_only();
--> statement-breakpoint
CREATE TRIGGER log_tree_heads_no_update BEFORE UPDATE OR DELETE ON log_tree_heads
  FOR EACH ROW EXECUTE FUNCTION ssj_log_append_only();
--> statement-breakpoint
-- A redraw (abandoning a draw) needs a reason and a second person's approval (issue 13).
CREATE TABLE draw_abandon_requests (
  id bigserial PRIMARY KEY,
  draw_id text NOT NULL REFERENCES draws(id),
  reason text NOT NULL,
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  comment text
);
--> statement-breakpoint
CREATE UNIQUE INDEX draw_abandon_requests_pending_idx ON draw_abandon_requests (draw_id) WHERE status = 'pending';
