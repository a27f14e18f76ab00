ALTER TABLE "follow_ups" ADD COLUMN "item_id" uuid;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "notify_department_code" text;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD COLUMN "deadline_provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "follow_ups_open_deadline_idx" ON "follow_ups" USING btree ("deadline") WHERE "follow_ups"."status" = 'open';--> statement-breakpoint
CREATE INDEX "inspections_published_idx" ON "inspections" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "inspections"."status" = 'published';--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_kind_chk" CHECK ("follow_ups"."kind" in ('correction_order','case_referral','notify_department','abnormal_list','judicial_transfer'));--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_status_chk" CHECK ("follow_ups"."status" in ('open','closed'));--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_status_chk" CHECK ("inspections"."status" in ('assigned','in_progress','submitted','returned','approved','published','cancelled'));