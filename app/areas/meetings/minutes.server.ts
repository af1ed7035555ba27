import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import { actions, decisionColumns, decisions, decisionVotes, meetings, minuteAmendments, minutes, users } from "../../../db/schema";
import { formatDate } from "../../platform/time/dates";
import { boardRoleLabels } from "../register/public";
import type { DecisionStatus, Vote } from "../decisions/public";
import type { MinutesStatus } from "./rules/vocabulary";
import { optionalText, requiredText, versionField } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import { listAgenda, listItemDeclarations, loadMeetingBoard, type MeetingRow } from "./meetings.server";
import { recordMinutesCirculated } from "./notices.server";
import { conflict, fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";

// Minutes are drafted from the meeting's record: attendance, the quorum,
// interests declared, decisions, actions and the notes taken on each item.
// When approved they are frozen as they stood, and later corrections are
// recorded as amendments beside them.

export type MinutesDocument = {
  meeting: { title: string; date: string; startTime: string; endTime: string; location: string | null; onlineLink: string | null };
  present: string[];
  deputies: string[];
  apologies: string[];
  absent: string[];
  notRecorded: string[];
  quorum: { quorate: boolean; text: string; shortfalls: string[]; termsVersion: number | null } | null;
  summary: string | null;
  items: {
    id: string;
    position: number;
    title: string;
    presenter: string | null;
    notes: string | null;
    declarations: string[];
    decisions: { id: string; reference: string; title: string; text: string; status: DecisionStatus; votes: string | null }[];
    actions: { title: string; owner: string | null; dueDate: string }[];
  }[];
};

const describeSeat = (s: { personName: string; organisationName: string; boardRole: keyof typeof boardRoleLabels }) =>
  `${s.personName} (${s.organisationName}, ${boardRoleLabels[s.boardRole].toLowerCase()})`;

/** The minutes as the record stands now. */
export async function composeMinutes(
  db: Db,
  partnership: { id: string; leadOrganisationId: string | null },
  meeting: MeetingRow,
  summary: string | null,
): Promise<MinutesDocument> {
  const [board, items, declared] = await Promise.all([loadMeetingBoard(db, partnership, meeting), listAgenda(db, meeting.id), listItemDeclarations(db, meeting.id)]);
  const decided = await db.select(decisionColumns).from(decisions).where(eq(decisions.meetingId, meeting.id)).orderBy(asc(decisions.reference));
  const votes = decided.length
    ? await db.select().from(decisionVotes).where(inArray(decisionVotes.decisionId, decided.map((d) => d.id)))
    : [];
  const agreedActions = await db
    .select({ action: actions, owner: users.name })
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .where(eq(actions.meetingId, meeting.id))
    .orderBy(asc(actions.createdAt));
  const seatById = new Map(board.seats.map((s) => [s.id, s]));
  const byStatus = (status: string) => board.rows.filter((r) => r.status === status).map((r) => describeSeat(r.seat));
  const tally = (decisionId: string) => {
    const mine = votes.filter((v) => v.decisionId === decisionId);
    if (mine.length === 0) return null;
    const count = (v: Vote) => mine.filter((x) => x.vote === v).length;
    return `${count("for")} for, ${count("against")} against, ${count("abstain")} abstaining`;
  };
  return {
    meeting: { title: meeting.title, date: meeting.date, startTime: meeting.startTime, endTime: meeting.endTime, location: meeting.location, onlineLink: meeting.onlineLink },
    present: byStatus("present"),
    deputies: board.rows
      .filter((r) => r.status === "deputy")
      .map((r) => `${seatById.get(r.deputySeatId ?? "")?.personName ?? "A deputy"} for ${describeSeat(r.seat)}`),
    apologies: byStatus("apologies"),
    absent: byStatus("absent"),
    notRecorded: board.rows.filter((r) => r.status === null).map((r) => describeSeat(r.seat)),
    quorum: board.quorum
      ? {
          quorate: board.quorum.quorate,
          text: board.quorum.quorate
            ? `The meeting was quorate: ${board.quorum.countedVotingMembers} voting members from ${board.quorum.partnersRepresented.length} partners.`
            : "The meeting was not quorate.",
          shortfalls: board.quorum.shortfalls,
          termsVersion: board.terms?.versionNumber ?? null,
        }
      : null,
    summary,
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      presenter: item.presenter,
      notes: item.notes,
      declarations: declared
        .filter((d) => d.agendaItemId === item.id)
        .map((d) => `${seatById.get(d.seatId)?.personName ?? "A member"} declared: ${d.interest}${d.recused ? " (withdrew from the item)" : ""}`),
      decisions: decided
        .filter((d) => d.agendaItemId === item.id)
        .map((d) => ({ id: d.id, reference: d.reference, title: d.title, text: d.text, status: d.status as DecisionStatus, votes: tally(d.id) })),
      actions: agreedActions
        .filter((a) => a.action.agendaItemId === item.id)
        .map((a) => ({ title: a.action.title, owner: a.owner, dueDate: a.action.dueDate })),
    })),
  };
}

