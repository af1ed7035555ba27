import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import {
  actions,
  agendaItems,
  decisionColumns,
  type DecisionRow,
  decisionRatifications,
  decisionStatusChanges,
  decisions,
  decisionVotes,
  meetings,
  organisations,
  riskDecisions,
  termsOfReference,
  users,
} from "../../../db/schema";
import type { QuorumResult } from "../register/public";
import { allowedStatusChanges, decisionOutcome, ratificationSummary, type CastVote, type ChosenOutcome } from "./rules/decisions";
import { isPartnerCurrent } from "../register/public";
import { formatDate } from "../../platform/time/dates";
import { termsSectionKeys } from "../register/public";
import { decisionStatuses, ratificationStatuses, votes as voteValues, type DecisionRoute, type DecisionStatus, type RatificationStatus, type Vote } from "./rules/vocabulary";
import type { DecisionMethod } from "../register/public";
import { listPartnersForRules } from "../register/public.server";
import { decisionAudit, insertDecision } from "./decision-records.server";
import { uuidv7 } from "../../platform/ids";
import { appNow, appToday } from "../../platform/clock.server";
import { checkbox, optionalDate, optionalText, optionalWholeNumber, requiredText, versionField } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import { findMeeting, loadMeetingBoard, refuseIfLocked, type MeetingRow } from "../meetings/public.server";
import { applyMinutesApproval } from "../meetings/public.server";
import { applyTermsApproval, termsInForce } from "../register/public.server";
import { conflict, fail, ok, refuse, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";

export type QuorumSnapshot = QuorumResult & { termsVersion: number; recusedSeatIds: string[]; computedAt: string };

// --------------------------------------------------------------- the forms

const decisionContentFields = {
  title: requiredText("Enter a short title for the decision", 300, "The title"),
  text: requiredText("Enter what was decided", 10_000, "The decision"),
  rationale: optionalText(10_000, "The rationale"),
  optionsConsidered: optionalText(10_000, "The options considered"),
};

/** What call-in needs to know of a decision when it is recorded (the terms of reference's rule decides the rest). */
const callInFields = {
  keyDecision: checkbox,
  urgentReason: optionalText(1000, "The reason it is urgent"),
};

export const decisionFormSchema = z.object({
  ...decisionContentFields,
  outcome: z.enum(["agreed", "rejected", "deferred", "by_votes"], { error: "Choose the outcome" }),
  delegatedAuthority: optionalText(1000, "The delegated authority"),
  financialImplicationGbp: optionalWholeNumber("The financial implication", 0, 10_000_000_000),
  financialNote: optionalText(2000, "The note on the financial implication"),
  termsSections: z.array(z.enum(termsSectionKeys, { error: "Choose sections from the list" })),
  reviewDate: optionalDate("The review date"),
  needsRatification: checkbox,
  ...callInFields,
  approves: z.string().trim().default(""),
  proposedDecisionId: z.string().trim().default(""),
});
export type DecisionFormInput = z.output<typeof decisionFormSchema>;
export const DECISION_FORM_ARRAYS = ["termsSections"] as const;

/** Votes from the form: `vote-<seatId>` = for | against | abstain, blank for none. */
export function parseVotes(form: FormData): { ok: true; votes: Map<string, Vote> } | { ok: false; message: string } {
  const votes = new Map<string, Vote>();
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("vote-") || typeof value !== "string" || value === "") continue;
    if (!(voteValues as readonly string[]).includes(value)) return { ok: false, message: "Each vote must be for, against or abstain" };
    votes.set(key.slice(5), value as Vote);
  }
  return { ok: true, votes };
}

export const proposalSchema = z.object({
  ...decisionContentFields,
  meetingId: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.uuid({ error: "Choose a meeting from the list" }).nullable()),
});

export const outsideMeetingSchema = z.object({
  ...decisionContentFields,
  route: z.enum(["written_procedure", "chairs_action"], { error: "Choose written procedure or chair's action" }),
  outcome: z.enum(["agreed", "rejected"], { error: "Choose whether it was agreed or rejected" }),
  decidedOn: z.string().trim().pipe(z.iso.date({ error: "Enter a real date for the decision, for example 2026-04-01" })),
  delegatedAuthority: optionalText(1000, "The delegated authority"),
  financialImplicationGbp: optionalWholeNumber("The financial implication", 0, 10_000_000_000),
  financialNote: optionalText(2000, "The note on the financial implication"),
  needsRatification: checkbox,
  reviewDate: optionalDate("The review date"),
  ...callInFields,
});

