import { sql } from "drizzle-orm";
import { appendAudit } from "../../audit/append.server";
import type { Tx } from "../../../db/client";
import { decisionCounters, decisionRatifications, decisionStatusChanges, decisions, decisionVotes, type DecisionRow } from "../../../db/schema";
import { formatReference, referencePrefix } from "./rules/decisions";
import { uuidv7 } from "../../platform/ids";
import type { DecisionMethod } from "../register/public";
import type { DecisionRoute, DecisionStatus, Vote } from "./rules/vocabulary";

// The one place a decision row is written, so every route to a decision —
// a meeting, written procedure, chair's action, approving terms or minutes —
// numbers it, records its first status and audits it the same way.

/** The next reference in the partnership's sequence for a year, taken atomically. */
export async function nextReference(tx: Tx, partnership: { id: string; shortName: string; referencePrefix: string | null }, year: number) {
  const [row] = await tx
    .insert(decisionCounters)
    .values({ partnershipId: partnership.id, year, last: 1 })
    .onConflictDoUpdate({ target: [decisionCounters.partnershipId, decisionCounters.year], set: { last: sql`${decisionCounters.last} + 1` } })
    .returning({ last: decisionCounters.last });
  return formatReference(referencePrefix(partnership), year, row.last);
}

export type NewDecision = {
  route: DecisionRoute;
  meetingId?: string | null;
  agendaItemId?: string | null;
  title: string;
  text: string;
  rationale?: string | null;
  optionsConsidered?: string | null;
  method: DecisionMethod;
  status: DecisionStatus;
  decidedOn: string | null;
  quorumSnapshot?: unknown;
  termsVersion?: number | null;
  delegatedAuthority?: string | null;
  financialImplicationGbp?: number | null;
  financialNote?: string | null;
  termsSections?: string[];
  reviewDate?: string | null;
  keyDecision?: boolean;
  urgentReason?: string | null;
  approvesTermsId?: string | null;
  approvesMinutesOfMeetingId?: string | null;
  proposedBy?: string | null;
  proposedByOrganisationId?: string | null;
  votes?: { seatId: string; vote: Vote; deputySeatId: string | null }[];
  ratifyingOrganisationIds?: string[];
  ratifyingBody?: string | null;
  reason?: string | null;
};

export async function insertDecision(
  tx: Tx,
  actor: { id: string },
  partnership: { id: string; shortName: string; referencePrefix: string | null },
  d: NewDecision,
) {
  const year = Number((d.decidedOn ?? new Date().toISOString()).slice(0, 4));
  const reference = await nextReference(tx, partnership, year);
  const row = {
    // Time-ordered, so decisions on the same day list in the order they were taken.
    id: uuidv7(),
    partnershipId: partnership.id,
    reference,
    route: d.route,
    meetingId: d.meetingId ?? null,
    agendaItemId: d.agendaItemId ?? null,
    title: d.title,
    text: d.text,
    rationale: d.rationale ?? null,
    optionsConsidered: d.optionsConsidered ?? null,
    method: d.method,
    status: d.status,
    decidedOn: d.decidedOn,
    quorumSnapshot: d.quorumSnapshot ?? null,
    termsVersion: d.termsVersion ?? null,
    delegatedAuthority: d.delegatedAuthority ?? null,
    financialImplicationGbp: d.financialImplicationGbp ?? null,
    financialNote: d.financialNote ?? null,
    termsSections: d.termsSections ?? [],
    reviewDate: d.reviewDate ?? null,
    keyDecision: d.keyDecision ?? false,
    urgentReason: d.urgentReason ?? null,
    approvesTermsId: d.approvesTermsId ?? null,
    approvesMinutesOfMeetingId: d.approvesMinutesOfMeetingId ?? null,
    proposedBy: d.proposedBy ?? actor.id,
    proposedByOrganisationId: d.proposedByOrganisationId ?? null,
    recordedBy: d.status === "proposed" ? null : actor.id,
  };
  await tx.insert(decisions).values(row);
  for (const v of d.votes ?? []) await tx.insert(decisionVotes).values({ decisionId: row.id, ...v });
  await tx.insert(decisionStatusChanges).values({ id: uuidv7(), changedAt: new Date(), decisionId: row.id, fromStatus: null, toStatus: d.status, reason: d.reason ?? null, changedBy: actor.id });
  for (const organisationId of d.ratifyingOrganisationIds ?? [])
    await tx.insert(decisionRatifications).values({ decisionId: row.id, organisationId, status: "awaiting", body: d.ratifyingBody || null });
  await appendAudit(tx, {
    actorUserId: actor.id,
    action: d.status === "proposed" ? "decision.propose" : "decision.record",
    entityId: row.id,
    partnershipId: partnership.id,
    after: decisionAudit(row, d.votes ?? [], d.ratifyingOrganisationIds ?? []),
    reason: d.reason,
  });
  return { id: row.id, reference };
}

type AuditedDecision = Omit<DecisionRow, "version" | "createdAt" | "supersededById">;

/** What the audit trail keeps of a decision: every field but the quorum snapshot (only whether it was quorate), with its votes and the partners that must ratify it. */
export function decisionAudit(d: AuditedDecision, votes: { seatId: string; vote: Vote; deputySeatId: string | null }[], ratifyingOrganisationIds: string[]) {
  const { quorumSnapshot, ...rest } = d;
  return {
    id: rest.id,
    partnershipId: rest.partnershipId,
    reference: rest.reference,
    route: rest.route,
    meetingId: rest.meetingId,
    agendaItemId: rest.agendaItemId,
    title: rest.title,
    text: rest.text,
    rationale: rest.rationale,
    optionsConsidered: rest.optionsConsidered,
    method: rest.method,
    status: rest.status,
    decidedOn: rest.decidedOn,
    termsVersion: rest.termsVersion,
    delegatedAuthority: rest.delegatedAuthority,
    financialImplicationGbp: rest.financialImplicationGbp,
    financialNote: rest.financialNote,
    termsSections: rest.termsSections as string[],
    reviewDate: rest.reviewDate,
    keyDecision: rest.keyDecision,
    urgentReason: rest.urgentReason,
    approvesTermsId: rest.approvesTermsId,
    approvesMinutesOfMeetingId: rest.approvesMinutesOfMeetingId,
    proposedBy: rest.proposedBy,
    proposedByOrganisationId: rest.proposedByOrganisationId,
    recordedBy: rest.recordedBy,
    quorate: quorumSnapshot ? (quorumSnapshot as { quorate: boolean }).quorate : null,
    votes,
    ratifyingOrganisationIds,
  };
}
