import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

// The audit trail: append-only, hash-chained (docs/audit-trail.md).

// Append-only, hash-chained (docs/audit-trail.md). A trigger refuses UPDATE,
// DELETE and TRUNCATE (see the custom migration).
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey(),
    // "platform" or the partnership id: each chain is appended independently
    chain: text("chain").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    partnershipId: uuid("partnership_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("audit_events_chain_seq_key").on(t.chain, t.seq),
    index("audit_events_entity_idx").on(t.entityType, t.entityId),
  ],
);
