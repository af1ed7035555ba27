import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt } from "./columns";
import { users } from "./identity";
import { organisations, partnerships } from "./partnerships";

// Reporting obligations, the people responsible and the returns.

/** Something partners owe the partnership, period by period (app/areas/obligations/rules/obligations.ts). */
export const obligations = pgTable(
  "obligations",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    type: text("type").notNull(),
    title: text("title").notNull(),
    instructions: text("instructions"),
    // Owed by one partner, or by every current partner of a type (e.g. every borough).
    owedByOrganisationId: uuid("owed_by_organisation_id").references(() => organisations.id),
    owedByOrganisationType: text("owed_by_organisation_type"),
    cadence: text("cadence").notNull(),
    dueRule: jsonb("due_rule").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("obligations_partnership_idx").on(t.partnershipId)],
);

/** Who answers for an obligation at each partner. */
export const obligationResponsibles = pgTable(
  "obligation_responsibles",
  {
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.obligationId, t.organisationId, t.userId] })],
);

/** A partner's return for one period; a return sent back is followed by another. */
export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey(),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    periodKey: text("period_key").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }).notNull(),
    submittedOn: date("submitted_on", { mode: "string" }).notNull(), // London date, for on-time
    submittedBy: uuid("submitted_by").references(() => users.id),
    comment: text("comment"),
    // The answers, keyed by field (money in whole pence), and the version of the fields they answer.
    figures: jsonb("figures"),
    fieldSetId: uuid("field_set_id").references(() => returnFieldSets.id),
    filename: text("filename"),
    contentType: text("content_type"),
    content: bytea("content"),
    status: text("status").notNull(), // submitted | accepted | returned
    reviewReason: text("review_reason"),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("submissions_period_idx").on(t.obligationId, t.organisationId, t.periodKey, t.submittedAt),
    // An obligation's page lists the latest returns.
    index("submissions_recent_idx").on(t.obligationId, t.submittedAt),
    // The returns CSV walks an obligation's periods in order, a batch at a time.
    index("submissions_obligation_period_idx").on(t.obligationId, t.periodKey),
  ],
);

/**
 * The fields an obligation's return asks for, versioned: a new version applies
 * from the period named (by its end date) onwards, and a return keeps the
 * version it was answered against (app/areas/obligations/rules/return-fields.ts).
 */
export const returnFieldSets = pgTable(
  "return_field_sets",
  {
    id: uuid("id").primaryKey(),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id),
    number: integer("number").notNull(),
    appliesFrom: date("applies_from", { mode: "string" }).notNull(),
    fields: jsonb("fields").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique("return_field_sets_number_key").on(t.obligationId, t.number)],
);

/** A partner's return for a period, saved but not yet sent: one per partner and period. */
export const returnDrafts = pgTable(
  "return_drafts",
  {
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    periodKey: text("period_key").notNull(),
    fieldSetId: uuid("field_set_id").references(() => returnFieldSets.id),
    figures: jsonb("figures").notNull(),
    comment: text("comment"),
    savedBy: uuid("saved_by").references(() => users.id),
    savedAt: timestamp("saved_at", { withTimezone: true, mode: "date" }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.obligationId, t.organisationId, t.periodKey] })],
);
