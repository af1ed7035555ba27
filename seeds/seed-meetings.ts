import { and, eq, isNotNull } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { actionUpdates, decisionColumns, decisionStatusChanges, decisions, meetings, minutes, partnerships, users } from "../db/schema";
import { isSeatCurrent } from "../app/areas/register/public";
import { addDays, londonTimeToInstant } from "../app/platform/time/dates";
import type { AgendaPurpose, MeetingType } from "../app/areas/meetings/public";
import type { RatificationStatus } from "../app/areas/decisions/public";
import { createAction, updateAction } from "../app/areas/actions/public.server";
import { listSeats } from "../app/areas/register/public.server";
import { changeDecisionStatus, recordMeetingDecision, updateRatification } from "../app/areas/decisions/public.server";
import { scopeFor } from "../app/platform/guard.server";
import { appNow } from "../app/platform/clock.server";
import { addAgendaItem, createMeeting, declareOnItem, findMeeting, saveAttendance, saveItemNotes } from "../app/areas/meetings/public.server";
import { circulateMinutes } from "../app/areas/meetings/public.server";
import type { WriteResult } from "../app/platform/write-result";

// Demo meetings are recorded through the same operations the pages use, so
// their quorum snapshots, references, minutes and audit events are exactly
// what a chair running them would have produced. The histories they leave
// (status changes, minutes approved, actions closed) are then dated when
// they happened in the story, not when the demo was loaded.

type AttendanceMark = "present" | "apologies" | "absent" | { deputy: string };

export type SeedDecision = {
  title: string;
  text: string;
  rationale?: string;
  optionsConsidered?: string;
  outcome: "agreed" | "rejected" | "deferred";
  approvesMinutesOf?: string; // key of an earlier meeting
  needsRatification?: boolean;
  // Call-in: a key decision, and why it was urgent if it was.
  keyDecision?: boolean;
  urgentReason?: string;
  ratifications?: { orgKey: string; status: RatificationStatus; on: string }[];
  delegatedAuthority?: string;
  financialImplicationGbp?: number;
  financialNote?: string;
  laterStatus?: { to: "agreed" | "rejected" | "superseded" | "rescinded"; reason: string; after: string };
};

export type SeedMeeting = {
  key: string;
  type?: MeetingType;
  title: string;
  date: string;
  start: string;
  end: string;
  location?: string;
  onlineLink?: string;
  /** A meeting still to come whose invitations the secretariat has not sent yet (others to come were sent when scheduled). */
  draft?: boolean;
  attendance: Record<string, AttendanceMark>; // by the seat holder's email
  items: {
    title: string;
    presenter: string;
    purpose: AgendaPurpose;
    notes?: string;
    declarations?: { email: string; interest: string; recused: boolean }[];
    decisions?: SeedDecision[];
    actions?: { title: string; owner?: string; orgKey?: string; dueDate: string; done?: string }[];
  }[];
  minutes: "draft" | "circulated";
};

