CREATE TABLE "challenge_replies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"challenge_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"due_on" date,
	"late" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"title" text NOT NULL,
	"question" text NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_on" date NOT NULL,
	"first_due_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"first_answered_on" date,
	"closed_on" date,
	"closed_by" uuid,
	"closing_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "challenge_replies" ADD CONSTRAINT "challenge_replies_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_replies" ADD CONSTRAINT "challenge_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_replies_challenge_idx" ON "challenge_replies" USING btree ("challenge_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "challenges_number_key" ON "challenges" USING btree ("partnership_id","number");--> statement-breakpoint
CREATE INDEX "challenges_subject_idx" ON "challenges" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "challenges_partnership_status_idx" ON "challenges" USING btree ("partnership_id","status","due_on");