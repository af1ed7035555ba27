import { bigint, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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
    // The audit trail explorer's filters, each read newest first by seq within a chain (keyset pages).
    index("audit_events_chain_action_seq_idx").on(t.chain, t.action, t.seq),
    index("audit_events_chain_entity_type_seq_idx").on(t.chain, t.entityType, t.seq),
    index("audit_events_chain_actor_seq_idx").on(t.chain, t.actorUserId, t.seq),
    index("audit_events_chain_occurred_at_idx").on(t.chain, t.occurredAt),
  ],
);

/**
 * Each chain's head as signed on a London day (db/audit-checkpoint.ts): one
 * per chain per day, taken only when the chain has grown. The copies that
 * count are the ones sent out of the database; these rows say what was sent.
 * Not themselves audited: an event about a checkpoint would move the head it signs.
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    chain: text("chain").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    label: text("label").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    keyId: text("key_id").notNull(),
    signature: text("signature").notNull(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.day] }), index("audit_checkpoints_chain_seq_idx").on(t.chain, t.seq)],
);