// ------------------------------------------------------------------ writing

/** The partners who ratify decisions that need it under the terms in force (e.g. each borough). */
async function ratifyingPartners(tx: Tx, partnershipId: string, types: readonly string[], onDate: string) {
  const partners = await listPartnersForRules(tx, partnershipId);
  return partners.filter((p) => isPartnerCurrent(p, onDate) && types.includes(p.type));
}

/**
 * Records the outcome of a decision taken at a meeting, under one agenda item:
 * the quorum for that item (without members who withdrew), the votes, and
 * the outcome the terms of reference give them. If the decision approves a
 * terms-of-reference draft or earlier minutes and is agreed, they are
 * approved in the same transaction.
 */
export async function recordMeetingDecision(
  db: Db,
  scope: PartnershipScope,
  meeting: MeetingRow,
  agendaItemId: string,
  input: DecisionFormInput,
  castVotes: Map<string, Vote>,
  /** Runs in the same transaction once the decision is recorded: a higher area's follow-up (the risks area links a decision on an escalated risk to it). */
  onRecorded?: (tx: Tx, decision: { id: string; reference: string; status: DecisionStatus; decidedOn: string; agendaItemId: string; riskId: string | null }) => Promise<void>,
): Promise<WriteResult<{ id: string; reference: string; status: DecisionStatus }>> {
  const partnership = scope.partnership;
  return transact(db, async (tx: Tx) => {
    const [item] = await tx.select().from(agendaItems).where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, meeting.id)));
    if (!item) return fail("form", "That item is not on this meeting's agenda");
    if (meeting.cancelledAt) return fail("form", "This meeting was cancelled");
    await refuseIfLocked(tx, meeting.id);
    if (meeting.startsAt.getTime() > appNow().getTime())
      return fail("form", `This meeting has not begun: it starts on ${formatDate(meeting.date)} at ${meeting.startTime}. Record outcomes once it is under way; until then, propose the decision instead`);
    const board = await loadMeetingBoard(tx, partnership, meeting, item.id);
    if (!board.terms || !board.quorum)
      return fail("form", `No terms of reference were in force on ${formatDate(meeting.date)}, so the quorum cannot be judged: approve terms of reference first`);
    if (!board.attendanceMarked) return fail("form", "Record who is present before recording a decision: the quorum depends on it");
    const seatById = new Map(board.seats.map((s) => [s.id, s]));
    const partnerName = new Map(board.partners.map((p) => [p.organisationId, p.name]));
    const cast: CastVote[] = [];
    for (const [seatId, vote] of castVotes) {
      const seat = seatById.get(seatId);
      if (!seat) return fail("votes", "A vote was for someone who is not on the board");
      cast.push({ seatId, organisationId: seat.organisationId, personName: seat.personName, organisationName: partnerName.get(seat.organisationId) ?? seat.organisationName, vote });
    }
    const rules = board.terms.rules;
    const outcome = decisionOutcome({
      method: rules.decisions.method,
      votingBasis: rules.decisions.votingBasis,
      chosen: input.outcome as ChosenOutcome,
      votes: cast,
      eligibleSeatIds: board.quorum.countedSeatIds,
      recusedSeatIds: board.recusedSeatIds,
      quorate: board.quorum.quorate,
    });
    if (!outcome.ok) return fail(outcome.field, outcome.message);

    const ratifiers = input.needsRatification ? await ratifyingPartners(tx, partnership.id, rules.decisions.ratifyingPartnerTypes, meeting.date) : [];
    if (input.needsRatification && ratifiers.length === 0)
      return fail("needsRatification", "The terms of reference in force name no partners whose own bodies ratify decisions");

    const snapshot: QuorumSnapshot = { ...board.quorum, termsVersion: board.terms.versionNumber, recusedSeatIds: board.recusedSeatIds, computedAt: new Date().toISOString() };
    const [kind, targetId] = input.approves ? input.approves.split(":") : [null, null];
    let approvesTerms: typeof termsOfReference.$inferSelect | undefined;
    let approvesMeeting: MeetingRow | undefined;
    if (kind === "terms") {
      const valid = z.uuid().safeParse(targetId).success;
      [approvesTerms] = valid
        ? await tx.select().from(termsOfReference).where(and(eq(termsOfReference.id, targetId!), eq(termsOfReference.partnershipId, partnership.id)))
        : [];
      if (!approvesTerms || approvesTerms.status !== "draft") return fail("approves", "Choose a draft of the terms of reference that is still waiting for approval");
    } else if (kind === "minutes") {
      approvesMeeting = await findMeeting(tx, partnership.id, targetId ?? "");
      if (!approvesMeeting || approvesMeeting.startsAt >= meeting.startsAt) return fail("approves", "Choose the minutes of an earlier meeting");
    } else if (input.approves) return fail("approves", "Choose what the decision approves from the list");

    const fields = {
      route: "meeting" as DecisionRoute,
      meetingId: meeting.id,
      agendaItemId: item.id,
      title: input.title,
      text: input.text,
      rationale: input.rationale,
      optionsConsidered: input.optionsConsidered,
      method: rules.decisions.method,
      status: outcome.status,
      decidedOn: meeting.date,
      quorumSnapshot: snapshot,
      termsVersion: board.terms.versionNumber,
      delegatedAuthority: input.delegatedAuthority,
      financialImplicationGbp: input.financialImplicationGbp,
      financialNote: input.financialNote,
      termsSections: input.termsSections,
      reviewDate: input.reviewDate,
      keyDecision: input.keyDecision,
      urgentReason: input.urgentReason,
      approvesTermsId: approvesTerms?.id ?? null,
      approvesMinutesOfMeetingId: approvesMeeting?.id ?? null,
    };
    // A deferral decides nothing, so no votes are kept with it.
    const votes = outcome.status === "deferred" ? [] : cast.map((v) => ({ seatId: v.seatId, vote: v.vote, deputySeatId: board.quorum!.deputiesCounted[v.seatId] ?? null }));
    let recorded: { id: string; reference: string };
    if (input.proposedDecisionId) {
      recorded = await finaliseProposal(tx, scope, input.proposedDecisionId, fields, votes, ratifiers.map((r) => r.organisationId), rules.decisions.ratifyingBody, outcome.explanation);
    } else {
      recorded = await insertDecision(tx, scope.user, partnership, {
        ...fields,
        votes,
        ratifyingOrganisationIds: ratifiers.map((r) => r.organisationId),
        ratifyingBody: rules.decisions.ratifyingBody,
        reason: outcome.explanation,
      });
    }
    if (outcome.status === "agreed" && approvesTerms) {
      const applied = await applyTermsApproval(tx, scope, approvesTerms, { effectiveFrom: meeting.date, approvalNote: `Decision ${recorded.reference}`, decisionId: recorded.id, reference: recorded.reference });
      if (!applied.ok) refuse({ ...applied, field: "approves" });
    }
    if (outcome.status === "agreed" && approvesMeeting) {
      const applied = await applyMinutesApproval(tx, scope, approvesMeeting, recorded);
      if (!applied.ok) refuse(applied);
    }
    await onRecorded?.(tx, { ...recorded, status: outcome.status, decidedOn: meeting.date, agendaItemId: item.id, riskId: item.riskId });
    return ok({ ...recorded, status: outcome.status });
  });
}

