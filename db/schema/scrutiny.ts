import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { decisions } from "./decisions";
import { users } from "./identity";
import { partnerships } from "./partnerships";

// Call-in (the terms of reference's rule; app/areas/scrutiny/rules/call-in.ts):
// scrutiny members call a decision in with their signatures; once there are
// enough it is suspended until the committee considers it, and, if referred
// back, until the board reconsiders it. One call-in per decision.

export const callIns = pgTable(
  "call_ins",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id),
    grounds: text("grounds"),
    // gathering (signatures) | called_in | no_further_action | referred_back | confirmed | changed
    status: text("status").notNull(),
    startedBy: uuid("started_by")
      .notNull()
      .references(() => users.id),
    startedOn: date("started_on", { mode: "string" }).notNull(),
    calledInOn: date("called_in_on", { mode: "string" }),
    consideredOn: date("considered_on", { mode: "string" }),
    recommendations: text("recommendations"),
    reconsideredOn: date("reconsidered_on", { mode: "string" }),
    newDecisionId: uuid("new_decision_id").references(() => decisions.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("call_ins_decision_key").on(t.decisionId), index("call_ins_partnership_idx").on(t.partnershipId, t.status)],
);

export const callInSignatures = pgTable(
  "call_in_signatures",
  {
    callInId: uuid("call_in_id")
      .notNull()
      .references(() => callIns.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    signedAt: timestamp("signed_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  // A member signs once, however often the form is sent.
  (t) => [primaryKey({ columns: [t.callInId, t.userId] })],
);
