CREATE TABLE "activity_participants" (
	"activity_id" uuid NOT NULL,
	"young_person_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"space" text NOT NULL,
	"voice" text NOT NULL,
	"audience" text NOT NULL,
	"influence" text NOT NULL,
	"decision_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_activity_id_participation_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."participation_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_young_person_id_young_people_id_fk" FOREIGN KEY ("young_person_id") REFERENCES "public"."young_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_activities" ADD CONSTRAINT "participation_activities_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_activities" ADD CONSTRAINT "participation_activities_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_activities" ADD CONSTRAINT "participation_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_participants_key" ON "activity_participants" USING btree ("activity_id","young_person_id");--> statement-breakpoint
CREATE INDEX "activity_participants_young_person_idx" ON "activity_participants" USING btree ("young_person_id");--> statement-breakpoint
CREATE INDEX "participation_activities_partnership_idx" ON "participation_activities" USING btree ("partnership_id","held_on");