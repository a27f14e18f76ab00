-- Risk-alert intake (风险预警, issue 16 part 1).
-- alert_sources: each partner system (明厨亮灶 cameras, smart elevators) with the key it signs
--   requests with (HMAC-SHA256; the key has to be kept to check signatures) and the department
--   that triages its alerts.
-- risk_alerts: one row per alert; (source_id, idempotency_key) is unique, so a retry is stored
--   once. target_id is the matched target (by USCC), expires_at ends the alert's time to live,
--   and status records the triage.
CREATE TABLE alert_sources (
	id text PRIMARY KEY,
	name text NOT NULL,
	kind text NOT NULL,
	department_code text NOT NULL REFERENCES departments(code),
	secret text NOT NULL,
	active boolean DEFAULT true NOT NULL,
	created_by text,
	created_at timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT alert_sources_kind_chk CHECK (kind in ('kitchen','elevator')),
	CONSTRAINT alert_sources_id_chk CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,39}$')
);
--> statement-breakpoint
CREATE TABLE risk_alerts (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	source_id text NOT NULL REFERENCES alert_sources(id),
	idempotency_key text NOT NULL,
	alert_type text NOT NULL,
	occurred_at timestamp with time zone NOT NULL,
	received_at timestamp with time zone NOT NULL,
	uscc text,
	equipment_id text,
	target_id text REFERENCES targets(id),
	location text,
	detail text,
	status text DEFAULT 'new' NOT NULL,
	triage_reason text,
	triaged_by text,
	triaged_at timestamp with time zone,
	expires_at timestamp with time zone NOT NULL,
	CONSTRAINT risk_alerts_status_chk CHECK (status in ('new','verified','dismissed','referred')),
	CONSTRAINT risk_alerts_idem_uq UNIQUE (source_id, idempotency_key)
);
--> statement-breakpoint
CREATE INDEX risk_alerts_target_idx ON risk_alerts (target_id, expires_at) WHERE target_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX risk_alerts_queue_idx ON risk_alerts (source_id, status, received_at);
--> statement-breakpoint
CREATE INDEX risk_alerts_received_idx ON risk_alerts (received_at);
