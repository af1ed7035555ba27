import { and, desc, eq, max, sql } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Tx, Db } from "../../../db/client";
import { decisions, partnershipRoles, riskControls, riskDecisions, riskReviews, risks } from "../../../db/schema";
import { insertAction, newActionSchema } from "../actions/public.server";
import { listPartnersForRules } from "../register/public.server";
import { referencePrefix } from "../decisions/public";
import { optionalText, versionField } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import type { PartnershipRole } from "../../platform/permissions";
import { changedFields, conflict, fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";
import {
  allowedRiskStatusChanges,
  checkRisk,
  checkRiskReview,
  checkRiskStatusChange,
  controlEffectivenessRatings,
  formatRiskReference,
  isLiveRisk,
  nextReviewDate,
  nextRiskNumber,
  reviewProblems,
  riskReviewShape,
  riskReferencePrefix,
  riskShape,
  riskStatusChangeShape,
  riskStatusLabels,
  type RiskInput,
  type RiskLevel,
} from "./public";
import { typedRisk } from "./register.server";
import { escalateIfDue, sendToBoard } from "./escalations.server";

// Changing the register: every write in one transaction with its catalogued
// audit event; a risk changes only through the one versioned update, so a
// save (an edit, a review, a status change) made from an older version of the
// risk is refused as a conflict, never applied over someone else's.

// ------------------------------------------------------------------ forms

/** Raising a risk: the rules' form. */
export const newRiskSchema = z.object({ ...riskShape }).superRefine(checkRisk);
/** Editing one: the same fields, the version it was loaded with, and why (kept in the audit trail). */
export const editRiskSchema = z.object({ ...riskShape, version: versionField, reason: optionalText(1000, "The reason") }).superRefine(checkRisk);
/** A review, against the version of the risk the reviewer saw. */
export const riskReviewSchema = z.object({ ...riskReviewShape, version: versionField }).superRefine(checkRiskReview);
export const riskStatusSchema = z.object({ ...riskStatusChangeShape, version: versionField }).superRefine(checkRiskStatusChange);

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A control: new (no id) or a change to one (its id and the version it was loaded with). */
export const controlSchema = z.object({
  controlId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose a control of this risk" }).optional()),
  version: z.preprocess(blankToUndefined, versionField.optional()),
  controlDescription: z
    .string({ error: "Describe the control: what is in place to keep the risk down" })
    .trim()
    .min(1, { error: "Describe the control: what is in place to keep the risk down" })
    .max(2000, { error: "The control must be 2000 characters or fewer" }),
  controlOwnerUserId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose the person who looks after the control" }).optional()).transform((v) => v ?? null),
  effectiveness: z.enum(controlEffectivenessRatings, { error: "Choose how well the control works" }),
});

export const mitigationSchema = newActionSchema;

export const linkDecisionSchema = z.object({
  decisionReference: z
    .string({ error: "Enter the reference of the decision" })
    .trim()
    .min(1, { error: "Enter the reference of the decision, as it appears in the decision log" })
    .max(60, { error: "Enter the reference of the decision, as it appears in the decision log" }),
});

// ------------------------------------------------------------------ checks

/** Roles whose holders may own a risk: people who sit on the board or work for the partnership. Observers and scrutiny only read. */
const ownerRoles: readonly PartnershipRole[] = ["chair", "vice_chair", "board_member", "partner_rep", "secretariat", "participation_worker"];

async function ownerProblem(tx: Tx, partnershipId: string, input: { ownerUserId: string; ownerOrganisationId: string }, today: string) {
  const roles = await tx.select({ role: partnershipRoles.role }).from(partnershipRoles).where(and(eq(partnershipRoles.partnershipId, partnershipId), eq(partnershipRoles.userId, input.ownerUserId)));
  if (!roles.some((r) => ownerRoles.includes(r.role as PartnershipRole)))
    return fail("ownerUserId", "Choose a person who sits on the board or works for the partnership: observers, scrutiny members and young people cannot own a risk");
  const partners = await listPartnersForRules(tx, partnershipId);
  if (!partners.some((p) => p.organisationId === input.ownerOrganisationId && (p.leftOn === null || p.leftOn >= today))) return fail("ownerOrganisationId", "Choose a partner in this partnership");
  return null;
}

async function riskIn(tx: Tx, partnershipId: string, riskId: string) {
  if (!z.uuid().safeParse(riskId).success) return undefined;
  const [row] = await tx.select().from(risks).where(and(eq(risks.id, riskId), eq(risks.partnershipId, partnershipId)));
  return row ? typedRisk(row) : undefined;
}

const notHere = () => fail("form", "That risk is not in this partnership's register");
const notLive = (status: keyof typeof riskStatusLabels, doing: string) =>
  fail("form", `This risk is ${riskStatusLabels[status].toLowerCase()}, so it is no longer ${doing} here: reopen it first`);

const scoresOf = (r: RiskInput) => ({
  inherentLikelihood: r.inherentLikelihood,
  inherentImpact: r.inherentImpact,
  currentLikelihood: r.currentLikelihood,
  currentImpact: r.currentImpact,
  targetLikelihood: r.targetLikelihood,
  targetImpact: r.targetImpact,
});

// ------------------------------------------------------------------ raising and editing

/** Adds a risk to the register with the next number in the partnership (PREFIX-R-NNN); its first review is one cycle after it was raised. */
export async function createRisk(db: Db, scope: PartnershipScope, input: RiskInput, today: string): Promise<WriteResult<string>> {
  const partnership = scope.partnership;
  return transact(db, async (tx) => {
    if (input.raisedOn > today) return fail("raisedOn", "The date the risk was raised must be today or earlier");
    const problem = await ownerProblem(tx, partnership.id, input, today);
    if (problem) return problem;
    // One number at a time per partnership: the next risk waits for this one's transaction.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`risk-numbers:${partnership.id}`}, 0))`);
    const [{ highest }] = await tx.select({ highest: max(risks.number) }).from(risks).where(eq(risks.partnershipId, partnership.id));
    const number = nextRiskNumber(highest === null ? [] : [highest]);
    const row = {
      id: crypto.randomUUID(),
      partnershipId: partnership.id,
      number,
      reference: formatRiskReference(riskReferencePrefix(partnership), number),
      title: input.title,
      cause: input.cause,
      event: input.event,
      effect: input.effect,
      category: input.category,
      ownerUserId: input.ownerUserId,
      ownerOrganisationId: input.ownerOrganisationId,
      scope: input.scope,
      raisedOn: input.raisedOn,
      status: "open",
      reviewFrequency: input.reviewFrequency,
      nextReviewOn: nextReviewDate(input.raisedOn, input.reviewFrequency),
      ...scoresOf(input),
      targetDate: input.targetDate,
      createdBy: scope.user.id,
    };
    await tx.insert(risks).values(row);
    await appendAudit(tx, { actorUserId: scope.user.id, action: "risk.create", entityId: row.id, partnershipId: partnership.id, after: row });
    await escalateIfDue(tx, partnership, row.id, today, scope.user.id);
    return ok(row.id);
  });
}

/**
 * Changes a risk's description, owner, category, cadence or scores. A change
 * of cadence or of the date raised moves the next review to one cycle after
 * the last review (or after the date raised, before any review).
 */
export async function editRisk(db: Db, scope: PartnershipScope, riskId: string, input: z.output<typeof editRiskSchema>, today: string): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx) => {
    const row = await riskIn(tx, partnershipId, riskId);
    if (!row) return notHere();
    if (row.version !== input.version) return conflict("risk");
    if (input.raisedOn > today) return fail("raisedOn", "The date the risk was raised must be today or earlier");
    if (input.ownerUserId !== row.ownerUserId || input.ownerOrganisationId !== row.ownerOrganisationId) {
      const problem = await ownerProblem(tx, partnershipId, input, today);
      if (problem) return problem;
    }
    let nextReviewOn = row.nextReviewOn;
    if (input.reviewFrequency !== row.reviewFrequency || input.raisedOn !== row.raisedOn) {
      const [last] = await tx.select({ on: riskReviews.reviewedOn }).from(riskReviews).where(eq(riskReviews.riskId, row.id)).orderBy(desc(riskReviews.reviewedOn)).limit(1);
      nextReviewOn = nextReviewDate(last?.on ?? input.raisedOn, input.reviewFrequency);
    }
    const next = {
      title: input.title,
      cause: input.cause,
      event: input.event,
      effect: input.effect,
      category: input.category,
      ownerUserId: input.ownerUserId,
      ownerOrganisationId: input.ownerOrganisationId,
      scope: input.scope,
      raisedOn: input.raisedOn,
      reviewFrequency: input.reviewFrequency,
      nextReviewOn,
      ...scoresOf(input),
      targetDate: input.targetDate,
    };
    const diff = changedFields(row as unknown as Record<string, unknown>, next);
    if (!diff.changed) return ok();
    // A score is read as likelihood × impact: when either changes, the trail keeps both.
    for (const kind of ["inherent", "current", "target"] as const) {
      const [l, i] = [`${kind}Likelihood`, `${kind}Impact`] as const;
      if (l in diff.after || i in diff.after) {
        Object.assign(diff.before, { [l]: row[l], [i]: row[i] });
        Object.assign(diff.after, { [l]: next[l], [i]: next[i] });
      }
    }
    await versionedUpdate(tx, risks, and(eq(risks.id, row.id), eq(risks.partnershipId, partnershipId)), input.version, next, "risk");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "risk.update",
      entityId: row.id,
      partnershipId,
      before: diff.before,
      after: { reference: row.reference, ...diff.after },
      reason: input.reason,
    });
    await escalateIfDue(tx, scope.partnership, row.id, today, scope.user.id);
    return ok();
  });
}

