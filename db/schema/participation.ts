import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { actions } from "./actions";
import { decisions } from "./decisions";
import { users } from "./identity";
import { partnerships } from "./partnerships";

// Young people's records: their portal accounts, access codes, sessions and
// consents. Kept out of index.ts so that only app/areas/participation can
// import them (lint rule 4); everyone else sees the suppressed counts that
// area's door returns. A young person has no email and no row in `users`:
// the portal is a separate sign-in (docs/decisions/0016-portal-accounts.md).

export const youngPeople = pgTable(
  "young_people",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    // Chosen by the young person when they join: a pseudonym, unique on the
    // platform (it is what they sign in with). Null until they join, and after erasure.
    displayName: text("display_name"),
    ageBand: text("age_band").notNull(),
    // argon2id of the passphrase; nobody can read it back.
    passphraseHash: text("passphrase_hash"),
    // "invited" (a code handed over, not yet used), "active", "closed", "erased"
    status: text("status").notNull().default("invited"),
    joinedAt: timestamp("joined_at", { withTimezone: true, mode: "date" }),
    // When the account closes because they reach the partnership's upper age:
    // a date the worker records (no date of birth is held). The portal gives
    // notice from 30 days before, with the offer to download their data.
    closesOn: date("closes_on"),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    // The participation worker who added the place.
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("young_people_display_name_key").on(sql`lower(${t.displayName})`),
    index("young_people_partnership_idx").on(t.partnershipId, t.status),
  ],
);

// Single-use codes a worker hands over: the young person redeems one to join,
// or to set a new passphrase after a reset. Only the code's SHA-256 is stored.
export const portalCodes = pgTable(
  "portal_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    youngPersonId: uuid("young_person_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("portal_codes_young_person_idx").on(t.youngPersonId)],
);

