-- Chinese name search at 1 M targets (issue 18, part 1).
-- 1. The name grams become a stored column, computed once when a name is written, so ANALYZE
--    keeps element statistics on them (the planner's row estimate for a gram is right, not 1) and
--    searches never call ssj_name_grams() per row.
-- 2. The portal searches its own table of published results (published_results), holding the
--    target's name, USCC and grams, kept in step with inspections and targets by triggers, so a
--    portal name or USCC search uses an index instead of walking every published inspection.
-- 3. USCC prefixes are btree ranges (text_pattern_ops works in any database collation).
ALTER TABLE targets ADD COLUMN name_grams text[] GENERATED ALWAYS AS (ssj_name_grams(name)) STORED;
--> statement-breakpoint
DROP INDEX targets_name_grams_idx;
--> statement-breakpoint
CREATE INDEX targets_name_grams_idx ON targets USING gin (name_grams);
--> statement-breakpoint
CREATE INDEX targets_uscc_prefix_idx ON targets (uscc text_pattern_ops);
--> statement-breakpoint
CREATE TABLE published_results (
  inspection_id uuid PRIMARY KEY,
  published_at timestamptz NOT NULL,
  task_id text NOT NULL,
  target_id text NOT NULL,
  target_name text NOT NULL,
  uscc text,
  name_grams text[] GENERATED ALWAYS AS (ssj_name_grams(target_name)) STORED
);
--> statement-breakpoint
CREATE INDEX published_results_order_idx ON published_results (published_at DESC, inspection_id DESC);
--> statement-breakpoint
CREATE INDEX published_results_grams_idx ON published_results USING gin (name_grams);
--> statement-breakpoint
CREATE INDEX published_results_uscc_idx ON published_results (uscc text_pattern_ops);
--> statement-breakpoint
CREATE INDEX published_results_target_idx ON published_results (target_id);
--> statement-breakpoint
CREATE INDEX published_results_task_idx ON published_results (task_id, published_at DESC, inspection_id DESC);
--> statement-breakpoint
INSERT INTO published_results (inspection_id, published_at, task_id, target_id, target_name, uscc)
SELECT i.id, i.published_at, i.task_id, i.target_id, t.name, t.uscc
FROM inspections i JOIN targets t ON t.id = i.target_id
WHERE i.status = 'published' AND i.published_at IS NOT NULL;
--> statement-breakpoint
-- An inspection enters the table when it is published and leaves when it is not (withdrawn, deleted).
CREATE FUNCTION ssj_published_results_sync() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM published_results WHERE inspection_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' AND NEW.published_at IS NOT NULL THEN
    INSERT INTO published_results (inspection_id, published_at, task_id, target_id, target_name, uscc)
    SELECT NEW.id, NEW.published_at, NEW.task_id, NEW.target_id, t.name, t.uscc FROM targets t WHERE t.id = NEW.target_id;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER inspections_published_results_ins AFTER INSERT ON inspections
FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION ssj_published_results_sync();
--> statement-breakpoint
CREATE TRIGGER inspections_published_results_upd AFTER UPDATE OF status, published_at, target_id, task_id ON inspections
FOR EACH ROW WHEN (
  (OLD.status = 'published' OR NEW.status = 'published') AND
  (OLD.status, OLD.published_at, OLD.target_id, OLD.task_id) IS DISTINCT FROM (NEW.status, NEW.published_at, NEW.target_id, NEW.task_id)
) EXECUTE FUNCTION ssj_published_results_sync();
--> statement-breakpoint
CREATE TRIGGER inspections_published_results_del AFTER DELETE ON inspections
FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION ssj_published_results_sync();
--> statement-breakpoint
-- A renamed target (or a corrected USCC) is renamed in its published results too.
CREATE FUNCTION ssj_published_results_target() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE published_results SET target_name = NEW.name, uscc = NEW.uscc WHERE target_id = NEW.id;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER targets_published_results_upd AFTER UPDATE OF name, uscc ON targets
FOR EACH ROW WHEN ((OLD.name, OLD.uscc) IS DISTINCT FROM (NEW.name, NEW.uscc))
EXECUTE FUNCTION ssj_published_results_target();
