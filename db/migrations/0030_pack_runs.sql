CREATE TABLE "scrutiny_pack_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text NOT NULL,
	"stage" text,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"pdf" "bytea",
	"pdf_bytes" integer,
	"pages" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "scrutiny_pack_runs" ADD CONSTRAINT "scrutiny_pack_runs_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scrutiny_pack_runs" ADD CONSTRAINT "scrutiny_pack_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scrutiny_pack_runs_partnership_idx" ON "scrutiny_pack_runs" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "scrutiny_pack_runs_active_key" ON "scrutiny_pack_runs" USING btree ("partnership_id","period_from","period_to") WHERE "scrutiny_pack_runs"."status" in ('queued', 'running');