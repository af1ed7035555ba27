ALTER TABLE "meetings" ADD COLUMN "invitations_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "invitations_sent_by" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_invitations_sent_by_users_id_fk" FOREIGN KEY ("invitations_sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Meetings scheduled before drafts existed had their invitations sent when they were scheduled.
UPDATE "meetings" SET "invitations_sent_at" = "created_at", "invitations_sent_by" = "created_by" WHERE "starts_at" > "created_at" AND "cancelled_at" IS NULL;