export async function getMinutesRow(db: Db, meetingId: string) {
  const [row] = await db.select().from(minutes).where(eq(minutes.meetingId, meetingId));
  return row ? { ...row, status: row.status as MinutesStatus } : undefined;
}

/** The minutes to show: frozen if approved, otherwise drafted from the record; with any amendments. */
export async function loadMinutes(db: Db, partnership: { id: string; leadOrganisationId: string | null }, meeting: MeetingRow) {
  const row = await getMinutesRow(db, meeting.id);
  if (!row) return undefined;
  const document = row.status === "approved" && row.lockedContent ? (row.lockedContent as MinutesDocument) : await composeMinutes(db, partnership, meeting, row.summary);
  const amendments = await db
    .select({ amendment: minuteAmendments, by: users.name })
    .from(minuteAmendments)
    .leftJoin(users, eq(users.id, minuteAmendments.madeBy))
    .where(eq(minuteAmendments.meetingId, meeting.id))
    .orderBy(asc(minuteAmendments.madeAt));
  const [approvingDecision] = row.approvedByDecisionId
    ? await db.select({ id: decisions.id, reference: decisions.reference, meetingId: decisions.meetingId, decidedOn: decisions.decidedOn }).from(decisions).where(eq(decisions.id, row.approvedByDecisionId))
    : [];
  return { row, document, amendments: amendments.map((a) => ({ ...a.amendment, by: a.by })), approvingDecision: approvingDecision ?? null };
}

export const minutesSummarySchema = z.object({ version: versionField, summary: optionalText(20_000, "The summary") });

export async function saveMinutesSummary(db: Db, scope: PartnershipScope, meeting: MeetingRow, input: z.output<typeof minutesSummarySchema>): Promise<WriteResult> {
  return transact(db, async (tx: Tx) => {
    const [row] = await tx.select().from(minutes).where(eq(minutes.meetingId, meeting.id));
    if (!row) return fail("form", "This meeting has no minutes");
    if (row.status === "approved") return fail("summary", "These minutes are approved and locked: record a correction as an amendment instead");
    if (row.version !== input.version) return conflict("minutes");
    if ((row.summary ?? null) === input.summary) return ok();
    await versionedUpdate(tx, minutes, eq(minutes.meetingId, meeting.id), input.version, { summary: input.summary }, "minutes");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "minutes.update",
      entityId: meeting.id,
      partnershipId: scope.partnership.id,
      before: { summary: row.summary },
      after: { summary: input.summary },
    });
    return ok();
  });
}

export const circulateSchema = z.object({ version: versionField });

