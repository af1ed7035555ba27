import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
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
    // Bumped to revoke the secret address of the person's calendar feed.
    calendarFeedVersion: integer("calendar_feed_version").notNull().default(1),
    // Non-urgent reminders one at a time, or gathered into a daily digest.
    emailDigest: boolean("email_digest").notNull().default(false),
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
  // Decision references are PREFIX-YEAR-NNN, e.g. NELCP-2026-014.
  referencePrefix: text("reference_prefix"),
  // The partnership's own reminder schedule; null: the default (app/domain/obligations.ts).
  reminderSchedule: jsonb("reminder_schedule"),
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

// ------------------------------------------------------------------ meetings

/** File contents stored in the database, so every instance serves the same papers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    type: text("type").notNull(), // app/domain/vocabulary.ts meetingTypes
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date" }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }).notNull(),
    location: text("location"),
    onlineLink: text("online_link"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true, mode: "date" }),
    cancelReason: text("cancel_reason"),
    // Incremented whenever the invitation changes, for calendar clients (RFC 5545 SEQUENCE).
    sequence: integer("sequence").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_partnership_idx").on(t.partnershipId, t.startsAt)],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    presenter: text("presenter"),
    purpose: text("purpose").notNull(), // decision | discussion | information
    description: text("description"),
    // What was said, for the minutes.
    notes: text("notes"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId, t.position)],
);

export const meetingPapers = pgTable(
  "meeting_papers",
  {
    id: uuid("id").primaryKey(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: createdAt(),
    removedAt: timestamp("removed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("meeting_papers_meeting_idx").on(t.meetingId)],
);

/** Who came: one row per seat on the board on the meeting's date. */
export const attendance = pgTable(
  "attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    seatId: uuid("seat_id")
      .notNull()
      .references(() => boardSeats.id),
    status: text("status").notNull(), // present | apologies | absent | deputy
    deputySeatId: uuid("deputy_seat_id").references(() => boardSeats.id),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.seatId] })],
);

/** An interest declared on an agenda item; a recusal takes the member out of that item's quorum and vote. */
export const itemDeclarations = pgTable(
  "item_declarations",
  {
    id: uuid("id").primaryKey(),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id),
    seatId: uuid("seat_id")
      .notNull()
      .references(() => boardSeats.id),
    interest: text("interest").notNull(),
    recused: boolean("recused").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("item_declarations_key").on(t.agendaItemId, t.seatId)],
);

// ----------------------------------------------------------------- decisions

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
    supersededById: uuid("superseded_by_id").references((): AnyPgColumn => decisions.id),
    // What the decision approves, when agreed: a terms of reference draft, or a meeting's minutes.
    approvesTermsId: uuid("approves_terms_id").references(() => termsOfReference.id),
    approvesMinutesOfMeetingId: uuid("approves_minutes_of_meeting_id").references(() => meetings.id),
    proposedBy: uuid("proposed_by").references(() => users.id),
    proposedByOrganisationId: uuid("proposed_by_organisation_id").references(() => organisations.id),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("decisions_reference_key").on(t.partnershipId, t.reference),
    // The decision log's default order and keyset pagination.
    index("decisions_log_idx").on(t.partnershipId, t.decidedOn, t.id),
    index("decisions_meeting_idx").on(t.meetingId),
    index("decisions_search_idx").using("gin", sql`to_tsvector('english', ${t.reference} || ' ' || ${t.title} || ' ' || ${t.text})`),
  ],
);

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
  (t) => [index("decision_status_changes_idx").on(t.decisionId, t.changedAt)],
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

// ------------------------------------------------------------------- minutes

export const minutes = pgTable("minutes", {
  meetingId: uuid("meeting_id")
    .primaryKey()
    .references(() => meetings.id),
  status: text("status").notNull(), // draft | circulated | approved
  summary: text("summary"),
  circulatedAt: timestamp("circulated_at", { withTimezone: true, mode: "date" }),
  approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
  approvedByDecisionId: uuid("approved_by_decision_id").references(() => decisions.id),
  // Once approved, the minutes as they were approved: later changes to the record do not alter them.
  lockedContent: jsonb("locked_content"),
  version: integer("version").notNull().default(1),
});

/** A correction to approved minutes, shown beside the original. */
export const minuteAmendments = pgTable(
  "minute_amendments",
  {
    id: uuid("id").primaryKey(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    text: text("text").notNull(),
    reason: text("reason").notNull(),
    madeBy: uuid("made_by").references(() => users.id),
    madeAt: createdAt(),
  },
  (t) => [index("minute_amendments_meeting_idx").on(t.meetingId)],
);

// ------------------------------------------------------------------- actions

export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    title: text("title").notNull(),
    description: text("description"),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: text("status").notNull(), // open | done | cancelled (overdue is worked out from the due date)
    completedOn: date("completed_on", { mode: "string" }),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    decisionId: uuid("decision_id").references(() => decisions.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("actions_partnership_idx").on(t.partnershipId, t.status, t.dueDate),
    index("actions_owner_idx").on(t.ownerUserId, t.status),
  ],
);

export const actionUpdates = pgTable(
  "action_updates",
  {
    id: uuid("id").primaryKey(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id),
    note: text("note").notNull(),
    statusTo: text("status_to"),
    madeBy: uuid("made_by").references(() => users.id),
    madeAt: createdAt(),
  },
  (t) => [index("action_updates_action_idx").on(t.actionId, t.madeAt)],
);

// ---------------------------------------------- reporting obligations, reminders

/** Something partners owe the partnership, period by period (app/domain/obligations.ts). */
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
    figures: jsonb("figures"),
    filename: text("filename"),
    contentType: text("content_type"),
    content: bytea("content"),
    status: text("status").notNull(), // submitted | accepted | returned
    reviewReason: text("review_reason"),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("submissions_period_idx").on(t.obligationId, t.organisationId, t.periodKey, t.submittedAt)],
);

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
