ALTER TABLE "contributions" ADD COLUMN "kind" text DEFAULT 'answer' NOT NULL;--> statement-breakpoint
ALTER TABLE "contributions" ADD COLUMN "action_id" uuid;--> statement-breakpoint
ALTER TABLE "participation_policies" ADD COLUMN "upper_age" smallint DEFAULT 25 NOT NULL;--> statement-breakpoint
ALTER TABLE "young_people" ADD COLUMN "closes_on" date;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contributions_action_idx" ON "contributions" USING btree ("action_id");