/** Sends the draft out for approval at a later meeting. */
export async function circulateMinutes(db: Db, scope: PartnershipScope, meeting: MeetingRow, input: { version: number }, at = new Date(), notify = true): Promise<WriteResult> {
  return transact(db, async (tx: Tx) => {
    const [row] = await tx.select().from(minutes).where(eq(minutes.meetingId, meeting.id));
    if (!row) return fail("form", "This meeting has no minutes");
    if (row.version !== input.version) return conflict("minutes");
    if (row.status !== "draft") return fail("form", row.status === "approved" ? "These minutes are already approved" : "These minutes have already been circulated");
    await versionedUpdate(tx, minutes, eq(minutes.meetingId, meeting.id), input.version, { status: "circulated", circulatedAt: at }, "minutes");
    if (notify) await recordMinutesCirculated(tx, scope, meeting);
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "minutes.circulate",
      entityId: meeting.id,
      partnershipId: scope.partnership.id,
      before: { status: "draft" },
      after: { status: "circulated" },
    });
    return ok();
  });
}

/** Locks the minutes as approved by a decision, inside the decision's transaction. */
export async function applyMinutesApproval(
  tx: Tx,
  scope: PartnershipScope,
  meeting: MeetingRow,
  decision: { id: string; reference: string },
): Promise<WriteResult> {
  // Locked first, so no change to the meeting's record lands between composing the minutes and approving them.
  const [row] = await tx.select().from(minutes).where(eq(minutes.meetingId, meeting.id)).for("update");
  if (!row || row.status !== "circulated") return fail("approves", `The minutes of ${meeting.title} (${formatDate(meeting.date)}) must be circulated before they can be approved`);
  const document = await composeMinutes(tx, scope.partnership, meeting, row.summary);
  await versionedUpdate(tx, minutes, eq(minutes.meetingId, meeting.id), row.version, { status: "approved", approvedAt: new Date(), approvedByDecisionId: decision.id, lockedContent: document }, "minutes");
  await appendAudit(tx, {
    actorUserId: scope.user.id,
    action: "minutes.approve",
    entityId: meeting.id,
    partnershipId: scope.partnership.id,
    before: { status: "circulated" },
    after: { status: "approved", decision: decision.reference },
  });
  return ok();
}

export const amendmentSchema = z.object({
  agendaItemId: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.uuid({ error: "Choose an item from the list" }).nullable()),
  text: requiredText("Enter the correction", 5000, "The correction"),
  reason: requiredText("Say why the minutes are being corrected", 1000, "The reason"),
});

/** A correction to approved minutes: recorded beside them, never changing the approved text. */
export async function amendMinutes(db: Db, scope: PartnershipScope, meeting: MeetingRow, input: z.output<typeof amendmentSchema>): Promise<WriteResult> {
  return transact(db, async (tx: Tx) => {
    const [row] = await tx.select().from(minutes).where(eq(minutes.meetingId, meeting.id));
    if (!row || row.status !== "approved") return fail("text", "Only approved minutes are corrected by amendment; change the draft directly");
    if (input.agendaItemId) {
      const items = await listAgenda(tx, meeting.id);
      if (!items.some((i) => i.id === input.agendaItemId)) return fail("agendaItemId", "Choose an item from this meeting's agenda");
    }
    const amendment = { id: crypto.randomUUID(), meetingId: meeting.id, agendaItemId: input.agendaItemId, text: input.text, reason: input.reason, madeBy: scope.user.id };
    await tx.insert(minuteAmendments).values(amendment);
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "minutes.amend",
      entityId: meeting.id,
      partnershipId: scope.partnership.id,
      after: { amendmentId: amendment.id, agendaItemId: amendment.agendaItemId, text: amendment.text },
      reason: input.reason,
    });
    return ok();
  });
}

/** Minutes circulated and waiting for a later meeting to approve them (what a decision may approve). */
export async function minutesAwaitingApproval(db: Db, partnershipId: string) {
  const rows = await db
    .select({ meeting: meetings })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .where(and(eq(meetings.partnershipId, partnershipId), eq(minutes.status, "circulated")))
    .orderBy(asc(meetings.startsAt));
  return rows.map((r) => r.meeting);
}
