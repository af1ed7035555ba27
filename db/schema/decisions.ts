import { getTableColumns, sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tsvector } from "./columns";
import { users } from "./identity";
import { agendaItems, meetings } from "./meetings";
import { organisations, partnerships } from "./partnerships";
import { boardSeats, termsOfReference } from "./register";

// The decision log: references, votes, status changes and ratification.

/** Atomic per-partnership, per-year numbering for decision references (e.g. NELCP-2026-014). */
export const decisionCounters = pgTable(
  "decision_counters",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.year] })],
);

export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    reference: text("reference").notNull(),
    // meeting | written_procedure | chairs_action
    route: text("route").notNull(),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    title: text("title").notNull(),
    text: text("text").notNull(),
    rationale: text("rationale"),
    optionsConsidered: text("options_considered"),
    method: text("method").notNull(), // decision method used
    status: text("status").notNull(), // proposed | agreed | inquorate | rejected | deferred | superseded | rescinded
    decidedOn: date("decided_on", { mode: "string" }),
    // The quorum as computed when the outcome was recorded (null outside meetings).
    quorumSnapshot: jsonb("quorum_snapshot"),
    termsVersion: integer("terms_version"),
    delegatedAuthority: text("delegated_authority"),
    financialImplicationGbp: bigint("financial_implication_gbp", { mode: "number" }),
    financialNote: text("financial_note"),
    termsSections: jsonb("terms_sections").notNull().default(sql`'[]'::jsonb`),
    reviewDate: date("review_date", { mode: "string" }),
    // Call-in (the terms of reference's rule): a key decision in the council's sense, and the reason
    // it was marked urgent (an urgent decision is not subject to call-in).
    keyDecision: boolean("key_decision").notNull().default(false),
    urgentReason: text("urgent_reason"),
    supersededById: uuid("superseded_by_id").references((): AnyPgColumn => decisions.id),
    // What the decision approves, when agreed: a terms of reference draft, or a meeting's minutes.
    approvesTermsId: uuid("approves_terms_id").references(() => termsOfReference.id),
    approvesMinutesOfMeetingId: uuid("approves_minutes_of_meeting_id").references(() => meetings.id),
    proposedBy: uuid("proposed_by").references(() => users.id),
    proposedByOrganisationId: uuid("proposed_by_organisation_id").references(() => organisations.id),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
    // The words the decision log searches, kept with the row: a search that walks the log in date
    // order tests each row against this instead of parsing its text again (docs/decisions/0013).
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('english', reference || ' ' || title || ' ' || text)`),
  },
  (t) => [
    uniqueIndex("decisions_reference_key").on(t.partnershipId, t.reference),
    // The decision log's default order and keyset pagination; migration 0032 adds INCLUDE (status, created_at) for the year's figures.
    index("decisions_log_idx").on(t.partnershipId, t.decidedOn, t.id),
    index("decisions_meeting_idx").on(t.meetingId),
    // A decision's page shows what superseded it and what it superseded.
    index("decisions_superseded_by_idx").on(t.supersededById),
    // A search by the start of a reference (NELCP-2019-…), whatever its case.
    index("decisions_reference_prefix_idx").on(t.partnershipId, sql`upper(${t.reference}) text_pattern_ops`),
    index("decisions_search_idx").using("gin", t.searchVector),
  ],
);

/** Every column of a decision but its search vector, which only the decision log's search reads: what a read of whole decisions selects. */
export const decisionColumns = (() => {
  const { searchVector: _searchVector, ...columns } = getTableColumns(decisions);
  return columns;
})();
export type DecisionRow = Omit<typeof decisions.$inferSelect, "searchVector">;

export const decisionVotes = pgTable(
  "decision_votes",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id),
    seatId: uuid("seat_id")
      .notNull()
      .references(() => boardSeats.id),
    vote: text("vote").notNull(), // for | against | abstain
    // Set when a deputy cast the vote for the member's seat.
    deputySeatId: uuid("deputy_seat_id").references(() => boardSeats.id),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.seatId] })],
);

export const decisionStatusChanges = pgTable(
  "decision_status_changes",
  {
    id: uuid("id").primaryKey(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    changedBy: uuid("changed_by").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("decision_status_changes_idx").on(t.decisionId, t.changedAt),
    // The few decisions ever found inquorate, for the accountability figures (a small index, not a scan of every change).
    index("decision_status_changes_inquorate_idx").on(t.decisionId).where(sql`${t.toStatus} = 'inquorate'`),
  ],
);

/** Ratification by a partner's own body (e.g. a borough's Cabinet). */
export const decisionRatifications = pgTable(
  "decision_ratifications",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    status: text("status").notNull(), // awaiting | ratified | refused
    body: text("body"),
    decidedOn: date("decided_on", { mode: "string" }),
    note: text("note"),
    version: integer("version").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.organisationId] })],
);
