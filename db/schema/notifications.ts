import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./identity";
import { partnerships } from "./partnerships";

// Every message the platform sends, under its unique key (exactly once).

/**
 * Every reminder the platform decided to send, keyed so that it is sent at
 * most once: a retry, a second scheduler or a restarted worker finds the key
 * taken. Its status records delivery, retries and failures.
 */
export const remindersSent = pgTable(
  "reminders_sent",
  {
    id: uuid("id").primaryKey(),
    dedupeKey: text("dedupe_key").notNull(),
    kind: text("kind").notNull(),
    partnershipId: uuid("partnership_id").references(() => partnerships.id),
    subjectId: text("subject_id").notNull(),
    periodKey: text("period_key").notNull(),
    stage: text("stage").notNull(),
    recipientUserId: uuid("recipient_user_id").references(() => users.id),
    recipientEmail: text("recipient_email").notNull(),
    urgent: boolean("urgent").notNull(),
    // pending | sending | sent | retry | failed | uncertain | digest
    status: text("status").notNull(),
    payload: jsonb("payload").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true, mode: "date" }),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reminders_sent_dedupe_key").on(t.dedupeKey),
    index("reminders_sent_status_idx").on(t.status, t.nextAttemptAt),
    index("reminders_sent_partnership_idx").on(t.partnershipId, t.kind, t.createdAt),
  ],
);
