CREATE TABLE "safeguarding_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"young_person_id" uuid,
	"text" text NOT NULL,
	"sent_to_user_ids" jsonb NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "participation_policies" ADD COLUMN "safeguarding_lead_user_id" uuid;--> statement-breakpoint
ALTER TABLE "safeguarding_messages" ADD CONSTRAINT "safeguarding_messages_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safeguarding_messages" ADD CONSTRAINT "safeguarding_messages_young_person_id_young_people_id_fk" FOREIGN KEY ("young_person_id") REFERENCES "public"."young_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safeguarding_messages_partnership_idx" ON "safeguarding_messages" USING btree ("partnership_id","sent_at");--> statement-breakpoint
ALTER TABLE "participation_policies" ADD CONSTRAINT "participation_policies_safeguarding_lead_user_id_users_id_fk" FOREIGN KEY ("safeguarding_lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;