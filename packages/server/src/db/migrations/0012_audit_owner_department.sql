-- Issue 10: an edit is audited under the resource's owning department as well as the editor's,
-- so the owner's audit view shows it. Old rows keep NULL; the hash covers the column only when it
-- is set, so the chain written before this migration verifies unchanged (audit-hash.ts).
-- Adding a nullable column rewrites no row and fires no row trigger (audit_log stays append-only).
ALTER TABLE "audit_log" ADD COLUMN "owner_department" text;
--> statement-breakpoint
CREATE INDEX "audit_owner_department_idx" ON "audit_log" ("owner_department");