// ------------------------------------------------------------------ reviewing

/**
 * A review: the new current likelihood and impact (and target, where it
 * changed), with the reviewer's commentary. The risk's scores and next
 * review date (one cycle from today) change in the same transaction, against
 * the version the reviewer saw. A target left as it was may not end up above
 * the new current score.
 */
export async function reviewRisk(db: Db, scope: PartnershipScope, riskId: string, input: z.output<typeof riskReviewSchema>, today: string): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx) => {
    const row = await riskIn(tx, partnershipId, riskId);
    if (!row) return notHere();
    if (row.version !== input.version) return conflict("risk");
    if (!isLiveRisk(row.status)) return notLive(row.status, "reviewed");
    const target = {
      likelihood: input.targetLikelihood ?? (row.targetLikelihood as RiskLevel),
      impact: input.targetImpact ?? (row.targetImpact as RiskLevel),
    };
    const [problem] = reviewProblems({ ...input, targetLikelihood: target.likelihood, targetImpact: target.impact });
    if (problem && input.targetLikelihood === null)
      return fail(
        "targetLikelihood",
        `The new current score (${input.likelihood * input.impact}) is below the target (${target.likelihood * target.impact}): choose a new target at or below the current score`,
      );
    if (problem) return fail(problem.path[0], problem.message);
    const nextReviewOn = nextReviewDate(today, row.reviewFrequency);
    await versionedUpdate(
      tx,
      risks,
      and(eq(risks.id, row.id), eq(risks.partnershipId, partnershipId)),
      input.version,
      { currentLikelihood: input.likelihood, currentImpact: input.impact, targetLikelihood: target.likelihood, targetImpact: target.impact, nextReviewOn },
      "risk",
    );
    const review = {
      id: crypto.randomUUID(),
      riskId: row.id,
      reviewedOn: today,
      reviewedBy: scope.user.id,
      likelihood: input.likelihood,
      impact: input.impact,
      targetLikelihood: input.targetLikelihood,
      targetImpact: input.targetImpact,
      previousLikelihood: row.currentLikelihood,
      previousImpact: row.currentImpact,
      previousTargetLikelihood: row.targetLikelihood,
      previousTargetImpact: row.targetImpact,
      commentary: input.commentary,
    };
    await tx.insert(riskReviews).values(review);
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "risk.review",
      entityId: row.id,
      partnershipId,
      before: { likelihood: row.currentLikelihood, impact: row.currentImpact, targetLikelihood: row.targetLikelihood, targetImpact: row.targetImpact, nextReviewOn: row.nextReviewOn },
      after: {
        reference: row.reference,
        reviewId: review.id,
        reviewedOn: today,
        likelihood: input.likelihood,
        impact: input.impact,
        targetLikelihood: target.likelihood,
        targetImpact: target.impact,
        nextReviewOn,
        commentary: input.commentary,
      },
    });
    await escalateIfDue(tx, scope.partnership, row.id, today, scope.user.id);
    return ok();
  });
}