/** A proposal taken at a meeting: the proposed row becomes the recorded decision. */
async function finaliseProposal(
  tx: Tx,
  scope: PartnershipScope,
  decisionId: string,
  fields: Omit<Parameters<typeof insertDecision>[3], "votes">,
  votes: { seatId: string; vote: Vote; deputySeatId: string | null }[],
  ratifyingOrganisationIds: string[],
  ratifyingBody: string,
  explanation: string,
) {
  const [row] = await tx.select(decisionColumns).from(decisions).where(and(eq(decisions.id, decisionId), eq(decisions.partnershipId, scope.partnership.id)));
  if (!row || row.status !== "proposed") refuse(fail("proposedDecisionId", "That proposal has already been decided, or does not exist"));
  await versionedUpdate(tx, decisions, eq(decisions.id, row.id), row.version, { ...fields, recordedBy: scope.user.id }, "proposal");
  for (const v of votes) await tx.insert(decisionVotes).values({ decisionId: row.id, ...v });
  for (const organisationId of ratifyingOrganisationIds)
    await tx.insert(decisionRatifications).values({ decisionId: row.id, organisationId, status: "awaiting", body: ratifyingBody || null });
  await tx.insert(decisionStatusChanges).values({ id: uuidv7(), changedAt: new Date(), decisionId: row.id, fromStatus: "proposed", toStatus: fields.status, reason: explanation, changedBy: scope.user.id });
  const [updated] = await tx.select(decisionColumns).from(decisions).where(eq(decisions.id, row.id));
  await appendAudit(tx, {
    actorUserId: scope.user.id,
    action: "decision.record",
    entityId: row.id,
    partnershipId: scope.partnership.id,
    before: { status: "proposed", title: row.title, text: row.text },
    after: decisionAudit(updated, votes, ratifyingOrganisationIds),
    reason: explanation,
  });
  return { id: row.id, reference: row.reference };
}

