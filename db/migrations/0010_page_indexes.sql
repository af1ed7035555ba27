CREATE INDEX "decisions_superseded_by_idx" ON "decisions" USING btree ("superseded_by_id");--> statement-breakpoint
CREATE INDEX "decisions_reference_prefix_idx" ON "decisions" USING btree ("partnership_id",upper("reference") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "actions_meeting_idx" ON "actions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "actions_decision_idx" ON "actions" USING btree ("decision_id");