CREATE TABLE "risk_score_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"as_of" date NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"counts" jsonb,
	"error" text,
	"started_by" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "risk_runs_status_chk" CHECK ("risk_score_runs"."status" in ('running','done','cancelled','failed'))
);
--> statement-breakpoint
CREATE TABLE "target_imported_tiers" (
	"target_id" text PRIMARY KEY NOT NULL,
	"tier" text NOT NULL,
	"rated_on" date NOT NULL,
	"source" text NOT NULL,
	"import_job_id" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "imported_tiers_tier_chk" CHECK ("target_imported_tiers"."tier" in ('A','B','C','D'))
);
--> statement-breakpoint
CREATE TABLE "target_risk_facts" (
	"target_id" text PRIMARY KEY NOT NULL,
	"registered_on" date,
	"abnormal_listed" boolean DEFAULT false NOT NULL,
	"penalties_3y" integer DEFAULT 0 NOT NULL,
	"complaints_12m" integer DEFAULT 0 NOT NULL,
	"annual_report_overdue" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_facts_counts_chk" CHECK ("target_risk_facts"."penalties_3y" >= 0 and "target_risk_facts"."complaints_12m" >= 0)
);
--> statement-breakpoint
CREATE TABLE "target_risk_scores" (
	"target_id" text PRIMARY KEY NOT NULL,
	"score" numeric(12, 2) NOT NULL,
	"tier" text NOT NULL,
	"indicators" jsonb NOT NULL,
	"model_version" text NOT NULL,
	"as_of" date NOT NULL,
	"run_id" uuid,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_scores_tier_chk" CHECK ("target_risk_scores"."tier" in ('A','B','C','D'))
);
--> statement-breakpoint
ALTER TABLE "target_imported_tiers" ADD CONSTRAINT "target_imported_tiers_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_risk_facts" ADD CONSTRAINT "target_risk_facts_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_risk_scores" ADD CONSTRAINT "target_risk_scores_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_runs_started_idx" ON "risk_score_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "imported_tiers_tier_idx" ON "target_imported_tiers" USING btree ("tier");--> statement-breakpoint
CREATE INDEX "risk_scores_tier_idx" ON "target_risk_scores" USING btree ("tier");