CREATE TABLE "return_drafts" (
	"obligation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"field_set_id" uuid,
	"figures" jsonb NOT NULL,
	"comment" text,
	"saved_by" uuid,
	"saved_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "return_drafts_obligation_id_organisation_id_period_key_pk" PRIMARY KEY("obligation_id","organisation_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "return_field_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"obligation_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"applies_from" date NOT NULL,
	"fields" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_field_sets_number_key" UNIQUE("obligation_id","number")
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "field_set_id" uuid;--> statement-breakpoint
ALTER TABLE "return_drafts" ADD CONSTRAINT "return_drafts_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_drafts" ADD CONSTRAINT "return_drafts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_drafts" ADD CONSTRAINT "return_drafts_field_set_id_return_field_sets_id_fk" FOREIGN KEY ("field_set_id") REFERENCES "public"."return_field_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_drafts" ADD CONSTRAINT "return_drafts_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_field_sets" ADD CONSTRAINT "return_field_sets_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_field_sets" ADD CONSTRAINT "return_field_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_field_set_id_return_field_sets_id_fk" FOREIGN KEY ("field_set_id") REFERENCES "public"."return_field_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Returns already answered with the one figure the form used to ask for keep it, as version 1 of their obligation's fields.
INSERT INTO "return_field_sets" ("id", "obligation_id", "number", "applies_from", "fields")
SELECT gen_random_uuid(), o."obligation_id", 1, '2000-01-01', '[{"key":"placements","label":"Placements made in the period","kind":"number","required":false,"unit":null,"help":null,"options":[]}]'::jsonb
FROM (SELECT DISTINCT "obligation_id" FROM "submissions" WHERE "figures" -> 'placements' IS NOT NULL) o;--> statement-breakpoint
UPDATE "submissions" SET "field_set_id" = f."id" FROM "return_field_sets" f WHERE f."obligation_id" = "submissions"."obligation_id" AND "submissions"."figures" -> 'placements' IS NOT NULL;
