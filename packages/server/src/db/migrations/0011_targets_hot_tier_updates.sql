-- Scoring 1 M targets in ≤ 60 s (issue 6): a scoring run rewrites risk_tier / tier_source / tier_date
-- on every target whose tier changed. With no index on those columns and free room on each page,
-- PostgreSQL updates the row in place (HOT) instead of adding entries to every index of targets,
-- the name bigram GIN index included. Tier filters go through the division and status indexes.
DROP INDEX "targets_tier_idx";
--> statement-breakpoint
ALTER TABLE "targets" SET (fillfactor = 85);
