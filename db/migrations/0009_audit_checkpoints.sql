CREATE TABLE "audit_checkpoints" (
	"chain" text NOT NULL,
	"day" date NOT NULL,
	"label" text NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"signed_at" timestamp (3) with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	CONSTRAINT "audit_checkpoints_chain_day_pk" PRIMARY KEY("chain","day")
);
--> statement-breakpoint
CREATE INDEX "audit_checkpoints_chain_seq_idx" ON "audit_checkpoints" USING btree ("chain","seq");