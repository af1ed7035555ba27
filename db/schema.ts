import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// Enumerated values are stored as text and validated against
// app/domain/vocabulary.ts at every edge (see docs/decisions/0002).

const createdAt = () =>
  timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    jobTitle: text("job_title"),
    // "adult" or "young_person": a young person's account can only reach the
    // participation portal, and holds no more than a display name and email.
    kind: text("kind").notNull().default("adult"),
    passwordHash: text("password_hash"),
    isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    // hex SHA-256 of the token the browser holds; the token itself is never stored
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// Single-use emailed links: invitations and password resets.
export const userTokens = pgTable(
  "user_tokens",
  {
    id: text("id").primaryKey(), // hex SHA-256 of the emailed token
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(), // "invitation" | "password_reset"
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("user_tokens_user_idx").on(t.userId)],
);

// Fixed-window counters for sign-in attempts, keyed by account or by client
// address, kept in the database so the limit holds across instances.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
  count: integer("count").notNull(),
});

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
  sharedVision: text("shared_vision"),
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
    sections: jsonb("sections").notNull(), // app/domain/terms-of-reference.ts termsSectionsSchema
    rules: jsonb("rules").notNull(), // termsRulesSchema
    changeSummary: text("change_summary"),
    reviewDate: date("review_date", { mode: "string" }),
    // The date the version governs from; set when it is approved.
    effectiveFrom: date("effective_from", { mode: "string" }),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvalNote: text("approval_note"),
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

// What a user may do within a partnership (see app/domain/permissions.ts).
export const partnershipRoles = pgTable(
  "partnership_roles",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("partnership_roles_key").on(t.partnershipId, t.userId, t.role),
    index("partnership_roles_user_idx").on(t.userId),
  ],
);

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
