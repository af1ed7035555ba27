-- The decision log's index also carries each decision's status and when it was
-- proposed, so the accountability dashboard's figures for a year of decisions
-- (how many were taken, the median days from proposal to decision, which were
-- inquorate) and the log's status filter read the index alone, not a heap page
-- per decision. Written by hand: drizzle's index builder has no INCLUDE
-- (db/schema/decisions.ts still declares the index's key columns).
DROP INDEX IF EXISTS "decisions_log_idx";--> statement-breakpoint
CREATE INDEX "decisions_log_idx" ON "decisions" USING btree ("partnership_id", "decided_on", "id") INCLUDE ("status", "created_at");
