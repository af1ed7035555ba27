ALTER TABLE "decisions" ADD COLUMN "key_decision" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "urgent_reason" text;