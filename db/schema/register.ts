import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./identity";
import { organisations, partnerships } from "./partnerships";

// The board register, terms of reference and declarations of interest.

// A seat on the board held by a person for a term.
export const boardSeats = pgTable(
  "board_seats",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    boardRole: text("board_role").notNull(),
    jobTitle: text("job_title").notNull(),
    seniority: text("seniority").notNull(),
    hasVote: boolean("has_vote").notNull(),
    termStart: date("term_start", { mode: "string" }).notNull(),
    termEnd: date("term_end", { mode: "string" }),
    // For a deputy: the member's seat they may stand in for; their term is the
    // delegation's period and hasVote its authority.
    deputyForSeatId: uuid("deputy_for_seat_id").references((): AnyPgColumn => boardSeats.id),
    delegatedAuthorityGbp: integer("delegated_authority_gbp"),
    // When a seat changes hands: the seat this one took over, and the
    // outgoing holder's reason and notes for their successor.
    succeedsSeatId: uuid("succeeds_seat_id").references((): AnyPgColumn => boardSeats.id),
    endReason: text("end_reason"),
    handoverNote: text("handover_note"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("board_seats_partnership_idx").on(t.partnershipId),
    index("board_seats_deputy_for_idx").on(t.deputyForSeatId),
  ],
);

// Terms of reference, one row per version: draft → approved → superseded.
export const termsOfReference = pgTable(
  "terms_of_reference",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    versionNumber: integer("version_number").notNull(),
    status: text("status").notNull(), // draft | approved | superseded
    sections: jsonb("sections").notNull(), // app/areas/register/rules/terms-of-reference.ts termsSectionsSchema
    rules: jsonb("rules").notNull(), // termsRulesSchema
    changeSummary: text("change_summary"),
    reviewDate: date("review_date", { mode: "string" }),
    // The date the version governs from; set when it is approved.
    effectiveFrom: date("effective_from", { mode: "string" }),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvalNote: text("approval_note"),
    approvedByDecisionId: uuid("approved_by_decision_id"),
    supersededAt: timestamp("superseded_at", { withTimezone: true, mode: "date" }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("terms_of_reference_version_key").on(t.partnershipId, t.versionNumber),
    // At most one draft at a time per partnership.
    uniqueIndex("terms_of_reference_one_draft_key").on(t.partnershipId).where(sql`${t.status} = 'draft'`),
  ],
);

// The register of interests that board members declare.
export const declarationsOfInterest = pgTable(
  "declarations_of_interest",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    interestType: text("interest_type").notNull(),
    description: text("description").notNull(),
    relatedOrganisation: text("related_organisation"),
    declaredOn: date("declared_on", { mode: "string" }).notNull(),
    endedOn: date("ended_on", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("declarations_partnership_idx").on(t.partnershipId, t.userId)],
);
