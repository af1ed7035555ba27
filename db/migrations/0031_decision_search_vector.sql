DROP INDEX "decisions_search_idx";--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', reference || ' ' || title || ' ' || text)) STORED;--> statement-breakpoint
CREATE INDEX "decision_status_changes_inquorate_idx" ON "decision_status_changes" USING btree ("decision_id") WHERE "decision_status_changes"."to_status" = 'inquorate';--> statement-breakpoint
CREATE INDEX "decisions_search_idx" ON "decisions" USING gin ("search_vector");