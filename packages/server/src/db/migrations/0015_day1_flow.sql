-- Issue 11 (day one): inspectors left out of a draw's pool with a reason code (an expired 行政执法证,
-- not active in the window), a staff-only reason beside the public one of a direct assignment, and
-- one-time codes with which a teammate without the app confirms a visit on the recording phone.
CREATE TABLE "draw_pool_exclusions" (
	"draw_id" text NOT NULL,
	"inspector_id" text NOT NULL,
	"badge_no" text,
	"name" text NOT NULL,
	"department" text NOT NULL,
	"fallback" boolean NOT NULL,
	"reason" text NOT NULL,
	"expires_on" date,
	CONSTRAINT "draw_pool_exclusions_draw_id_inspector_id_pk" PRIMARY KEY("draw_id","inspector_id")
);
--> statement-breakpoint
ALTER TABLE "draw_pool_exclusions" ADD CONSTRAINT "draw_pool_exclusions_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "draw_overrides" ADD COLUMN "internal_reason" text;
--> statement-breakpoint
CREATE TABLE "confirmation_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"inspector_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "confirmation_codes" ADD CONSTRAINT "confirmation_codes_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "confirmation_codes_inspection_idx" ON "confirmation_codes" USING btree ("inspection_id","inspector_id");