/** Anyone who may propose puts a decision forward; it waits, with a reference, until a meeting decides it. */
export async function proposeDecision(db: Db, scope: PartnershipScope, input: z.output<typeof proposalSchema>, today: string): Promise<WriteResult<string>> {
  const partnership = scope.partnership;
  return transact(db, async (tx: Tx) => {
    if (input.meetingId) {
      const m = await findMeeting(tx, partnership.id, input.meetingId);
      if (!m || m.cancelledAt) return fail("meetingId", "Choose a meeting of this partnership that has not been cancelled");
      if (m.date < today) return fail("meetingId", `That meeting took place on ${formatDate(m.date)}: choose a meeting still to come, or leave it for the chair to schedule`);
    }
    const terms = await termsInForce(tx, partnership.id, today);
    const organisationId = scope.grants.find((g) => g.organisationId)?.organisationId ?? null;
    const d = await insertDecision(tx, scope.user, partnership, {
      route: "meeting",
      meetingId: input.meetingId,
      title: input.title,
      text: input.text,
      rationale: input.rationale,
      optionsConsidered: input.optionsConsidered,
      method: (terms?.rules.decisions.method ?? "consensus") as DecisionMethod,
      status: "proposed",
      decidedOn: null,
      proposedByOrganisationId: organisationId,
    });
    return ok(d.id);
  });
}

/** Written procedure or chair's action: flagged as taken outside a meeting, with no quorum to judge. */
export async function recordOutsideMeeting(db: Db, scope: PartnershipScope, input: z.output<typeof outsideMeetingSchema>): Promise<WriteResult<string>> {
  const partnership = scope.partnership;
  return transact(db, async (tx: Tx) => {
    if (input.decidedOn > appToday()) return fail("decidedOn", `The date it was decided cannot be in the future: record it once it has been decided (today is ${formatDate(appToday())})`);
    const terms = await termsInForce(tx, partnership.id, input.decidedOn);
    const ratifiers = input.needsRatification && terms ? await ratifyingPartners(tx, partnership.id, terms.rules.decisions.ratifyingPartnerTypes, input.decidedOn) : [];
    if (input.needsRatification && ratifiers.length === 0)
      return fail("needsRatification", "The terms of reference in force name no partners whose own bodies ratify decisions");
    const d = await insertDecision(tx, scope.user, partnership, {
      route: input.route,
      title: input.title,
      text: input.text,
      rationale: input.rationale,
      optionsConsidered: input.optionsConsidered,
      method: (terms?.rules.decisions.method ?? "consensus") as DecisionMethod,
      status: input.outcome,
      decidedOn: input.decidedOn,
      termsVersion: terms?.versionNumber ?? null,
      delegatedAuthority: input.delegatedAuthority,
      financialImplicationGbp: input.financialImplicationGbp,
      financialNote: input.financialNote,
      reviewDate: input.reviewDate,
      keyDecision: input.keyDecision,
      urgentReason: input.urgentReason,
      ratifyingOrganisationIds: ratifiers.map((r) => r.organisationId),
      ratifyingBody: terms?.rules.decisions.ratifyingBody ?? null,
      reason: input.route === "chairs_action" ? "Chair's action, to be reported to the next meeting" : "Agreed by written procedure",
    });
    return ok(d.id);
  });
}

export const editProposalSchema = z.object({ version: versionField, ...decisionContentFields });

/** A proposal can be reworded until it is decided; a stale edit is refused, keeping the text typed. */
export async function editProposal(db: Db, scope: PartnershipScope, decisionId: string, input: z.output<typeof editProposalSchema>): Promise<WriteResult> {
  return transact(db, async (tx: Tx) => {
    const [row] = await tx.select(decisionColumns).from(decisions).where(and(eq(decisions.id, decisionId), eq(decisions.partnershipId, scope.partnership.id)));
    if (!row) return fail("form", "That decision is not in this partnership's log");
    if (row.status !== "proposed") return fail("form", "This decision has been recorded and can no longer be reworded: change its status instead");
    if (row.version !== input.version) return conflict("decision");
    const { version: _v, ...next } = input;
    await versionedUpdate(tx, decisions, eq(decisions.id, row.id), input.version, next, "decision");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "decision.update",
      entityId: row.id,
      partnershipId: scope.partnership.id,
      before: { title: row.title, text: row.text, rationale: row.rationale, optionsConsidered: row.optionsConsidered },
      after: next,
    });
    return ok();
  });
}

