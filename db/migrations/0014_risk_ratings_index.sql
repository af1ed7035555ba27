-- The heat map's and the register's counts per partnership read only this
-- index (an index-only scan over the live risks' ratings), never the table.
-- Written by hand: drizzle's index builder has no INCLUDE.
CREATE INDEX IF NOT EXISTS "risks_ratings_idx" ON "risks" USING btree ("partnership_id", "status")
  INCLUDE ("current_likelihood", "current_impact", "inherent_likelihood", "inherent_impact", "target_likelihood", "target_impact", "current_score", "category", "next_review_on");
