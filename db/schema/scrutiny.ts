import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { bytea, createdAt } from "./columns";
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

// Formal questions and challenges (app/areas/scrutiny/challenges.server.ts):
// a scrutiny member raises one on a decision, risk, return (its reporting
// obligation) or meeting, addressed to the chair; the chair or secretariat
// answers by the due date; the member may follow up (a new due date) or close
// it. A late answer is escalated to the lead body by the reminders' pass.

export const challenges = pgTable(
  "challenges",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    /** Numbered within the partnership: "Challenge 3". */
    number: integer("number").notNull(),
    // question | challenge
    kind: text("kind").notNull(),
    // decision | risk | obligation | meeting; the id is checked to be that record in this partnership when raised
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    title: text("title").notNull(),
    question: text("question").notNull(),
    raisedBy: uuid("raised_by")
      .notNull()
      .references(() => users.id),
    raisedOn: date("raised_on", { mode: "string" }).notNull(),
    /** When the question first asked was to be answered, kept for how promptly the partnership answers. */
    firstDueOn: date("first_due_on", { mode: "string" }).notNull(),
    /** When the current answer is due: the first question's, or the latest follow-up's. */
    dueOn: date("due_on", { mode: "string" }).notNull(),
    // awaiting_answer | answered | closed
    status: text("status").notNull(),
    /** The first answer's date, for how quickly the partnership answered. */
    firstAnsweredOn: date("first_answered_on", { mode: "string" }),
    closedOn: date("closed_on", { mode: "string" }),
    closedBy: uuid("closed_by").references(() => users.id),
    closingNote: text("closing_note"),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("challenges_number_key").on(t.partnershipId, t.number),
    index("challenges_subject_idx").on(t.subjectType, t.subjectId),
    index("challenges_partnership_status_idx").on(t.partnershipId, t.status, t.dueOn),
  ],
);

/** The exchange after the question: each answer, and each follow-up question with its own due date. */
export const challengeReplies = pgTable(
  "challenge_replies",
  {
    id: uuid("id").primaryKey(),
    challengeId: uuid("challenge_id")
      .notNull()
      .references(() => challenges.id),
    // answer | follow_up
    kind: text("kind").notNull(),
    body: text("body").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    onDate: date("on_date", { mode: "string" }).notNull(),
    /** A follow-up's answer-by date; null on answers. */
    dueOn: date("due_on", { mode: "string" }),
    /** Whether an answer came after the date it was due. */
    late: boolean("late").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("challenge_replies_challenge_idx").on(t.challengeId, t.createdAt)],
);

// Scrutiny packs made by the worker (app/areas/scrutiny/pack-runs.server.ts,
// docs/decisions/0021): one row per request for a partnership and period,
// its progress as the worker gathers the sections and lays out the pages,
// and the finished PDF. At most one run per partnership and period is
// queued or running at a time (a second request reuses it).

export const packRuns = pgTable(
  "scrutiny_pack_runs",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    // queued | running | done | failed
    status: text("status").notNull(),
    // gathering (sections) | laying_out (pages) | writing | null before it starts
    stage: text("stage"),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    /** How many times the worker has started it (pg-boss retries a failed or abandoned attempt). */
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    pdf: bytea("pdf"),
    pdfBytes: integer("pdf_bytes"),
    pages: integer("pages"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    /** Last progress written by the worker: a running run not heard from for a while was abandoned and may be taken again. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true, mode: "date" }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("scrutiny_pack_runs_partnership_idx").on(t.partnershipId, t.createdAt),
    uniqueIndex("scrutiny_pack_runs_active_key").on(t.partnershipId, t.periodFrom, t.periodTo).where(sql`${t.status} in ('queued', 'running')`),
  ],
);
