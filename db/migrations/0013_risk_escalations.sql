CREATE TABLE "risk_escalations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"risk_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"reasons" jsonb NOT NULL,
	"escalated_on" date NOT NULL,
	"escalated_by" uuid,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"deferrals" smallint DEFAULT 0 NOT NULL,
	"deferral_reason" text,
	"decision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "risk_id" uuid;--> statement-breakpoint
ALTER TABLE "risk_escalations" ADD CONSTRAINT "risk_escalations_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_escalations" ADD CONSTRAINT "risk_escalations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_escalations" ADD CONSTRAINT "risk_escalations_escalated_by_users_id_fk" FOREIGN KEY ("escalated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_escalations" ADD CONSTRAINT "risk_escalations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_escalations" ADD CONSTRAINT "risk_escalations_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_escalations" ADD CONSTRAINT "risk_escalations_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "risk_escalations_waiting_key" ON "risk_escalations" USING btree ("risk_id") WHERE decision_id is null;--> statement-breakpoint
CREATE INDEX "risk_escalations_agenda_item_idx" ON "risk_escalations" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "risk_escalations_unplaced_idx" ON "risk_escalations" USING btree ("partnership_id") WHERE meeting_id is null and decision_id is null;