/** Who a proposal belongs to, for the guard's "decision:edit": the person who put it forward. */
export const proposalOwner = (row: { proposedBy: string | null; proposedByOrganisationId: string | null }) => ({
  organisationIds: row.proposedByOrganisationId ? [row.proposedByOrganisationId] : [],
  userId: row.proposedBy,
});

export const statusChangeSchema = z.object({
  version: versionField,
  toStatus: z.enum(decisionStatuses, { error: "Choose the new status" }),
  reason: requiredText("Say why the status is changing", 2000, "The reason"),
  supersededByReference: z.string().trim().default(""),
});

/** Moves a recorded decision on: ratified after an inquorate meeting, superseded by a later decision, rescinded. */
export async function changeDecisionStatus(db: Db, scope: PartnershipScope, decisionId: string, input: z.output<typeof statusChangeSchema>): Promise<WriteResult> {
  return transact(db, async (tx: Tx) => {
    const [row] = await tx.select(decisionColumns).from(decisions).where(and(eq(decisions.id, decisionId), eq(decisions.partnershipId, scope.partnership.id)));
    if (!row) return fail("form", "That decision is not in this partnership's log");
    if (row.version !== input.version) return conflict("decision");
    const from = row.status as DecisionStatus;
    if (!allowedStatusChanges(from).includes(input.toStatus)) return fail("toStatus", `A decision that is ${from} cannot become ${input.toStatus}`);
    let supersededById: string | null = null;
    if (input.toStatus === "superseded") {
      const [by] = await tx.select(decisionColumns).from(decisions).where(and(eq(decisions.partnershipId, scope.partnership.id), eq(decisions.reference, input.supersededByReference.toUpperCase())));
      if (!by || by.id === row.id || by.status !== "agreed") return fail("supersededByReference", "Enter the reference of the agreed decision that replaces this one, for example NELCP-2026-014");
      supersededById = by.id;
    }
    await versionedUpdate(tx, decisions, eq(decisions.id, row.id), input.version, { status: input.toStatus, supersededById: supersededById ?? row.supersededById }, "decision");
    await tx.insert(decisionStatusChanges).values({ id: uuidv7(), changedAt: new Date(), decisionId: row.id, fromStatus: from, toStatus: input.toStatus, reason: input.reason, changedBy: scope.user.id });
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "decision.status",
      entityId: row.id,
      partnershipId: scope.partnership.id,
      before: { status: from },
      after: { status: input.toStatus, supersededById },
      reason: input.reason,
    });
    return ok();
  });
}

export const ratificationSchema = z.object({
  organisationId: z.uuid({ error: "Choose the partner" }),
  version: versionField,
  status: z.enum(ratificationStatuses, { error: "Choose awaiting, ratified or refused" }),
  body: optionalText(200, "The body"),
  decidedOn: optionalDate("The date"),
  note: optionalText(1000, "The note"),
});

export async function updateRatification(db: Db, scope: PartnershipScope, decisionId: string, input: z.output<typeof ratificationSchema>): Promise<WriteResult> {
  return transact(db, async (tx: Tx) => {
    const [decision] = await tx.select(decisionColumns).from(decisions).where(and(eq(decisions.id, decisionId), eq(decisions.partnershipId, scope.partnership.id)));
    if (!decision) return fail("form", "That decision is not in this partnership's log");
    const [row] = await tx
      .select()
      .from(decisionRatifications)
      .where(and(eq(decisionRatifications.decisionId, decision.id), eq(decisionRatifications.organisationId, input.organisationId)));
    if (!row) return fail("organisationId", "That partner does not ratify this decision");
    if (row.version !== input.version) return conflict("ratification");
    if (input.status !== "awaiting" && !input.decidedOn) return fail("decidedOn", "Enter the date the partner's body decided");
    if (input.decidedOn && input.decidedOn > appToday()) return fail("decidedOn", `The date the partner's body decided cannot be in the future (today is ${formatDate(appToday())})`);
    if (input.decidedOn && decision.decidedOn && input.decidedOn < decision.decidedOn) return fail("decidedOn", `A partner's body can only ratify the decision after it was taken, on ${formatDate(decision.decidedOn)}`);
    const next = { status: input.status, body: input.body, decidedOn: input.status === "awaiting" ? null : input.decidedOn, note: input.note };
    await versionedUpdate(
      tx,
      decisionRatifications,
      and(eq(decisionRatifications.decisionId, decision.id), eq(decisionRatifications.organisationId, input.organisationId)),
      input.version,
      next,
      "ratification",
    );
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "decision.ratification",
      entityId: decision.id,
      partnershipId: scope.partnership.id,
      before: { organisationId: row.organisationId, status: row.status, decidedOn: row.decidedOn },
      after: { organisationId: row.organisationId, ...next },
    });
    if (input.status === "refused" && row.status !== "refused") await applyRefusal(tx, scope, decision, input.body || "The partner's own body", input.decidedOn!);
    return ok();
  });
}