// ------------------------------------------------------------------ status

const statusList = (statuses: readonly (keyof typeof riskStatusLabels)[]) => {
  const words = statuses.map((s) => riskStatusLabels[s].toLowerCase());
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
};

/** Escalating, de-escalating, closing, reopening or transferring a risk to a partner's own register (where, and why). */
export async function changeRiskStatus(db: Db, scope: PartnershipScope, riskId: string, input: z.output<typeof riskStatusSchema>, today: string): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx) => {
    const row = await riskIn(tx, partnershipId, riskId);
    if (!row) return notHere();
    if (row.version !== input.version) return conflict("risk");
    if (input.toStatus === row.status) return fail("toStatus", `The risk is already ${riskStatusLabels[row.status].toLowerCase()}: choose another status`);
    const allowed = allowedRiskStatusChanges(row.status);
    if (!allowed.includes(input.toStatus)) return fail("toStatus", `A risk that is ${riskStatusLabels[row.status].toLowerCase()} can only become ${statusList(allowed)}`);
    const transfer = input.toStatus === "transferred";
    if (transfer) {
      const partners = await listPartnersForRules(tx, partnershipId);
      if (!partners.some((p) => p.organisationId === input.transferredToOrganisationId && (p.leftOn === null || p.leftOn >= today)))
        return fail("transferredToOrganisationId", "Choose a partner in this partnership");
    }
    const next = {
      status: input.toStatus,
      transferredToOrganisationId: transfer ? input.transferredToOrganisationId : null,
      transferredToRegister: transfer ? input.transferredToRegister : null,
      transferReason: transfer ? input.reason : null,
    };
    await versionedUpdate(tx, risks, and(eq(risks.id, row.id), eq(risks.partnershipId, partnershipId)), input.version, next, "risk");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "risk.status",
      entityId: row.id,
      partnershipId,
      before: { status: row.status },
      after: { reference: row.reference, status: next.status, transferredToOrganisationId: next.transferredToOrganisationId, transferredToRegister: next.transferredToRegister },
      reason: input.reason,
    });
    // Escalated by hand: it goes on the next board meeting's agenda like any other.
    if (next.status === "escalated")
      await sendToBoard(tx, scope.partnership.id, row, [`Escalated by ${scope.user.name}${input.reason ? `: ${input.reason}` : "."}`], today, scope.user.id);
    return ok();
  });
}

