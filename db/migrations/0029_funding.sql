CREATE TABLE "funding_actuals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"financial_year" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"note" text,
	"source" text DEFAULT 'recorded' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_actuals_amount_check" CHECK ("funding_actuals"."amount_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_commitments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"financial_year" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"decision_id" uuid NOT NULL,
	"approved_by_seat_id" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_commitments_amount_check" CHECK ("funding_commitments"."amount_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"organisation_id" uuid,
	"decision_id" uuid,
	"cap_basis_points" integer,
	"cap_of_line_id" uuid,
	"actuals_obligation_id" uuid,
	"actuals_field_key" text,
	"funder" text,
	"amount_sought_pence" bigint,
	"submitted_on" date,
	"outcome" text,
	"outcome_on" date,
	"amount_won_pence" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_lines_amount_sought_check" CHECK ("funding_lines"."amount_sought_pence" is null or "funding_lines"."amount_sought_pence" > 0),
	CONSTRAINT "funding_lines_amount_won_check" CHECK ("funding_lines"."amount_won_pence" is null or "funding_lines"."amount_won_pence" >= 0),
	CONSTRAINT "funding_lines_cap_check" CHECK ("funding_lines"."cap_basis_points" is null or ("funding_lines"."cap_basis_points" > 0 and "funding_lines"."cap_basis_points" <= 10000))
);
--> statement-breakpoint
ALTER TABLE "funding_actuals" ADD CONSTRAINT "funding_actuals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_actuals" ADD CONSTRAINT "funding_actuals_line_id_funding_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."funding_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_actuals" ADD CONSTRAINT "funding_actuals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_actuals" ADD CONSTRAINT "funding_actuals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_commitments" ADD CONSTRAINT "funding_commitments_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_commitments" ADD CONSTRAINT "funding_commitments_line_id_funding_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."funding_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_commitments" ADD CONSTRAINT "funding_commitments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_commitments" ADD CONSTRAINT "funding_commitments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_commitments" ADD CONSTRAINT "funding_commitments_approved_by_seat_id_board_seats_id_fk" FOREIGN KEY ("approved_by_seat_id") REFERENCES "public"."board_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_commitments" ADD CONSTRAINT "funding_commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_cap_of_line_id_funding_lines_id_fk" FOREIGN KEY ("cap_of_line_id") REFERENCES "public"."funding_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_actuals_obligation_id_obligations_id_fk" FOREIGN KEY ("actuals_obligation_id") REFERENCES "public"."obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_actuals_partnership_idx" ON "funding_actuals" USING btree ("partnership_id","financial_year");--> statement-breakpoint
CREATE INDEX "funding_actuals_line_idx" ON "funding_actuals" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "funding_commitments_partnership_idx" ON "funding_commitments" USING btree ("partnership_id","financial_year");--> statement-breakpoint
CREATE INDEX "funding_commitments_line_idx" ON "funding_commitments" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "funding_lines_partnership_idx" ON "funding_lines" USING btree ("partnership_id");