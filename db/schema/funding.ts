import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, check, date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { decisions } from "./decisions";
import { users } from "./identity";
import { obligations } from "./obligations";
import { organisations, partnerships } from "./partnerships";
import { boardSeats } from "./register";

// The partnership's money (app/areas/funding): funding lines, the commitments
// agreed by decisions, and the actuals paid. Every amount is integer pence
// in a bigint, never numeric or float.

/**
 * A funding line: a pooled budget, a co-investment, contract or innovation
 * payments, or a joint funding bid. For one partner, or the whole partnership.
 */
export const fundingLines = pgTable(
  "funding_lines",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    kind: text("kind").notNull(), // pooled_budget | co_investment | contract_payment | innovation_payment | joint_bid
    title: text("title").notNull(),
    description: text("description"),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    // The decision that set the line up (a joint bid's decision to bid), where there is one.
    decisionId: uuid("decision_id").references(() => decisions.id),
    // A cap as a share of another line (an innovation payment of up to 7% of its contract), in basis points.
    capBasisPoints: integer("cap_basis_points"),
    capOfLineId: uuid("cap_of_line_id").references((): AnyPgColumn => fundingLines.id),
    // Actuals taken from a reporting obligation's accepted returns instead of recorded payments.
    actualsObligationId: uuid("actuals_obligation_id").references(() => obligations.id),
    actualsFieldKey: text("actuals_field_key"),
    // A joint funding bid.
    funder: text("funder"),
    amountSoughtPence: bigint("amount_sought_pence", { mode: "number" }),
    submittedOn: date("submitted_on", { mode: "string" }),
    outcome: text("outcome"), // pending | won | lost | withdrawn
    outcomeOn: date("outcome_on", { mode: "string" }),
    amountWonPence: bigint("amount_won_pence", { mode: "number" }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("funding_lines_partnership_idx").on(t.partnershipId),
    check("funding_lines_amount_sought_check", sql`${t.amountSoughtPence} is null or ${t.amountSoughtPence} > 0`),
    check("funding_lines_amount_won_check", sql`${t.amountWonPence} is null or ${t.amountWonPence} >= 0`),
    check("funding_lines_cap_check", sql`${t.capBasisPoints} is null or (${t.capBasisPoints} > 0 and ${t.capBasisPoints} <= 10000)`),
  ],
);

/** Money a partner has committed to a line for a financial year, agreed by a decision of the partnership. */
export const fundingCommitments = pgTable(
  "funding_commitments",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    lineId: uuid("line_id")
      .notNull()
      .references(() => fundingLines.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    financialYear: text("financial_year").notNull(), // "2026-27"
    amountPence: bigint("amount_pence", { mode: "number" }).notNull(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id),
    // The board member who approved it for their organisation: their seat's delegated authority is the limit.
    approvedBySeatId: uuid("approved_by_seat_id").references(() => boardSeats.id),
    note: text("note"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("funding_commitments_partnership_idx").on(t.partnershipId, t.financialYear),
    index("funding_commitments_line_idx").on(t.lineId),
    check("funding_commitments_amount_check", sql`${t.amountPence} > 0`),
  ],
);

/** Money actually paid or spent on a line, as recorded (lines fed by returns have none). */
export const fundingActuals = pgTable(
  "funding_actuals",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    lineId: uuid("line_id")
      .notNull()
      .references(() => fundingLines.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    financialYear: text("financial_year").notNull(), // of paidOn
    amountPence: bigint("amount_pence", { mode: "number" }).notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    note: text("note"),
    source: text("source").notNull().default("recorded"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("funding_actuals_partnership_idx").on(t.partnershipId, t.financialYear),
    index("funding_actuals_line_idx").on(t.lineId),
    check("funding_actuals_amount_check", sql`${t.amountPence} > 0`),
  ],
);