// ------------------------------------------------------------------ controls

async function memberProblem(tx: Tx, partnershipId: string, userId: string | null, field: string) {
  if (!userId) return null;
  const [member] = await tx.select({ id: partnershipRoles.id }).from(partnershipRoles).where(and(eq(partnershipRoles.partnershipId, partnershipId), eq(partnershipRoles.userId, userId)));
  return member ? null : fail(field, "Choose a person who belongs to this partnership");
}

/** Adds a control to a risk, or changes one (against the version it was loaded with). */
export async function saveControl(db: Db, scope: PartnershipScope, riskId: string, input: z.output<typeof controlSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx) => {
    const row = await riskIn(tx, partnershipId, riskId);
    if (!row) return notHere();
    const problem = await memberProblem(tx, partnershipId, input.controlOwnerUserId, "controlOwnerUserId");
    if (problem) return problem;
    const content = { description: input.controlDescription, ownerUserId: input.controlOwnerUserId, effectiveness: input.effectiveness };
    if (!input.controlId) {
      const control = { id: crypto.randomUUID(), riskId: row.id, ...content, createdBy: scope.user.id };
      await tx.insert(riskControls).values(control);
      await appendAudit(tx, { actorUserId: scope.user.id, action: "risk_control.create", entityId: control.id, partnershipId, after: { id: control.id, riskId: row.id, reference: row.reference, ...content } });
      return ok();
    }
    const [control] = await tx.select().from(riskControls).where(and(eq(riskControls.id, input.controlId), eq(riskControls.riskId, row.id)));
    if (!control) return fail("form", "That control is not one of this risk's");
    if (input.version === undefined) return fail("version", "The form is missing its version: reload the page and try again");
    if (control.version !== input.version) return conflict("control");
    const diff = changedFields(control as unknown as Record<string, unknown>, content);
    if (!diff.changed) return ok();
    await versionedUpdate(tx, riskControls, eq(riskControls.id, control.id), input.version, content, "control");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "risk_control.update", entityId: control.id, partnershipId, before: diff.before, after: { reference: row.reference, ...diff.after } });
    return ok();
  });
}