/**
 * A partner's body refused to ratify: under terms of reference whose rule is
 * that the decision then falls, an agreed decision becomes rejected (with the
 * refusal as its reason); where it stands, only the ratification records it.
 */
async function applyRefusal(tx: Tx, scope: PartnershipScope, decision: DecisionRow, body: string, refusedOn: string) {
  if (decision.status !== "agreed" && decision.status !== "inquorate") return;
  const terms = await termsInForce(tx, scope.partnership.id, decision.decidedOn ?? refusedOn);
  if ((terms?.rules.decisions.whenRatificationRefused ?? "decision_falls") !== "decision_falls") return;
  const reason = `${body} refused to ratify it on ${formatDate(refusedOn)}, and the terms of reference say the decision then falls`;
  await versionedUpdate(tx, decisions, eq(decisions.id, decision.id), decision.version, { status: "rejected" }, "decision");
  await tx.insert(decisionStatusChanges).values({ id: uuidv7(), changedAt: new Date(), decisionId: decision.id, fromStatus: decision.status, toStatus: "rejected", reason, changedBy: scope.user.id });
  await appendAudit(tx, {
    actorUserId: scope.user.id,
    action: "decision.status",
    entityId: decision.id,
    partnershipId: scope.partnership.id,
    before: { status: decision.status },
    after: { status: "rejected", supersededById: null },
    reason,
  });
}

// ------------------------------------------------------------------ reading

export const decisionLogQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(decisionStatuses).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  meeting: z.uuid().optional().catch(undefined),
  partner: z.uuid().optional().catch(undefined),
  risk: z.uuid().optional().catch(undefined),
  after: z.string().regex(/^\d{4}-\d{2}-\d{2}_[0-9a-f-]{36}$/).optional().catch(undefined),
});
export type DecisionLogQuery = z.output<typeof decisionLogQuerySchema>;

export const DECISION_PAGE_SIZE = 25;

function logConditions(partnershipId: string, q: DecisionLogQuery): SQL[] {
  const where: SQL[] = [eq(decisions.partnershipId, partnershipId), isNotNull(decisions.decidedOn)];
  if (q.q) {
    // A reference, or the start of one (e.g. NELCP-2017-), is looked up by reference alone: mixing it
    // with the text search in one OR would make PostgreSQL compute every row's text vector.
    const ref = q.q.trim().toUpperCase();
    // upper(reference) like 'REF%' uses decisions_reference_prefix_idx (ilike cannot use an index).
    if (/^[A-Z0-9]+(-[A-Z0-9]+)*-\d{4}(-\d*)?$/.test(ref)) where.push(sql`upper(${decisions.reference}) like ${`${ref.replace(/[%_\\]/g, "")}%`}`);
    else where.push(sql`${decisions.searchVector} @@ websearch_to_tsquery('english', ${q.q})`);
  }
  if (q.status) where.push(eq(decisions.status, q.status));
  if (q.from) where.push(gte(decisions.decidedOn, q.from));
  if (q.to) where.push(lte(decisions.decidedOn, q.to));
  if (q.meeting) where.push(eq(decisions.meetingId, q.meeting));
  if (q.partner)
    where.push(
      or(
        eq(decisions.proposedByOrganisationId, q.partner),
        sql`exists (select 1 from ${decisionRatifications} r where r.decision_id = ${decisions.id} and r.organisation_id = ${q.partner})`,
      )!,
    );
  // Decisions linked to a risk of the register (by hand, or taken on it when it was escalated to the board).
  if (q.risk) where.push(sql`exists (select 1 from ${riskDecisions} rd where rd.decision_id = ${decisions.id} and rd.risk_id = ${q.risk})`);
  return where;
}

const logColumns = {
  id: decisions.id,
  reference: decisions.reference,
  title: decisions.title,
  status: decisions.status,
  route: decisions.route,
  decidedOn: decisions.decidedOn,
  meetingId: decisions.meetingId,
  meetingTitle: meetings.title,
  ratifications: sql<string | null>`(select string_agg(r.status, ',') from ${decisionRatifications} r where r.decision_id = ${decisions.id})`,
};

