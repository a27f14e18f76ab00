CREATE TABLE "draw_frame_exclusions" (
	"draw_id" text NOT NULL,
	"stratum" text NOT NULL,
	"target_id" text NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	CONSTRAINT "draw_frame_exclusions_draw_id_target_id_pk" PRIMARY KEY("draw_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "draw_frames" (
	"draw_id" text NOT NULL,
	"stratum" text NOT NULL,
	"target_id" text NOT NULL,
	"unit" text,
	CONSTRAINT "draw_frames_draw_id_stratum_target_id_pk" PRIMARY KEY("draw_id","stratum","target_id")
);
--> statement-breakpoint
CREATE TABLE "draw_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" text NOT NULL,
	"target_id" text NOT NULL,
	"inspectors" text[] NOT NULL,
	"reason" text NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draw_pair_exclusions" (
	"draw_id" text NOT NULL,
	"target_id" text NOT NULL,
	"inspector_id" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "draw_pair_exclusions_draw_id_target_id_inspector_id_pk" PRIMARY KEY("draw_id","target_id","inspector_id")
);
--> statement-breakpoint
CREATE TABLE "draw_pool" (
	"draw_id" text NOT NULL,
	"inspector_id" text NOT NULL,
	"department" text NOT NULL,
	"home_department" text NOT NULL,
	"unit" text,
	"capacity" integer,
	"fallback" boolean NOT NULL,
	CONSTRAINT "draw_pool_draw_id_inspector_id_pk" PRIMARY KEY("draw_id","inspector_id")
);
--> statement-breakpoint
CREATE TABLE "draws" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"status" text NOT NULL,
	"supersedes" text,
	"abandoned_reason" text,
	"abandoned_at" timestamp with time zone,
	"abandoned_by" text,
	"frozen_at" timestamp with time zone NOT NULL,
	"strata" jsonb NOT NULL,
	"frame_exclusion_counts" jsonb NOT NULL,
	"pool_digest" text NOT NULL,
	"pair_exclusions_digest" text NOT NULL,
	"seed_source" text,
	"seed_plan" text,
	"system_seed" text,
	"commitment_object" jsonb,
	"commitment" text,
	"committed_at" timestamp with time zone,
	"seed" text,
	"drawn_at" timestamp with time zone,
	"witnesses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record" jsonb,
	"created_by" text,
	CONSTRAINT "draws_status_chk" CHECK ("draws"."status" in ('frozen','committed','drawn','abandoned'))
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"target_id" text NOT NULL,
	"department_code" text NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"deadline" date,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"closing_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"item_id" uuid,
	"field_key" text,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"data" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"lat" text,
	"lng" text,
	"by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_results" (
	"inspection_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"item_version" integer NOT NULL,
	"department_code" text NOT NULL,
	"category" text NOT NULL,
	"category_note" text,
	"notes" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inspection_results_inspection_id_item_id_pk" PRIMARY KEY("inspection_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" text NOT NULL,
	"draw_id" text NOT NULL,
	"target_id" text NOT NULL,
	"draw_year" integer NOT NULL,
	"inspectors" text[] NOT NULL,
	"planned_date" date,
	"status" text DEFAULT 'assigned' NOT NULL,
	"visited_at" timestamp with time zone,
	"gps" jsonb,
	"confirmations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"business_signature" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"review_comment" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_revisions" (
	"plan_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"reason" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_revisions_plan_id_revision_pk" PRIMARY KEY("plan_id","revision")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department_code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"published_at" timestamp with time zone,
	"return_comment" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_status_chk" CHECK ("plans"."status" in ('draft','submitted','approved','published','revising'))
);
--> statement-breakpoint
CREATE TABLE "task_items" (
	"task_id" text NOT NULL,
	"item_id" uuid NOT NULL,
	"item_version" integer NOT NULL,
	"department_code" text NOT NULL,
	CONSTRAINT "task_items_task_id_item_id_pk" PRIMARY KEY("task_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "task_participants" (
	"task_id" text NOT NULL,
	"department_code" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"responded_by" text,
	"responded_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "task_participants_task_id_department_code_pk" PRIMARY KEY("task_id","department_code")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"lead_department_code" text NOT NULL,
	"title" text NOT NULL,
	"scope" jsonb NOT NULL,
	"strata" jsonb NOT NULL,
	"tier_source" text,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"jurisdiction_rule" boolean DEFAULT false NOT NULL,
	"quota" jsonb NOT NULL,
	"cross_region" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"results_published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "draw_frame_exclusions" ADD CONSTRAINT "draw_frame_exclusions_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_frames" ADD CONSTRAINT "draw_frames_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_overrides" ADD CONSTRAINT "draw_overrides_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_pair_exclusions" ADD CONSTRAINT "draw_pair_exclusions_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_pool" ADD CONSTRAINT "draw_pool_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_photos" ADD CONSTRAINT "inspection_photos_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_items" ADD CONSTRAINT "task_items_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_items" ADD CONSTRAINT "task_items_item_id_inspection_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inspection_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_participants" ADD CONSTRAINT "task_participants_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_participants" ADD CONSTRAINT "task_participants_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_department_code_departments_code_fk" FOREIGN KEY ("lead_department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "overrides_draw_idx" ON "draw_overrides" USING btree ("draw_id");--> statement-breakpoint
CREATE INDEX "draws_task_idx" ON "draws" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "draws_one_live_per_task_uq" ON "draws" USING btree ("task_id") WHERE "draws"."status" <> 'abandoned';--> statement-breakpoint
CREATE INDEX "follow_ups_department_idx" ON "follow_ups" USING btree ("department_code","status");--> statement-breakpoint
CREATE INDEX "follow_ups_inspection_idx" ON "follow_ups" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "photos_inspection_idx" ON "inspection_photos" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "results_category_idx" ON "inspection_results" USING btree ("category");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_draw_target_uq" ON "inspections" USING btree ("draw_id","target_id");--> statement-breakpoint
CREATE INDEX "inspections_target_year_idx" ON "inspections" USING btree ("target_id","draw_year");--> statement-breakpoint
CREATE INDEX "inspections_task_idx" ON "inspections" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "inspections_status_idx" ON "inspections" USING btree ("status");--> statement-breakpoint
CREATE INDEX "inspections_inspectors_idx" ON "inspections" USING gin ("inspectors");--> statement-breakpoint
CREATE INDEX "plans_department_year_idx" ON "plans" USING btree ("department_code","year");--> statement-breakpoint
CREATE INDEX "participants_department_idx" ON "task_participants" USING btree ("department_code");--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "tasks_lead_idx" ON "tasks" USING btree ("lead_department_code");--> statement-breakpoint
CREATE INDEX "tasks_window_idx" ON "tasks" USING btree ("window_end");