CREATE TABLE "risk_appetites" (
	"partnership_id" uuid NOT NULL,
	"category" text NOT NULL,
	"level" text NOT NULL,
	"approved_by_decision_id" uuid NOT NULL,
	"approved_on" date NOT NULL,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_appetites_partnership_id_category_pk" PRIMARY KEY("partnership_id","category")
);
--> statement-breakpoint
CREATE TABLE "risk_controls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"risk_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_user_id" uuid,
	"effectiveness" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_decisions" (
	"risk_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"linked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_decisions_risk_id_decision_id_pk" PRIMARY KEY("risk_id","decision_id")
);
--> statement-breakpoint
CREATE TABLE "risk_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"risk_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewed_by" uuid,
	"likelihood" smallint NOT NULL,
	"impact" smallint NOT NULL,
	"target_likelihood" smallint,
	"target_impact" smallint,
	"previous_likelihood" smallint NOT NULL,
	"previous_impact" smallint NOT NULL,
	"previous_target_likelihood" smallint NOT NULL,
	"previous_target_impact" smallint NOT NULL,
	"commentary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"cause" text NOT NULL,
	"event" text NOT NULL,
	"effect" text NOT NULL,
	"category" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"raised_on" date NOT NULL,
	"status" text NOT NULL,
	"transferred_to_organisation_id" uuid,
	"transferred_to_register" text,
	"transfer_reason" text,
	"review_frequency" text NOT NULL,
	"next_review_on" date NOT NULL,
	"inherent_likelihood" smallint NOT NULL,
	"inherent_impact" smallint NOT NULL,
	"current_likelihood" smallint NOT NULL,
	"current_impact" smallint NOT NULL,
	"current_score" smallint GENERATED ALWAYS AS (current_likelihood * current_impact) STORED,
	"target_likelihood" smallint NOT NULL,
	"target_impact" smallint NOT NULL,
	"target_date" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "risk_settings" jsonb;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "risk_id" uuid;--> statement-breakpoint
ALTER TABLE "risk_appetites" ADD CONSTRAINT "risk_appetites_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_appetites" ADD CONSTRAINT "risk_appetites_approved_by_decision_id_decisions_id_fk" FOREIGN KEY ("approved_by_decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_appetites" ADD CONSTRAINT "risk_appetites_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_decisions" ADD CONSTRAINT "risk_decisions_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_decisions" ADD CONSTRAINT "risk_decisions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_decisions" ADD CONSTRAINT "risk_decisions_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_reviews" ADD CONSTRAINT "risk_reviews_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_reviews" ADD CONSTRAINT "risk_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_transferred_to_organisation_id_organisations_id_fk" FOREIGN KEY ("transferred_to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_controls_risk_idx" ON "risk_controls" USING btree ("risk_id","created_at");--> statement-breakpoint
CREATE INDEX "risk_decisions_decision_idx" ON "risk_decisions" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "risk_reviews_risk_idx" ON "risk_reviews" USING btree ("risk_id","reviewed_on","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_number_key" ON "risks" USING btree ("partnership_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_reference_key" ON "risks" USING btree ("partnership_id","reference");--> statement-breakpoint
CREATE INDEX "risks_register_idx" ON "risks" USING btree ("partnership_id","current_score","number");--> statement-breakpoint
CREATE INDEX "risks_next_review_idx" ON "risks" USING btree ("partnership_id","next_review_on");--> statement-breakpoint
CREATE INDEX "risks_owner_idx" ON "risks" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "risks_owner_organisation_idx" ON "risks" USING btree ("owner_organisation_id");--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_risk_idx" ON "actions" USING btree ("risk_id");