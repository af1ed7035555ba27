CREATE TABLE "participation_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"young_person_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"given_by" text NOT NULL,
	"recorded_by" uuid,
	"given_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "participation_policies" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"adult_consent_under" smallint DEFAULT 13 NOT NULL,
	"suppression_threshold" smallint DEFAULT 5 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"young_person_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"young_person_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "young_people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"display_name" text,
	"age_band" text NOT NULL,
	"passphrase_hash" text,
	"status" text DEFAULT 'invited' NOT NULL,
	"joined_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participation_consents" ADD CONSTRAINT "participation_consents_young_person_id_young_people_id_fk" FOREIGN KEY ("young_person_id") REFERENCES "public"."young_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_consents" ADD CONSTRAINT "participation_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_policies" ADD CONSTRAINT "participation_policies_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_codes" ADD CONSTRAINT "portal_codes_young_person_id_young_people_id_fk" FOREIGN KEY ("young_person_id") REFERENCES "public"."young_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_codes" ADD CONSTRAINT "portal_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_young_person_id_young_people_id_fk" FOREIGN KEY ("young_person_id") REFERENCES "public"."young_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "young_people" ADD CONSTRAINT "young_people_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "young_people" ADD CONSTRAINT "young_people_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participation_consents_young_person_idx" ON "participation_consents" USING btree ("young_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_consents_current_key" ON "participation_consents" USING btree ("young_person_id","scope","given_by") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "portal_codes_young_person_idx" ON "portal_codes" USING btree ("young_person_id");--> statement-breakpoint
CREATE INDEX "portal_sessions_young_person_idx" ON "portal_sessions" USING btree ("young_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "young_people_display_name_key" ON "young_people" USING btree (lower("display_name"));--> statement-breakpoint
CREATE INDEX "young_people_partnership_idx" ON "young_people" USING btree ("partnership_id","status");