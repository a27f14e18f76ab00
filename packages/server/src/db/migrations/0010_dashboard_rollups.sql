CREATE TABLE "rollup_task_categories" (
	"task_id" text NOT NULL,
	"category" text NOT NULL,
	"inspections" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_task_categories_task_id_category_pk" PRIMARY KEY("task_id","category")
);
--> statement-breakpoint
CREATE TABLE "rollup_task_follow_ups" (
	"task_id" text NOT NULL,
	"department_code" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_task_follow_ups_task_id_department_code_pk" PRIMARY KEY("task_id","department_code")
);
--> statement-breakpoint
CREATE TABLE "rollup_task_inspectors" (
	"task_id" text NOT NULL,
	"inspector" text NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_task_inspectors_task_id_inspector_pk" PRIMARY KEY("task_id","inspector")
);
--> statement-breakpoint
CREATE TABLE "rollup_task_items" (
	"task_id" text NOT NULL,
	"item_id" uuid NOT NULL,
	"inspections" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_task_items_task_id_item_id_pk" PRIMARY KEY("task_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_task_months" (
	"task_id" text NOT NULL,
	"month" text NOT NULL,
	"inspections" integer DEFAULT 0 NOT NULL,
	"with_results" integer DEFAULT 0 NOT NULL,
	"with_problem" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_task_months_task_id_month_pk" PRIMARY KEY("task_id","month")
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "result_categories" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "result_items" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- Dashboard rollups (issue 6): the per-inspection result summary and the per-task rollups are kept by
-- statement-level triggers with transition tables. Each statement adds its rows' new contributions
-- and subtracts their old ones, so a draw inserting 10 k inspections costs one grouped upsert per rollup.
-- The problem categories are core's isProblemCategory (a test checks every category against it).
CREATE OR REPLACE FUNCTION ssj_problem_categories() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['未按规定公示应当公示的信息', '公示信息隐瞒真实情况、弄虚作假', '通过登记的住所（经营场所）无法联系',
    '发现问题已责令改正', '发现问题待后续处理', '不配合检查情节严重']::text[]
$$;
--> statement-breakpoint
UPDATE inspections i SET result_categories = x.cats, result_items = x.items
FROM (SELECT inspection_id, array_agg(DISTINCT category ORDER BY category) AS cats,
        array_agg(DISTINCT item_id ORDER BY item_id) AS items
      FROM inspection_results GROUP BY inspection_id) x
WHERE i.id = x.inspection_id;
--> statement-breakpoint
INSERT INTO rollup_task_months (task_id, month, inspections, with_results, with_problem)
SELECT task_id, coalesce(to_char(visited_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), ''), count(*),
  count(*) FILTER (WHERE cardinality(result_categories) > 0), count(*) FILTER (WHERE result_categories && ssj_problem_categories())
FROM inspections WHERE status <> 'cancelled' GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO rollup_task_inspectors (task_id, inspector, visits)
SELECT i.task_id, w, count(*) FROM inspections i CROSS JOIN LATERAL unnest(i.inspectors) AS w
WHERE i.status <> 'cancelled' GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO rollup_task_categories (task_id, category, inspections)
SELECT i.task_id, c, count(*) FROM inspections i CROSS JOIN LATERAL unnest(i.result_categories) AS c
WHERE i.status <> 'cancelled' GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO rollup_task_items (task_id, item_id, inspections)
SELECT i.task_id, it, count(*) FROM inspections i CROSS JOIN LATERAL unnest(i.result_items) AS it
WHERE i.status <> 'cancelled' GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO rollup_task_follow_ups (task_id, department_code, total, closed)
SELECT i.task_id, f.department_code, count(*), count(*) FILTER (WHERE f.status = 'closed')
FROM follow_ups f JOIN inspections i ON i.id = f.inspection_id GROUP BY 1, 2;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ssj_rollup_inspections() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  cols constant text := 'task_id, status, visited_at, inspectors, result_categories, result_items';
  changed constant text := '(n.task_id, n.status = ''cancelled'', to_char(n.visited_at AT TIME ZONE ''Asia/Shanghai'', ''YYYY-MM''), n.inspectors, n.result_categories, n.result_items)
    IS DISTINCT FROM (o.task_id, o.status = ''cancelled'', to_char(o.visited_at AT TIME ZONE ''Asia/Shanghai'', ''YYYY-MM''), o.inspectors, o.result_categories, o.result_items)';
  src text;
  any_change boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    src := format('SELECT %s, 1 AS s FROM ssj_new', cols);
  ELSIF TG_OP = 'DELETE' THEN
    src := format('SELECT %s, -1 AS s FROM ssj_old', cols);
  ELSE
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM ssj_new n JOIN ssj_old o ON o.id = n.id WHERE %s)', changed) INTO any_change;
    IF NOT any_change THEN
      RETURN NULL;
    END IF;
    src := format('SELECT n.task_id, n.status, n.visited_at, n.inspectors, n.result_categories, n.result_items, 1 AS s
        FROM ssj_new n JOIN ssj_old o ON o.id = n.id WHERE %1$s
      UNION ALL SELECT o.task_id, o.status, o.visited_at, o.inspectors, o.result_categories, o.result_items, -1 AS s
        FROM ssj_old o JOIN ssj_new n ON n.id = o.id WHERE %1$s', changed);
  END IF;
  EXECUTE format($q$
    INSERT INTO rollup_task_months AS r (task_id, month, inspections, with_results, with_problem)
    SELECT task_id, month, a, b, c FROM (
      SELECT task_id, coalesce(to_char(visited_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), '') AS month, sum(s)::int AS a,
        coalesce(sum(s) FILTER (WHERE cardinality(result_categories) > 0), 0)::int AS b,
        coalesce(sum(s) FILTER (WHERE result_categories && ssj_problem_categories()), 0)::int AS c
      FROM (%s) d WHERE status <> 'cancelled' GROUP BY 1, 2) x
    WHERE a <> 0 OR b <> 0 OR c <> 0 ORDER BY 1, 2
    ON CONFLICT (task_id, month) DO UPDATE SET inspections = r.inspections + EXCLUDED.inspections,
      with_results = r.with_results + EXCLUDED.with_results, with_problem = r.with_problem + EXCLUDED.with_problem$q$, src);
  EXECUTE format($q$
    INSERT INTO rollup_task_inspectors AS r (task_id, inspector, visits)
    SELECT task_id, w, v FROM (
      SELECT d.task_id, w, sum(s)::int AS v FROM (%s) d CROSS JOIN LATERAL unnest(d.inspectors) AS w
      WHERE d.status <> 'cancelled' GROUP BY 1, 2) x
    WHERE v <> 0 ORDER BY 1, 2
    ON CONFLICT (task_id, inspector) DO UPDATE SET visits = r.visits + EXCLUDED.visits$q$, src);
  EXECUTE format($q$
    INSERT INTO rollup_task_categories AS r (task_id, category, inspections)
    SELECT task_id, c, v FROM (
      SELECT d.task_id, c, sum(s)::int AS v FROM (%s) d CROSS JOIN LATERAL unnest(d.result_categories) AS c
      WHERE d.status <> 'cancelled' GROUP BY 1, 2) x
    WHERE v <> 0 ORDER BY 1, 2
    ON CONFLICT (task_id, category) DO UPDATE SET inspections = r.inspections + EXCLUDED.inspections$q$, src);
  EXECUTE format($q$
    INSERT INTO rollup_task_items AS r (task_id, item_id, inspections)
    SELECT task_id, it, v FROM (
      SELECT d.task_id, it, sum(s)::int AS v FROM (%s) d CROSS JOIN LATERAL unnest(d.result_items) AS it
      WHERE d.status <> 'cancelled' GROUP BY 1, 2) x
    WHERE v <> 0 ORDER BY 1, 2
    ON CONFLICT (task_id, item_id) DO UPDATE SET inspections = r.inspections + EXCLUDED.inspections$q$, src);
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ssj_rollup_results() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  ids text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := 'SELECT inspection_id FROM ssj_new';
  ELSIF TG_OP = 'DELETE' THEN
    ids := 'SELECT inspection_id FROM ssj_old';
  ELSE
    ids := 'SELECT n.inspection_id FROM ssj_new n JOIN ssj_old o ON o.inspection_id = n.inspection_id AND o.item_id = n.item_id
              WHERE o.category IS DISTINCT FROM n.category
            UNION SELECT inspection_id FROM ssj_new n WHERE NOT EXISTS (SELECT 1 FROM ssj_old o WHERE o.inspection_id = n.inspection_id AND o.item_id = n.item_id)
            UNION SELECT inspection_id FROM ssj_old o WHERE NOT EXISTS (SELECT 1 FROM ssj_new n WHERE o.inspection_id = n.inspection_id AND o.item_id = n.item_id)';
  END IF;
  -- the inspections' summary; the UPDATE fires the inspections trigger, which moves the rollups
  EXECUTE format($q$
    UPDATE inspections i SET result_categories = x.cats, result_items = x.items
    FROM (SELECT a.id, coalesce(g.cats, '{}') AS cats, coalesce(g.items, '{}') AS items
          FROM (SELECT DISTINCT inspection_id AS id FROM (%s) z) a
          CROSS JOIN LATERAL (SELECT array_agg(DISTINCT r.category ORDER BY r.category) AS cats,
                                array_agg(DISTINCT r.item_id ORDER BY r.item_id) AS items
                              FROM inspection_results r WHERE r.inspection_id = a.id) g) x
    WHERE i.id = x.id AND (i.result_categories, i.result_items) IS DISTINCT FROM (x.cats, x.items)$q$, ids);
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ssj_rollup_follow_ups() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  src text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    src := 'SELECT inspection_id, department_code, status, 1 AS s FROM ssj_new';
  ELSIF TG_OP = 'DELETE' THEN
    src := 'SELECT inspection_id, department_code, status, -1 AS s FROM ssj_old';
  ELSE
    src := 'SELECT inspection_id, department_code, status, 1 AS s FROM ssj_new
            UNION ALL SELECT inspection_id, department_code, status, -1 AS s FROM ssj_old';
  END IF;
  EXECUTE format($q$
    INSERT INTO rollup_task_follow_ups AS r (task_id, department_code, total, closed)
    SELECT task_id, department_code, t, c FROM (
      SELECT i.task_id, d.department_code, sum(d.s)::int AS t, coalesce(sum(d.s) FILTER (WHERE d.status = 'closed'), 0)::int AS c
      FROM (%s) d JOIN inspections i ON i.id = d.inspection_id GROUP BY 1, 2) x
    WHERE t <> 0 OR c <> 0 ORDER BY 1, 2
    ON CONFLICT (task_id, department_code) DO UPDATE SET total = r.total + EXCLUDED.total, closed = r.closed + EXCLUDED.closed$q$, src);
  RETURN NULL;
END;
$fn$;
--> statement-breakpoint
CREATE TRIGGER inspections_rollup_ins AFTER INSERT ON inspections REFERENCING NEW TABLE AS ssj_new
  FOR EACH STATEMENT EXECUTE FUNCTION ssj_rollup_inspections();
--> statement-breakpoint
CREATE TRIGGER inspections_rollup_upd AFTER UPDATE ON inspections REFERENCING OLD TABLE AS ssj_old NEW TABLE AS ssj_new
  FOR EACH STATEMENT EXECUTE FUNCTION ssj_rollup_inspections();
--> statement-breakpoint
CREATE TRIGGER inspections_rollup_del AFTER DELETE ON inspections REFERENCING OLD TABLE AS ssj_old
  FOR EACH STATEMENT EXECUTE FUNCTION ssj_rollup_inspections();
--> statement-breakpoint
CREATE TRIGGER results_rollup_ins AFTER INSERT ON inspection_results REFERENCING NEW TABLE AS ssj_new
  FOR EACH STATEMENT EXECUTE FUNCTION ssj_rollup_results();
--> statement-breakpoint
CREATE TRIGGER results_rollup_upd AFTER UPDATE ON inspection_results REFERENCING OLD TABLE AS ssj_old NEW TABLE AS ssj_new
  FOR EACH STATEMENT EXECUTE FUNCTION ssj_rollup_results();
--> statement-breakpoint
CREATE TRIGGER results_rollup_del AFTER DELETE ON inspection_results REFERENCING OLD TABLE AS ssj_old
  FOR EACH STATEMENT EXECUTE FUNCTION ssj_rollup_results();
--> statement-breakpoint
CREATE TRIGGER follow_ups_rollup_ins AFTER INSERT ON follow_ups REFERENCING NEW TABLE AS ssj_new
  FOR EACH STATEMENT EXECUTE FUNCTION ssj_rollup_follow_ups();
--> statement-breakpoint
CREATE TRIGGER follow_ups_rollup_upd AFTER UPDATE ON follow_ups REFERENCING OLD TABLE AS ssj_old NEW TABLE AS ssj_new
  FOR EACH STATEMENT EXECUTE FUNCTION ssj_rollup_follow_ups();
--> statement-breakpoint
CREATE TRIGGER follow_ups_rollup_del AFTER DELETE ON follow_ups REFERENCING OLD TABLE AS ssj_old
  FOR EACH STATEMENT EXECUTE FUNCTION ssj_rollup_follow_ups();
