import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

// Organisations, partnerships, their key dates and partners.

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull().unique(),
  type: text("type").notNull(),
  createdAt: createdAt(),
});

export const partnerships = pgTable("partnerships", {
  id: uuid("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  shortName: text("short_name").notNull(),
  purpose: text("purpose").notNull(),
  type: text("type").notNull(),
  status: text("status").notNull(),
  startDate: date("start_date", { mode: "string" }).notNull(),
  termYears: integer("term_years"),
  leadOrganisationId: uuid("lead_organisation_id").references(() => organisations.id),
  leadAgreement: text("lead_agreement"),
  reportsTo: text("reports_to"),
  // The chair of the scrutiny committee it reports to, one of its scrutiny members: call-in's "chair alone".
  scrutinyChairUserId: uuid("scrutiny_chair_user_id"),
  sharedVision: text("shared_vision"),
  // Decision references are PREFIX-YEAR-NNN, e.g. NELCP-2026-014.
  referencePrefix: text("reference_prefix"),
  // The partnership's own reminder schedule; null: the default (app/areas/obligations/rules/obligations.ts).
  reminderSchedule: jsonb("reminder_schedule"),
  // The risk register's scoring settings (level definitions, bands, appetite maxima, escalation); null: the defaults (app/areas/risks/rules/scoring.ts).
  riskSettings: jsonb("risk_settings"),
  // Optimistic concurrency: an edit names the version it started from.
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});

// Dates in the partnership's agreement: reviews, break clauses, extensions.
export const partnershipKeyDates = pgTable(
  "partnership_key_dates",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    kind: text("kind").notNull(),
    onDate: date("on_date", { mode: "string" }).notNull(),
    description: text("description").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("partnership_key_dates_partnership_idx").on(t.partnershipId, t.onDate)],
);

// An organisation's membership of a partnership.
export const partnershipPartners = pgTable(
  "partnership_partners",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: text("role").notNull(),
    joinedOn: date("joined_on", { mode: "string" }).notNull(),
    leftOn: date("left_on", { mode: "string" }),
    // The exit record: a partner that leaves stays in the partnership's history.
    exitNoticeDate: date("exit_notice_date", { mode: "string" }),
    exitReason: text("exit_reason"),
    exitHandover: text("exit_handover"),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("partnership_partners_key").on(t.partnershipId, t.organisationId)],
);
