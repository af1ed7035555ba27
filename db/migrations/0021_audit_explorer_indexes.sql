CREATE INDEX "audit_events_chain_action_seq_idx" ON "audit_events" USING btree ("chain","action","seq");--> statement-breakpoint
CREATE INDEX "audit_events_chain_entity_type_seq_idx" ON "audit_events" USING btree ("chain","entity_type","seq");--> statement-breakpoint
CREATE INDEX "audit_events_chain_actor_seq_idx" ON "audit_events" USING btree ("chain","actor_user_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_chain_occurred_at_idx" ON "audit_events" USING btree ("chain","occurred_at");