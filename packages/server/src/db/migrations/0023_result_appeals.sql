-- Objections and credit repair (异议 / 信用修复, issue 16 part 2).
-- inspections.notice_code: the code printed on the inspection notice (检查通知书); with the
--   USCC it identifies the business on the portal when it objects or applies for repair.
--   Every existing visit gets its own random code (a volatile default fills each row).
-- result_appeals: one row per objection or credit-repair application, with the reviewing
--   leader's deadline and decision; corrections keep each corrected item's before and after.
-- appeal_attachments: files sent with an application (images or PDF, base64 like photos).
ALTER TABLE inspections ADD COLUMN notice_code text DEFAULT upper(substr(md5(gen_random_uuid()::text), 1, 10)) NOT NULL;
--> statement-breakpoint
CREATE TABLE result_appeals (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	inspection_id uuid NOT NULL REFERENCES inspections(id),
	target_id text NOT NULL REFERENCES targets(id),
	kind text NOT NULL,
	status text DEFAULT 'pending' NOT NULL,
	text text NOT NULL,
	contact text NOT NULL,
	filed_at timestamp with time zone NOT NULL,
	due_on date NOT NULL,
	due_provisional boolean DEFAULT false NOT NULL,
	assigned_to text,
	decided_at timestamp with time zone,
	decided_by text,
	reason text,
	corrections jsonb DEFAULT '[]'::jsonb NOT NULL,
	effective_from date,
	CONSTRAINT result_appeals_kind_chk CHECK (kind in ('objection','credit_repair')),
	CONSTRAINT result_appeals_status_chk CHECK (status in ('pending','upheld','corrected','withdrawn','approved','rejected'))
);
--> statement-breakpoint
CREATE INDEX result_appeals_inspection_idx ON result_appeals (inspection_id, filed_at);
--> statement-breakpoint
CREATE INDEX result_appeals_target_idx ON result_appeals (target_id);
--> statement-breakpoint
CREATE INDEX result_appeals_pending_idx ON result_appeals (due_on) WHERE status = 'pending';
--> statement-breakpoint
CREATE TABLE appeal_attachments (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	appeal_id uuid NOT NULL REFERENCES result_appeals(id),
	file_name text NOT NULL,
	mime text NOT NULL,
	bytes integer NOT NULL,
	sha256 text NOT NULL,
	data text NOT NULL
);
--> statement-breakpoint
CREATE INDEX appeal_attachments_appeal_idx ON appeal_attachments (appeal_id);