// Portal sessions: shorter than adults' (idle and absolute limits in the area's rules).
export const portalSessions = pgTable(
  "portal_sessions",
  {
    id: text("id").primaryKey(), // hex SHA-256 of the token the browser holds
    youngPersonId: uuid("young_person_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index("portal_sessions_young_person_idx").on(t.youngPersonId)],
);

// What a young person (or the adult the policy requires) agreed to: one row
// per scope given, ended by withdrawal. Scopes and who gave it: rules/consent.ts.
export const participationConsents = pgTable(
  "participation_consents",
  {
    id: uuid("id").primaryKey(),
    youngPersonId: uuid("young_person_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    scope: text("scope").notNull(),
    // "young_person", or the adult a worker recorded: "parent", "carer", "parental_responsibility"
    givenBy: text("given_by").notNull(),
    // The worker who recorded an adult's consent (null when the young person gave it themselves).
    recordedBy: uuid("recorded_by").references(() => users.id),
    givenAt: timestamp("given_at", { withTimezone: true, mode: "date" }).notNull(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("participation_consents_young_person_idx").on(t.youngPersonId),
    uniqueIndex("participation_consents_current_key").on(t.youngPersonId, t.scope, t.givenBy).where(sql`withdrawn_at is null`),
  ],
);

// Each partnership's participation policy: whose consent is needed, the
// oldest age band that takes part, and the smallest count adults may see.
export const participationPolicies = pgTable("participation_policies", {
  partnershipId: uuid("partnership_id")
    .primaryKey()
    .references(() => partnerships.id),
  // Age bands below this age need an adult's consent as well as their own.
  adultConsentUnder: smallint("adult_consent_under").notNull().default(13),
  suppressionThreshold: smallint("suppression_threshold").notNull().default(5),
  // The oldest age that takes part: accounts close when a young person reaches the age after it.
  upperAge: smallint("upper_age").notNull().default(25),
  // The partnership's designated safeguarding lead: the only person who reads "Worried about something?" messages.
  safeguardingLeadUserId: uuid("safeguarding_lead_user_id").references(() => users.id),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});

// Consultations a worker opens: plain-English questions, an optional closing date.
export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    title: text("title").notNull(),
    introduction: text("introduction").notNull(),
    closesOn: date("closes_on"),
    // Whether a young person may answer anonymously, even to the worker.
    allowAnonymous: boolean("allow_anonymous").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("consultations_partnership_idx").on(t.partnershipId, t.createdAt)],
);

export const consultationQuestions = pgTable(
  "consultation_questions",
  {
    id: uuid("id").primaryKey(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    text: text("text").notNull(),
  },
  (t) => [uniqueIndex("consultation_questions_position_key").on(t.consultationId, t.position)],
);

// What young people write. Moderated before any adult sees it; the worker's
// note is shown to the young person; the response is "you said, we did".
export const contributions = pgTable(
  "contributions",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    // Kept even when anonymous, so withdrawal and erasure reach it; the worker does not see it then.
    youngPersonId: uuid("young_person_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    // "answer" to a consultation's question, or an "idea" or "feedback" sent from the portal on its own.
    kind: text("kind").notNull().default("answer"),
    consultationId: uuid("consultation_id").references(() => consultations.id),
    questionId: uuid("question_id").references(() => consultationQuestions.id),
    text: text("text").notNull(),
    anonymous: boolean("anonymous").notNull().default(false),
    // "pending", "published", "changes_requested", "withheld" (rules/moderation.ts)
    status: text("status").notNull().default("pending"),
    // Personal details the moderation rules spotted: [{ kind, found }]
    flags: jsonb("flags").notNull().default([]),
    moderationNote: text("moderation_note"),
    moderatedBy: uuid("moderated_by").references(() => users.id),
    moderatedAt: timestamp("moderated_at", { withTimezone: true, mode: "date" }),
    response: text("response"),
    // The decision it informed ("you said, we did"), shown on the decision's page as suppressed input.
    decisionId: uuid("decision_id").references(() => decisions.id),
    // The action it informed, shown on the action's page the same way.
    actionId: uuid("action_id").references(() => actions.id),
    respondedBy: uuid("responded_by").references(() => users.id),
    respondedAt: timestamp("responded_at", { withTimezone: true, mode: "date" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("contributions_partnership_status_idx").on(t.partnershipId, t.status),
    index("contributions_young_person_idx").on(t.youngPersonId),
    uniqueIndex("contributions_answer_key").on(t.youngPersonId, t.questionId),
    index("contributions_decision_idx").on(t.decisionId),
    index("contributions_action_idx").on(t.actionId),
  ],
);

// "Worried about something?": read only by the designated safeguarding lead;
// never in adults' views, exports or audit descriptions. Kept if the young
// person later deletes their account (safeguarding records outlive it).
export const safeguardingMessages = pgTable(
  "safeguarding_messages",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    youngPersonId: uuid("young_person_id").references(() => youngPeople.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    // Who it went to: the lead, or (if none is named) the participation workers.
    sentToUserIds: jsonb("sent_to_user_ids").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("safeguarding_messages_partnership_idx").on(t.partnershipId, t.sentAt)],
);

// What young people took part in, described against Lundy's four elements
// (space, voice, audience, influence), linked to the decision it fed. Who took
// part is kept for the worker; adults see only the suppressed count.
export const participationActivities = pgTable(
  "participation_activities",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    heldOn: date("held_on").notNull(),
    space: text("space").notNull(),
    voice: text("voice").notNull(),
    audience: text("audience").notNull(),
    influence: text("influence").notNull(),
    decisionId: uuid("decision_id").references(() => decisions.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("participation_activities_partnership_idx").on(t.partnershipId, t.heldOn)],
);

export const activityParticipants = pgTable(
  "activity_participants",
  {
    activityId: uuid("activity_id")
      .notNull()
      .references(() => participationActivities.id, { onDelete: "cascade" }),
    youngPersonId: uuid("young_person_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("activity_participants_key").on(t.activityId, t.youngPersonId), index("activity_participants_young_person_idx").on(t.youngPersonId)],
);