/** One page of the decision log, newest first, continuing after a (date, id) cursor. */
export async function listDecisionLog(db: Db, partnershipId: string, q: DecisionLogQuery, pageSize = DECISION_PAGE_SIZE) {
  const where = logConditions(partnershipId, q);
  if (q.after) {
    const [afterDate, afterId] = q.after.split("_");
    where.push(sql`(${decisions.decidedOn}, ${decisions.id}) < (${afterDate}, ${afterId})`);
  }
  const rows = await db
    .select(logColumns)
    .from(decisions)
    .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
    .where(and(...where))
    .orderBy(desc(decisions.decidedOn), desc(decisions.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize).map((r) => ({
    ...r,
    status: r.status as DecisionStatus,
    route: r.route as DecisionRoute,
    ratification: ratificationSummary((r.ratifications ? r.ratifications.split(",") : []).map((status) => ({ status: status as RatificationStatus }))).text,
  }));
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > pageSize && last ? `${last.decidedOn}_${last.id}` : null };
}

/** Proposals waiting for a meeting to decide them. */
export async function listProposals(db: Db, partnershipId: string) {
  return db
    .select({ id: decisions.id, reference: decisions.reference, title: decisions.title, meetingId: decisions.meetingId, proposer: users.name, createdAt: decisions.createdAt })
    .from(decisions)
    .leftJoin(users, eq(users.id, decisions.proposedBy))
    .where(and(eq(decisions.partnershipId, partnershipId), isNull(decisions.decidedOn), eq(decisions.status, "proposed")))
    .orderBy(asc(decisions.createdAt));
}

/** Every matching decision, for the CSV export (same filters as the log, no paging). */
/**
 * The decision log for a spreadsheet, newest first, a batch at a time (keyset
 * on date and id): an export of decades streams in constant memory, and each
 * batch's votes and ratifications are counted in one query each, not per row.
 */
