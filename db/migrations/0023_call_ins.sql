CREATE TABLE "call_in_signatures" (
	"call_in_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"signed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "call_in_signatures_call_in_id_user_id_pk" PRIMARY KEY("call_in_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "call_ins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"grounds" text,
	"status" text NOT NULL,
	"started_by" uuid NOT NULL,
	"started_on" date NOT NULL,
	"called_in_on" date,
	"considered_on" date,
	"recommendations" text,
	"reconsidered_on" date,
	"new_decision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_in_signatures" ADD CONSTRAINT "call_in_signatures_call_in_id_call_ins_id_fk" FOREIGN KEY ("call_in_id") REFERENCES "public"."call_ins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_in_signatures" ADD CONSTRAINT "call_in_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_ins" ADD CONSTRAINT "call_ins_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_ins" ADD CONSTRAINT "call_ins_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_ins" ADD CONSTRAINT "call_ins_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_ins" ADD CONSTRAINT "call_ins_new_decision_id_decisions_id_fk" FOREIGN KEY ("new_decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_ins_decision_key" ON "call_ins" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "call_ins_partnership_idx" ON "call_ins" USING btree ("partnership_id","status");