import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { decisionColumns, decisions, termsOfReference } from "../../../db/schema";
import type { DecisionStatus } from "../decisions/public";
import { listActions } from "../actions/public.server";
import { listPeopleInPartnership } from "../register/public.server";
import { listProposals } from "../decisions/public.server";
import { notFound, type PartnershipScope } from "../../platform/guard.server";
import { findMeeting, listAgenda, listItemDeclarations, listPapers, loadMeetingBoard } from "./meetings.server";
import { getMinutesRow, minutesAwaitingApproval } from "./minutes.server";

/** The meeting a page is about, or 404. */
export async function requireMeeting(db: Db, scope: PartnershipScope, meetingId: string) {
  const meeting = await findMeeting(db, scope.partnership.id, meetingId);
  if (!meeting) notFound("That meeting is not in this partnership.");
  return meeting;
}

/** Everything the meeting's page and the running screen show. */
export async function loadMeetingPage(db: Db, scope: PartnershipScope, meetingId: string, today: string) {
  const meeting = await requireMeeting(db, scope, meetingId);
  const [agenda, papers, board, declared, decided, meetingActions, minutesRow] = await Promise.all([
    listAgenda(db, meeting.id),
    listPapers(db, meeting.id),
    loadMeetingBoard(db, scope.partnership, meeting),
    listItemDeclarations(db, meeting.id),
    db.select(decisionColumns).from(decisions).where(eq(decisions.meetingId, meeting.id)).orderBy(asc(decisions.reference)),
    listActions(db, scope.partnership.id, { state: "all", meeting: meeting.id }, today),
    getMinutesRow(db, meeting.id),
  ]);
  return {
    meeting,
    agenda,
    papers,
    board,
    declared,
    decisions: decided.map((d) => ({ ...d, status: d.status as DecisionStatus })),
    actions: meetingActions.rows,
    minutes: minutesRow ?? null,
  };
}

/** Extra choices for recording decisions and actions at a meeting. */
export async function loadRunChoices(db: Db, scope: PartnershipScope, meeting: { id: string; startsAt: Date }) {
  const [people, proposals, drafts, awaiting] = await Promise.all([
    listPeopleInPartnership(db, scope.partnership.id),
    listProposals(db, scope.partnership.id),
    db
      .select({ id: termsOfReference.id, versionNumber: termsOfReference.versionNumber })
      .from(termsOfReference)
      .where(and(eq(termsOfReference.partnershipId, scope.partnership.id), eq(termsOfReference.status, "draft"))),
    minutesAwaitingApproval(db, scope.partnership.id),
  ]);
  return {
    people,
    proposals: proposals.filter((p) => p.meetingId === null || p.meetingId === meeting.id),
    termsDrafts: drafts,
    minutesToApprove: awaiting.filter((m) => m.startsAt < meeting.startsAt).map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt })),
  };
}