export async function* exportDecisionLog(db: Db, partnershipId: string, q: DecisionLogQuery, batchSize = 1000) {
  let cursor: { decidedOn: string; id: string } | null = null;
  for (;;) {
    const where = logConditions(partnershipId, q);
    if (cursor) where.push(sql`(${decisions.decidedOn}, ${decisions.id}) < (${cursor.decidedOn}, ${cursor.id})`);
    const rows = await db
      .select({
        id: decisions.id,
        reference: decisions.reference,
        decidedOn: decisions.decidedOn,
        title: decisions.title,
        text: decisions.text,
        status: decisions.status,
        route: decisions.route,
        meeting: meetings.title,
        method: decisions.method,
        quorate: sql<boolean | null>`(${decisions.quorumSnapshot} ->> 'quorate')::boolean`,
        financialImplicationGbp: decisions.financialImplicationGbp,
        delegatedAuthority: decisions.delegatedAuthority,
        reviewDate: decisions.reviewDate,
        rationale: decisions.rationale,
      })
      .from(decisions)
      .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
      .where(and(...where))
      .orderBy(desc(decisions.decidedOn), desc(decisions.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const [votes, ratifications] = await Promise.all([
      db
        .select({
          decisionId: decisionVotes.decisionId,
          for: sql<number>`count(*) filter (where ${decisionVotes.vote} = 'for')::int`,
          against: sql<number>`count(*) filter (where ${decisionVotes.vote} = 'against')::int`,
          abstain: sql<number>`count(*) filter (where ${decisionVotes.vote} = 'abstain')::int`,
        })
        .from(decisionVotes)
        .where(inArray(decisionVotes.decisionId, ids))
        .groupBy(decisionVotes.decisionId),
      db
        .select({ decisionId: decisionRatifications.decisionId, statuses: sql<string>`string_agg(${decisionRatifications.status}, ',')` })
        .from(decisionRatifications)
        .where(inArray(decisionRatifications.decisionId, ids))
        .groupBy(decisionRatifications.decisionId),
    ]);
    const votesOf = new Map(votes.map((v) => [v.decisionId, v]));
    const ratificationsOf = new Map(ratifications.map((r) => [r.decisionId, r.statuses]));
    yield rows.map((r) => ({
      ...r,
      votesFor: votesOf.get(r.id)?.for ?? 0,
      votesAgainst: votesOf.get(r.id)?.against ?? 0,
      votesAbstain: votesOf.get(r.id)?.abstain ?? 0,
      ratifications: ratificationsOf.get(r.id) ?? null,
    }));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    cursor = { decidedOn: last.decidedOn!, id: last.id };
  }
}

/** A decision of this partnership by its reference (NELCP-2026-014) or exact title: for other areas linking to one. */
export async function findDecision(db: Db | Tx, partnershipId: string, by: { reference?: string; title?: string }) {
  const where = by.reference ? eq(sql`upper(${decisions.reference})`, by.reference.trim().toUpperCase()) : by.title ? eq(decisions.title, by.title) : undefined;
  if (!where) return undefined;
  const [row] = await db.select({ id: decisions.id, reference: decisions.reference, title: decisions.title }).from(decisions).where(and(eq(decisions.partnershipId, partnershipId), where)).limit(1);
  return row;
}

export async function getDecision(db: Db, partnershipId: string, decisionId: string) {
  if (!z.uuid().safeParse(decisionId).success) return undefined;
  const [row] = await db
    .select({ decision: decisions, meetingTitle: meetings.title, itemTitle: agendaItems.title, proposer: users.name })
    .from(decisions)
    .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
    .leftJoin(users, eq(users.id, decisions.proposedBy))
    .where(and(eq(decisions.id, decisionId), eq(decisions.partnershipId, partnershipId)));
  if (!row) return undefined;
  const d = row.decision;
  const [history, ratifications, votes, linkedActions, supersededBy, supersedes, terms] = await Promise.all([
    db
      .select({ change: decisionStatusChanges, by: users.name })
      .from(decisionStatusChanges)
      .leftJoin(users, eq(users.id, decisionStatusChanges.changedBy))
      .where(eq(decisionStatusChanges.decisionId, d.id))
      .orderBy(asc(decisionStatusChanges.changedAt), asc(decisionStatusChanges.id)),
    db
      .select({ r: decisionRatifications, organisation: organisations.name })
      .from(decisionRatifications)
      .innerJoin(organisations, eq(organisations.id, decisionRatifications.organisationId))
      .where(eq(decisionRatifications.decisionId, d.id))
      .orderBy(asc(organisations.name)),
    db
      .select({ v: decisionVotes, person: users.name, organisation: organisations.name })
      .from(decisionVotes)
      .innerJoin(sql`board_seats s`, sql`s.id = ${decisionVotes.seatId}`)
      .innerJoin(users, sql`${users.id} = s.user_id`)
      .innerJoin(organisations, sql`${organisations.id} = s.organisation_id`)
      .where(eq(decisionVotes.decisionId, d.id))
      .orderBy(asc(organisations.name)),
    db.select().from(actions).where(eq(actions.decisionId, d.id)).orderBy(asc(actions.dueDate)),
    d.supersededById ? db.select({ id: decisions.id, reference: decisions.reference }).from(decisions).where(eq(decisions.id, d.supersededById)) : Promise.resolve([]),
    db.select({ id: decisions.id, reference: decisions.reference }).from(decisions).where(eq(decisions.supersededById, d.id)),
    d.approvesTermsId ? db.select({ versionNumber: termsOfReference.versionNumber }).from(termsOfReference).where(eq(termsOfReference.id, d.approvesTermsId)) : Promise.resolve([]),
  ]);
  const approvesMinutesOf = d.approvesMinutesOfMeetingId ? await findMeeting(db, partnershipId, d.approvesMinutesOfMeetingId) : undefined;
  return {
    decision: { ...d, status: d.status as DecisionStatus, route: d.route as DecisionRoute, quorumSnapshot: d.quorumSnapshot as QuorumSnapshot | null, termsSections: d.termsSections as string[] },
    meetingTitle: row.meetingTitle,
    itemTitle: row.itemTitle,
    proposer: row.proposer,
    history: history.map((h) => ({ ...h.change, by: h.by })),
    ratifications: ratifications.map((r) => ({ ...r.r, status: r.r.status as RatificationStatus, organisation: r.organisation })),
    ratification: ratificationSummary(ratifications.map((r) => ({ status: r.r.status as RatificationStatus }))),
    votes: votes.map((v) => ({ ...v.v, vote: v.v.vote as Vote, person: v.person, organisation: v.organisation })),
    actions: linkedActions,
    supersededBy: supersededBy[0] ?? null,
    supersedes,
    approvesTermsVersion: terms[0]?.versionNumber ?? null,
    approvesMinutesOf: approvesMinutesOf ? { id: approvesMinutesOf.id, title: approvesMinutesOf.title, date: approvesMinutesOf.date } : null,
  };
}
export type DecisionDetail = NonNullable<Awaited<ReturnType<typeof getDecision>>>;