function must<T>(result: WriteResult<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo meetings: ${what} was refused: ${result.field}: ${result.message}`);
  return result.value;
}

export async function seedMeetings(
  tx: Tx,
  input: { slug: string; recorderEmail: string; meetings: SeedMeeting[]; orgIds: Map<string, string>; userIds: Map<string, string> },
) {
  const db = tx as unknown as Db;
  const [partnership] = await db.select().from(partnerships).where(eq(partnerships.slug, input.slug));
  const [recorder] = await db.select().from(users).where(eq(users.email, input.recorderEmail));
  const scope = scopeFor({ id: recorder.id, email: recorder.email, name: recorder.name, kind: "adult", isPlatformAdmin: false }, partnership, [
    { role: "secretariat", organisationId: partnership.leadOrganisationId },
  ]);
  const person = (email: string) => {
    const id = input.userIds.get(email);
    if (!id) throw new Error(`Demo meetings name unknown person ${email}`);
    return id;
  };
  const org = (key: string) => {
    const id = input.orgIds.get(key);
    if (!id) throw new Error(`Demo meetings name unknown organisation ${key}`);
    return id;
  };
  const meetingIds = new Map<string, string>();
  const later: { decisionId: string; change: NonNullable<SeedDecision["laterStatus"]> }[] = [];

  for (const s of input.meetings) {
    const meetingId = must(
      await createMeeting(db, scope, {
        type: s.type ?? "board",
        title: s.title,
        date: s.date,
        startTime: s.start,
        endTime: s.end,
        location: s.location ?? null,
        onlineLink: s.onlineLink ?? null,
        reason: null,
      }),
      `meeting ${s.key}`,
    );
    // Meetings still to come were invited when they were scheduled (no emails now): their changes go as updates.
    if (!s.draft && londonTimeToInstant(s.date, s.start) > appNow()) await db.update(meetings).set({ invitationsSentAt: appNow(), invitationsSentBy: scope.user.id }).where(eq(meetings.id, meetingId));
    meetingIds.set(s.key, meetingId);
    const meeting = (await findMeeting(db, partnership.id, meetingId))!;
    const seats = (await listSeats(db, partnership.id)).filter((seat) => isSeatCurrent(seat, s.date));
    const seatOf = (email: string) => {
      const seat = seats.find((x) => x.userId === person(email));
      if (!seat) throw new Error(`Demo meeting ${s.key}: ${email} has no seat on ${s.date}`);
      return seat;
    };
    const itemIds: string[] = [];
    for (const item of s.items)
      itemIds.push(must(await addAgendaItem(db, scope, meetingId, { title: item.title, presenter: item.presenter, purpose: item.purpose, description: null }), `item ${item.title}`));
    const marks = Object.entries(s.attendance).map(([email, mark]) => ({
      seatId: seatOf(email).id,
      status: typeof mark === "string" ? mark : ("deputy" as const),
      deputySeatId: typeof mark === "string" ? null : seatOf(mark.deputy).id,
    }));
    if (marks.length) must(await saveAttendance(db, scope, meeting, marks), `attendance at ${s.key}`);

    for (const [i, item] of s.items.entries()) {
      const agendaItemId = itemIds[i];
      for (const d of item.declarations ?? [])
        must(await declareOnItem(db, scope, meeting, { agendaItemId, seatId: seatOf(d.email).id, interest: d.interest, recused: d.recused }), `declaration at ${s.key}`);
      if (item.notes) must(await saveItemNotes(db, scope, meetingId, agendaItemId, { version: 1, notes: item.notes }), `notes at ${s.key}`);
      for (const d of item.decisions ?? []) {
        const recorded = must(
          await recordMeetingDecision(
            db,
            scope,
            meeting,
            agendaItemId,
            {
              title: d.title,
              text: d.text,
              rationale: d.rationale ?? null,
              optionsConsidered: d.optionsConsidered ?? null,
              outcome: d.outcome,
              delegatedAuthority: d.delegatedAuthority ?? null,
              financialImplicationGbp: d.financialImplicationGbp ?? null,
              financialNote: d.financialNote ?? null,
              termsSections: [],
              reviewDate: null,
              needsRatification: d.needsRatification ?? false,
              keyDecision: d.keyDecision ?? false,
              urgentReason: d.urgentReason ?? null,
              approves: d.approvesMinutesOf ? `minutes:${meetingIds.get(d.approvesMinutesOf)}` : "",
              proposedDecisionId: "",
            },
            new Map(),
          ),
          `decision ${d.title}`,
        );
        for (const r of d.ratifications ?? [])
          must(
            await updateRatification(db, scope, recorded.id, { organisationId: org(r.orgKey), version: 1, status: r.status, body: "Cabinet", decidedOn: r.on, note: null }),
            `ratification of ${d.title}`,
          );
        const decidedAt = londonTimeToInstant(s.date, s.start);
        await db.update(decisionStatusChanges).set({ changedAt: decidedAt }).where(eq(decisionStatusChanges.decisionId, recorded.id));
        if (d.approvesMinutesOf)
          await db
            .update(minutes)
            .set({ approvedAt: decidedAt })
            .where(and(eq(minutes.meetingId, meetingIds.get(d.approvesMinutesOf)!), isNotNull(minutes.approvedAt)));
        if (d.laterStatus) later.push({ decisionId: recorded.id, change: d.laterStatus });
      }
      for (const a of item.actions ?? []) {
        const actionId = must(
          await createAction(
            db,
            scope,
            { title: a.title, description: null, ownerUserId: a.owner ? person(a.owner) : null, organisationId: a.orgKey ? org(a.orgKey) : null, dueDate: a.dueDate, agendaItemId, decisionId: "" },
            { meetingId },
          ),
          `action ${a.title}`,
        );
        if (a.done) {
          must(await updateAction(db, scope, actionId, { version: 1, note: a.done, status: "done", dueDate: a.dueDate }, a.dueDate), `closing ${a.title}`);
          await db.update(actionUpdates).set({ madeAt: londonTimeToInstant(a.dueDate, "16:00") }).where(eq(actionUpdates.actionId, actionId));
        }
      }
    }
    if (s.minutes === "circulated") must(await circulateMinutes(db, scope, meeting, { version: 1 }, new Date(`${addDays(s.date, 7)}T09:00:00Z`), false), `circulating ${s.key}`);

    for (const l of later.filter((x) => x.change.after === s.key)) {
      const [row] = await db.select(decisionColumns).from(decisions).where(and(eq(decisions.id, l.decisionId), eq(decisions.partnershipId, partnership.id)));
      must(await changeDecisionStatus(db, scope, row.id, { version: row.version, toStatus: l.change.to, reason: l.change.reason, supersededByReference: "" }), "a later status change");
      await db
        .update(decisionStatusChanges)
        .set({ changedAt: londonTimeToInstant(s.date, s.start) })
        .where(and(eq(decisionStatusChanges.decisionId, row.id), eq(decisionStatusChanges.fromStatus, row.status), eq(decisionStatusChanges.toStatus, l.change.to)));
    }
  }
  return meetingIds.size;
}
