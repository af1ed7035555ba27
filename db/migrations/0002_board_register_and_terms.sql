CREATE TABLE "declarations_of_interest" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"interest_type" text NOT NULL,
	"description" text NOT NULL,
	"related_organisation" text,
	"declared_on" date NOT NULL,
	"ended_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_key_dates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "terms_of_reference" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"status" text NOT NULL,
	"sections" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"change_summary" text,
	"review_date" date,
	"effective_from" date,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"approval_note" text,
	"superseded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "board_seats" ADD COLUMN "deputy_for_seat_id" uuid;--> statement-breakpoint
ALTER TABLE "board_seats" ADD COLUMN "delegated_authority_gbp" integer;--> statement-breakpoint
ALTER TABLE "board_seats" ADD COLUMN "succeeds_seat_id" uuid;--> statement-breakpoint
ALTER TABLE "board_seats" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "board_seats" ADD COLUMN "handover_note" text;--> statement-breakpoint
ALTER TABLE "board_seats" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_partners" ADD COLUMN "exit_notice_date" date;--> statement-breakpoint
ALTER TABLE "partnership_partners" ADD COLUMN "exit_reason" text;--> statement-breakpoint
ALTER TABLE "partnership_partners" ADD COLUMN "exit_handover" text;--> statement-breakpoint
ALTER TABLE "partnership_partners" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "shared_vision" text;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "declarations_of_interest" ADD CONSTRAINT "declarations_of_interest_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declarations_of_interest" ADD CONSTRAINT "declarations_of_interest_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declarations_of_interest" ADD CONSTRAINT "declarations_of_interest_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_key_dates" ADD CONSTRAINT "partnership_key_dates_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_of_reference" ADD CONSTRAINT "terms_of_reference_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_of_reference" ADD CONSTRAINT "terms_of_reference_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms_of_reference" ADD CONSTRAINT "terms_of_reference_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "declarations_partnership_idx" ON "declarations_of_interest" USING btree ("partnership_id","user_id");--> statement-breakpoint
CREATE INDEX "partnership_key_dates_partnership_idx" ON "partnership_key_dates" USING btree ("partnership_id","on_date");--> statement-breakpoint
CREATE UNIQUE INDEX "terms_of_reference_version_key" ON "terms_of_reference" USING btree ("partnership_id","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "terms_of_reference_one_draft_key" ON "terms_of_reference" USING btree ("partnership_id") WHERE "terms_of_reference"."status" = 'draft';--> statement-breakpoint
ALTER TABLE "board_seats" ADD CONSTRAINT "board_seats_deputy_for_seat_id_board_seats_id_fk" FOREIGN KEY ("deputy_for_seat_id") REFERENCES "public"."board_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_seats" ADD CONSTRAINT "board_seats_succeeds_seat_id_board_seats_id_fk" FOREIGN KEY ("succeeds_seat_id") REFERENCES "public"."board_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_seats_deputy_for_idx" ON "board_seats" USING btree ("deputy_for_seat_id");