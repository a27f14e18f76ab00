CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"department_code" text,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"counts" jsonb,
	"errors" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspection_item_versions" (
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"name" text NOT NULL,
	"priority" text NOT NULL,
	"ratio_cap" text,
	"legal_basis" text NOT NULL,
	"legal_refs" text[] DEFAULT '{}'::text[] NOT NULL,
	"method" text NOT NULL,
	"target_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"guideline" jsonb NOT NULL,
	"change_note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_item_versions_item_id_version_pk" PRIMARY KEY("item_id","version"),
	CONSTRAINT "item_priority_chk" CHECK ("inspection_item_versions"."priority" in ('key','general')),
	CONSTRAINT "item_method_chk" CHECK ("inspection_item_versions"."method" in ('document','onsite','online')),
	CONSTRAINT "item_cap_chk" CHECK ("inspection_item_versions"."priority" = 'key' or "inspection_item_versions"."ratio_cap" is not null)
);
--> statement-breakpoint
CREATE TABLE "inspection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department_code" text NOT NULL,
	"code" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"id" text PRIMARY KEY NOT NULL,
	"badge_no" text,
	"name" text NOT NULL,
	"department_code" text NOT NULL,
	"unit_code" text,
	"region_code" text NOT NULL,
	"qualifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"expert" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"active_from" date,
	"active_to" date,
	"capacity" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspectors_expert_badge_chk" CHECK ("inspectors"."expert" or "inspectors"."badge_no" is not null)
);
--> statement-breakpoint
CREATE TABLE "recusals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspector_id" text NOT NULL,
	"target_id" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"declared_by" text,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "recusals_kind_chk" CHECK ("recusals"."kind" in ('kinship','economic','other'))
);
--> statement-breakpoint
CREATE TABLE "target_claims" (
	"target_id" text NOT NULL,
	"department_code" text NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_claims_target_id_department_code_pk" PRIMARY KEY("target_id","department_code")
);
--> statement-breakpoint
CREATE TABLE "target_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"target_id" text NOT NULL,
	"status" text NOT NULL,
	"effective_date" date NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" text PRIMARY KEY NOT NULL,
	"uscc" text,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"division_code" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"industry_code" text,
	"legal_rep" text,
	"status" text DEFAULT '在营' NOT NULL,
	"status_date" date,
	"supervising_unit" text,
	"risk_tier" text,
	"tier_source" text,
	"tier_date" date,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_status_chk" CHECK ("targets"."status" in ('在营','注销','吊销','撤销','迁出')),
	CONSTRAINT "targets_tier_chk" CHECK ("targets"."risk_tier" is null or "targets"."risk_tier" in ('A','B','C','D')),
	CONSTRAINT "targets_type_chk" CHECK ("targets"."type" in ('企业','个体工商户','农民专业合作社','其他组织','产品','项目','行为'))
);
--> statement-breakpoint
ALTER TABLE "inspection_item_versions" ADD CONSTRAINT "inspection_item_versions_item_id_inspection_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inspection_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_items" ADD CONSTRAINT "inspection_items_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_inspector_id_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."inspectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_claims" ADD CONSTRAINT "target_claims_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_claims" ADD CONSTRAINT "target_claims_department_code_departments_code_fk" FOREIGN KEY ("department_code") REFERENCES "public"."departments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_status_history" ADD CONSTRAINT "target_status_history_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "items_dept_code_uq" ON "inspection_items" USING btree ("department_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "inspectors_badge_uq" ON "inspectors" USING btree ("badge_no");--> statement-breakpoint
CREATE INDEX "inspectors_department_idx" ON "inspectors" USING btree ("department_code");--> statement-breakpoint
CREATE INDEX "recusals_inspector_idx" ON "recusals" USING btree ("inspector_id");--> statement-breakpoint
CREATE INDEX "recusals_target_idx" ON "recusals" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "claims_department_idx" ON "target_claims" USING btree ("department_code");--> statement-breakpoint
CREATE INDEX "target_status_target_idx" ON "target_status_history" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_uscc_uq" ON "targets" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "targets_division_idx" ON "targets" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "targets_industry_idx" ON "targets" USING btree ("industry_code");--> statement-breakpoint
CREATE INDEX "targets_tier_idx" ON "targets" USING btree ("risk_tier");--> statement-breakpoint
CREATE INDEX "targets_status_idx" ON "targets" USING btree ("status");--> statement-breakpoint
CREATE INDEX "targets_unit_idx" ON "targets" USING btree ("supervising_unit");--> statement-breakpoint
CREATE INDEX "targets_tags_idx" ON "targets" USING gin ("tags");