// ------------------------------------------------------------------ mitigations and decisions

/**
 * A mitigating action: a real action of the actions area (so it is in its
 * owner's "my actions"), made through that area's door in this transaction,
 * and noted on the risk's trail.
 */
export async function addMitigation(db: Db, scope: PartnershipScope, riskId: string, input: z.output<typeof mitigationSchema>): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx) => {
    const row = await riskIn(tx, partnershipId, riskId);
    if (!row) return notHere();
    if (!isLiveRisk(row.status)) return notLive(row.status, "managed");
    const made = await insertAction(tx, scope, { ...input, agendaItemId: "", decisionId: "" }, { meetingId: null, riskId: row.id });
    if (!made.ok) return made;
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "risk.mitigation",
      entityId: row.id,
      partnershipId,
      after: { reference: row.reference, actionId: made.value, title: input.title, dueDate: input.dueDate, ownerUserId: input.ownerUserId, organisationId: input.organisationId },
    });
    return made;
  });
}

/** Links a decision of the partnership's log to the risk, by its reference. */
export async function linkDecision(db: Db, scope: PartnershipScope, riskId: string, input: z.output<typeof linkDecisionSchema>, today: string): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx) => {
    const row = await riskIn(tx, partnershipId, riskId);
    if (!row) return notHere();
    const [decision] = await tx
      .select({ id: decisions.id, reference: decisions.reference })
      .from(decisions)
      .where(and(eq(decisions.partnershipId, partnershipId), eq(decisions.reference, input.decisionReference.toUpperCase())));
    if (!decision)
      return fail("decisionReference", `There is no decision ${input.decisionReference} in this partnership's log: enter a reference such as ${referencePrefix(scope.partnership)}-${today.slice(0, 4)}-014`);
    const inserted = await tx.insert(riskDecisions).values({ riskId: row.id, decisionId: decision.id, linkedBy: scope.user.id }).onConflictDoNothing().returning({ riskId: riskDecisions.riskId });
    if (inserted.length === 0) return fail("decisionReference", `Decision ${decision.reference} is already linked to this risk`);
    await appendAudit(tx, { actorUserId: scope.user.id, action: "risk.link_decision", entityId: row.id, partnershipId, after: { reference: row.reference, decisionId: decision.id, decisionReference: decision.reference } });
    return ok();
  });
}
