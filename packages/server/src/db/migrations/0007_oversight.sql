CREATE TABLE "joint_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"task_ids" text[] NOT NULL,
	"departments" text[] NOT NULL,
	"responses" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"estimate" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"joint_task_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_proposals_status_chk" CHECK ("joint_proposals"."status" in ('open','accepted','declined'))
);
--> statement-breakpoint
CREATE INDEX "joint_proposals_year_idx" ON "joint_proposals" USING btree ("year","status");--> statement-breakpoint
CREATE INDEX "inspections_year_task_idx" ON "inspections" USING btree ("draw_year","task_id");--> statement-breakpoint
CREATE INDEX "tasks_window_start_idx" ON "tasks" USING btree ("window_start");