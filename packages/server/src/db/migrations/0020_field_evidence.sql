-- Field work (issue 15).
-- 1. Evidence that can be proved: every photo carries the SHA-256 of its bytes (hashed on the
--    phone, checked on receipt), the GPS accuracy and the time the server received it. Photos
--    stored before this migration get their hash from the stored bytes.
-- 2. Remote inspection (非现场检查): an inspection records its method and, when remote, what it
--    looked at. A partial index finds the few remote ones of a task for the dashboards.
ALTER TABLE inspection_photos ADD COLUMN sha256 text;
--> statement-breakpoint
UPDATE inspection_photos SET sha256 = encode(sha256(decode(data, 'base64')), 'hex');
--> statement-breakpoint
ALTER TABLE inspection_photos ALTER COLUMN sha256 SET NOT NULL;
--> statement-breakpoint
ALTER TABLE inspection_photos ADD COLUMN accuracy double precision;
--> statement-breakpoint
ALTER TABLE inspection_photos ADD COLUMN received_at timestamp with time zone;
--> statement-breakpoint
ALTER TABLE inspections ADD COLUMN method text DEFAULT 'onsite' NOT NULL;
--> statement-breakpoint
ALTER TABLE inspections ADD COLUMN remote_evidence text;
--> statement-breakpoint
ALTER TABLE inspections ADD CONSTRAINT inspections_method_chk CHECK (method in ('onsite','document','online','video'));
--> statement-breakpoint
CREATE INDEX inspections_remote_idx ON inspections (task_id) WHERE method <> 'onsite';
