import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { decisions } from "./decisions";
import { agendaItems, meetings } from "./meetings";
import { users } from "./identity";
import { organisations, partnerships } from "./partnerships";

// The shared risk register: risks, their reviews (the scoring history),
// controls, the decisions linked to them and each partnership's approved
// appetite. Mitigating actions are actions (actions.risk_id). Vocabularies
// (category, scope, status, frequency, appetite level, effectiveness) are
// text, checked against app/areas/risks/rules/vocabulary.ts at every edge.

export const risks = pgTable(
  "risks",
  {
    id: uuid("id").primaryKey(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    // PREFIX-R-NNN, e.g. NELCP-R-012: the number is never reused within a partnership.
    number: integer("number").notNull(),
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    cause: text("cause").notNull(),
    event: text("event").notNull(),
    effect: text("effect").notNull(),
    category: text("category").notNull(),
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id),
    ownerOrganisationId: uuid("owner_organisation_id")
      .notNull()
      .references(() => organisations.id),
    scope: text("scope").notNull(), // shared | partner_only
    raisedOn: date("raised_on", { mode: "string" }).notNull(),
    status: text("status").notNull(), // open | escalated | closed | transferred
    // A transfer says where the risk went and why.
    transferredToOrganisationId: uuid("transferred_to_organisation_id").references(() => organisations.id),
    transferredToRegister: text("transferred_to_register"),
    transferReason: text("transfer_reason"),
    reviewFrequency: text("review_frequency").notNull(),
    nextReviewOn: date("next_review_on", { mode: "string" }).notNull(),
    inherentLikelihood: smallint("inherent_likelihood").notNull(),
    inherentImpact: smallint("inherent_impact").notNull(),
    currentLikelihood: smallint("current_likelihood").notNull(),
    currentImpact: smallint("current_impact").notNull(),
    // Likelihood × impact now: what the register sorts and filters by (bands, appetite).
    currentScore: smallint("current_score").generatedAlwaysAs(sql`current_likelihood * current_impact`),
    targetLikelihood: smallint("target_likelihood").notNull(),
    targetImpact: smallint("target_impact").notNull(),
    targetDate: date("target_date", { mode: "string" }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("risks_number_key").on(t.partnershipId, t.number),
    uniqueIndex("risks_reference_key").on(t.partnershipId, t.reference),
    // The register's order (highest current score first, the newest first within a score), read backwards, and its keyset pages.
    index("risks_register_idx").on(t.partnershipId, t.currentScore, t.number),
    // Reviews due and overdue.
    index("risks_next_review_idx").on(t.partnershipId, t.nextReviewOn),
    index("risks_owner_idx").on(t.ownerUserId),
    index("risks_owner_organisation_idx").on(t.ownerOrganisationId),
  ],
);

/** A review: the new current likelihood and impact, the target if it changed, what the scores were before, and why. */
export const riskReviews = pgTable(
  "risk_reviews",
  {
    id: uuid("id").primaryKey(),
    riskId: uuid("risk_id")
      .notNull()
      .references(() => risks.id),
    reviewedOn: date("reviewed_on", { mode: "string" }).notNull(),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    likelihood: smallint("likelihood").notNull(),
    impact: smallint("impact").notNull(),
    // Set only when the review changed the target.
    targetLikelihood: smallint("target_likelihood"),
    targetImpact: smallint("target_impact"),
    // The assessment the review replaced, so the history reads "12 → 16".
    previousLikelihood: smallint("previous_likelihood").notNull(),
    previousImpact: smallint("previous_impact").notNull(),
    previousTargetLikelihood: smallint("previous_target_likelihood").notNull(),
    previousTargetImpact: smallint("previous_target_impact").notNull(),
    commentary: text("commentary").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("risk_reviews_risk_idx").on(t.riskId, t.reviewedOn, t.createdAt)],
);

/** What is already in place to keep a risk down, who looks after it, and how well it works. */
export const riskControls = pgTable(
  "risk_controls",
  {
    id: uuid("id").primaryKey(),
    riskId: uuid("risk_id")
      .notNull()
      .references(() => risks.id),
    description: text("description").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    effectiveness: text("effectiveness").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("risk_controls_risk_idx").on(t.riskId, t.createdAt)],
);

/** Decisions of the partnership's log that concern a risk. */
export const riskDecisions = pgTable(
  "risk_decisions",
  {
    riskId: uuid("risk_id")
      .notNull()
      .references(() => risks.id),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => decisions.id),
    linkedBy: uuid("linked_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.riskId, t.decisionId] }), index("risk_decisions_decision_idx").on(t.decisionId)],
);

/** The appetite the board approved for each category of risk, by which decision. */
export const riskAppetites = pgTable(
  "risk_appetites",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    category: text("category").notNull(),
    level: text("level").notNull(),
    approvedByDecisionId: uuid("approved_by_decision_id")
      .notNull()
      .references(() => decisions.id),
    approvedOn: date("approved_on", { mode: "string" }).notNull(),
    approvedBy: uuid("approved_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.category] })],
);

/**
 * A risk sent to the board: why, to which meeting's agenda (none while no
 * board meeting is arranged), whether it was put back once and why, and the
 * decision the board took on it. A risk has at most one escalation waiting
 * for a decision.
 */
export const riskEscalations = pgTable(
  "risk_escalations",
  {
    id: uuid("id").primaryKey(),
    riskId: uuid("risk_id")
      .notNull()
      .references(() => risks.id),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id),
    // The sentences the chair reads out, as they stood on the day.
    reasons: jsonb("reasons").$type<string[]>().notNull(),
    escalatedOn: date("escalated_on", { mode: "string" }).notNull(),
    escalatedBy: uuid("escalated_by").references(() => users.id),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id),
    deferrals: smallint("deferrals").notNull().default(0),
    deferralReason: text("deferral_reason"),
    decisionId: uuid("decision_id").references(() => decisions.id),
    createdAt: createdAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("risk_escalations_waiting_key").on(t.riskId).where(sql`decision_id is null`),
    index("risk_escalations_agenda_item_idx").on(t.agendaItemId),
    index("risk_escalations_unplaced_idx").on(t.partnershipId).where(sql`meeting_id is null and decision_id is null`),
  ],
);
