import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { agendaRefusal, invitationsRefusal } from "./rules/invitations";
import { appendAudit } from "../../audit/append.server";
import type { Db, Tx } from "../../../db/client";
import { agendaItems, attendance, decisions, itemDeclarations, meetingPapers, meetings, minutes } from "../../../db/schema";
import { deputyStatus, evaluateQuorum, isSeatCurrent, type Attendance, type AttendanceStatus, attendanceStatuses } from "../register/public";
import { addDays, formatDate, isClockTime, londonDate, londonTime, londonTimeToInstant } from "../../platform/time/dates";
import { agendaPurposes, meetingTypes, type AgendaPurpose, type MeetingType } from "./rules/vocabulary";
import { listPartnersForRules, listSeats, toRuleSeat, type SeatRow } from "../register/public.server";
import { optionalText, requiredDate, requiredText, uuidField, versionField } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import { recordAgendaPublished, recordMeetingInvitations } from "./notices.server";
import { termsInForce } from "../register/public.server";
import { type WriteResult, changedFields, conflict, fail, ok, refuse, transact } from "../../platform/write-result";
import { versionedUpdate } from "../../platform/versioned-update.server";
import { appNow } from "../../platform/clock.server";

// ------------------------------------------------------------------ reading

export type MeetingRow = typeof meetings.$inferSelect & { type: MeetingType; date: string; startTime: string; endTime: string };

const withLondonTimes = (m: typeof meetings.$inferSelect): MeetingRow => ({
  ...m,
  type: m.type as MeetingType,
  date: londonDate(m.startsAt),
  startTime: londonTime(m.startsAt),
  endTime: londonTime(m.endsAt),
});

const listColumns = {
  meeting: meetings,
  minutesStatus: minutes.status,
  decisions: sql<number>`(select count(*)::int from ${decisions} where ${decisions.meetingId} = ${meetings.id})`,
};

/** Where a London day begins, as an instant (meetings are stored by their start instant). */
const startOfDay = (date: string) => londonTimeToInstant(date, "00:00");

/** Meetings from `today` on, soonest first (a partnership plans a few months ahead: at most `limit`). */
export async function listUpcomingMeetings(db: Db, partnershipId: string, today: string, limit = 100) {
  const rows = await db
    .select(listColumns)
    .from(meetings)
    .leftJoin(minutes, eq(minutes.meetingId, meetings.id))
    .where(and(eq(meetings.partnershipId, partnershipId), gte(meetings.startsAt, startOfDay(today))))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(limit);
  return rows.map((r) => ({ ...withLondonTimes(r.meeting), minutesStatus: r.minutesStatus, decisions: r.decisions }));
}

export const PAST_MEETINGS_PAGE = 25;
const cursorSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/);

/** A page of the meetings before `today`, latest first, continuing after a (start, id) cursor; `next` continues it. */
export async function listPastMeetings(db: Db, partnershipId: string, today: string, after?: string) {
  const where = [eq(meetings.partnershipId, partnershipId), lt(meetings.startsAt, startOfDay(today))];
  const cursor = after && cursorSchema.safeParse(after).success ? { startsAt: new Date(after.slice(0, after.indexOf("_"))), id: after.slice(after.indexOf("_") + 1) } : null;
  if (cursor) where.push(sql`(${meetings.startsAt}, ${meetings.id}) < (${cursor.startsAt}, ${cursor.id})`);
  const rows = await db
    .select(listColumns)
    .from(meetings)
    .leftJoin(minutes, eq(minutes.meetingId, meetings.id))
    .where(and(...where))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(PAST_MEETINGS_PAGE + 1);
  const page = rows.slice(0, PAST_MEETINGS_PAGE).map((r) => ({ ...withLondonTimes(r.meeting), minutesStatus: r.minutesStatus, decisions: r.decisions }));
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > PAST_MEETINGS_PAGE && last ? `${last.startsAt.toISOString()}_${last.id}` : null };
}

/**
 * Meetings to choose from in a filter: the latest `limit` in a date range (any
 * dates when none is given), with the one already chosen always among them.
 * A partnership with decades of meetings must not send them all to a picker.
 */
export async function listMeetingChoices(db: Db, partnershipId: string, options: { from?: string; to?: string; include?: string; limit?: number }) {
  const where = [eq(meetings.partnershipId, partnershipId)];
  if (options.from) where.push(gte(meetings.startsAt, startOfDay(options.from)));
  if (options.to) where.push(lt(meetings.startsAt, startOfDay(addDays(options.to, 1))));
  const limit = options.limit ?? 50;
  const columns = { id: meetings.id, title: meetings.title, startsAt: meetings.startsAt };
  const [latest, chosen] = await Promise.all([
    db.select(columns).from(meetings).where(and(...where)).orderBy(desc(meetings.startsAt), desc(meetings.id)).limit(limit + 1),
    options.include && z.uuid().safeParse(options.include).success
      ? db.select(columns).from(meetings).where(and(eq(meetings.partnershipId, partnershipId), eq(meetings.id, options.include)))
      : Promise.resolve([]),
  ]);
  const list = latest.slice(0, limit);
  for (const c of chosen) if (!list.some((m) => m.id === c.id)) list.push(c);
  return { choices: list.map((m) => ({ id: m.id, title: m.title, date: londonDate(m.startsAt) })), more: latest.length > limit };
}

export async function findMeeting(db: Db, partnershipId: string, meetingId: string) {
  if (!z.uuid().safeParse(meetingId).success) return undefined;
  const [m] = await db.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.partnershipId, partnershipId)));
  return m ? withLondonTimes(m) : undefined;
}

export async function listAgenda(db: Db, meetingId: string) {
  const items = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position));
  return items.map((i) => ({ ...i, purpose: i.purpose as AgendaPurpose }));
}
export type AgendaItemRow = Awaited<ReturnType<typeof listAgenda>>[number];

export async function listPapers(db: Db, meetingId: string) {
  return db
    .select({
      id: meetingPapers.id,
      agendaItemId: meetingPapers.agendaItemId,
      filename: meetingPapers.filename,
      contentType: meetingPapers.contentType,
      size: meetingPapers.size,
      uploadedAt: meetingPapers.uploadedAt,
    })
    .from(meetingPapers)
    .where(and(eq(meetingPapers.meetingId, meetingId), isNull(meetingPapers.removedAt)))
    .orderBy(asc(meetingPapers.uploadedAt));
}

export async function getPaper(db: Db, meetingId: string, paperId: string) {
  if (!z.uuid().safeParse(paperId).success) return undefined;
  const [paper] = await db
    .select()
    .from(meetingPapers)
    .where(and(eq(meetingPapers.id, paperId), eq(meetingPapers.meetingId, meetingId), isNull(meetingPapers.removedAt)));
  return paper;
}

/**
 * The board as it stands on the meeting's date, with each seat's attendance
 * and the deputies who may stand in for it; and the quorum, computed from
 * the terms of reference in force that day (optionally for one agenda item,
 * without the members who withdrew from it).
 */
export async function loadMeetingBoard(db: Db, partnership: { id: string; leadOrganisationId: string | null }, meeting: MeetingRow, agendaItemId?: string) {
  const [seats, partners, terms, marked, declared] = await Promise.all([
    listSeats(db, partnership.id),
    listPartnersForRules(db, partnership.id),
    termsInForce(db, partnership.id, meeting.date),
    db.select().from(attendance).where(eq(attendance.meetingId, meeting.id)),
    agendaItemId ? db.select().from(itemDeclarations).where(eq(itemDeclarations.agendaItemId, agendaItemId)) : Promise.resolve([]),
  ]);
  const onDate = meeting.date;
  // Chair and vice-chair first, then members by organisation, then everyone else.
  const rank = (role: string) => (["chair", "vice_chair", "member", "young_peoples_rep", "scrutiny_rep", "adviser"] as string[]).indexOf(role);
  const members = seats
    .filter((s) => isSeatCurrent(s, onDate) && s.boardRole !== "deputy")
    .sort((a, b) => rank(a.boardRole) - rank(b.boardRole) || a.organisationName.localeCompare(b.organisationName) || a.personName.localeCompare(b.personName));
  const deputiesFor = (seat: SeatRow) =>
    seats.filter((d) => d.deputyForSeatId === seat.id && deputyStatus(toRuleSeat(d), toRuleSeat(seat), onDate) === "valid");
  const byseat = new Map(marked.map((a) => [a.seatId, a]));
  const rows = members.map((seat) => ({
    seat,
    status: (byseat.get(seat.id)?.status ?? null) as AttendanceStatus | null,
    deputySeatId: byseat.get(seat.id)?.deputySeatId ?? null,
    deputies: deputiesFor(seat),
  }));
  const recusedSeatIds = declared.filter((d) => d.recused).map((d) => d.seatId);
  const quorum = terms
    ? evaluateQuorum({
        rule: terms.rules.quorum,
        seniorityRules: terms.rules.seniority,
        seats: seats.map(toRuleSeat),
        partners,
        leadOrganisationId: partnership.leadOrganisationId,
        attendance: marked.map((a) => ({ seatId: a.seatId, status: a.status as AttendanceStatus, deputySeatId: a.deputySeatId })),
        onDate,
        recusedSeatIds,
      })
    : null;
  return { rows, terms: terms ?? null, quorum, recusedSeatIds, seats, partners, attendanceMarked: marked.length > 0 };
}
export type MeetingBoard = Awaited<ReturnType<typeof loadMeetingBoard>>;

// ------------------------------------------------------------------ writing

const meetingFields = {
  type: z.enum(meetingTypes, { error: "Choose the kind of meeting" }),
  title: requiredText("Enter a title for the meeting", 200, "The title"),
  date: requiredDate("Enter the date of the meeting"),
  startTime: z.string({ error: "Enter the start time" }).trim().refine(isClockTime, { error: "Enter the start time as hours and minutes on the 24-hour clock, for example 14:00" }),
  endTime: z.string({ error: "Enter the end time" }).trim().refine(isClockTime, { error: "Enter the end time as hours and minutes on the 24-hour clock, for example 16:00" }),
  location: optionalText(300, "The place"),
  onlineLink: optionalText(500, "The online link").pipe(
    z
      .string()
      .refine((v) => /^https:\/\/\S+$/.test(v), { error: "The online link must be a full https:// address" })
      .nullable(),
  ),
  reason: optionalText(1000, "The reason"),
};

export const meetingSchema = z.object(meetingFields).refine((m) => m.endTime > m.startTime, { path: ["endTime"], error: "The meeting must end after it starts" });
export type MeetingInput = z.output<typeof meetingSchema>;
export const editMeetingSchema = z
  .object({ ...meetingFields, version: versionField })
  .refine((m) => m.endTime > m.startTime, { path: ["endTime"], error: "The meeting must end after it starts" });

const meetingTimes = (input: { date: string; startTime: string; endTime: string }) => ({
  startsAt: londonTimeToInstant(input.date, input.startTime),
  endsAt: londonTimeToInstant(input.date, input.endTime),
});

const meetingAudit = (m: { type: string; title: string; startsAt: Date; endsAt: Date; location: string | null; onlineLink: string | null }) => ({
  type: m.type,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  location: m.location,
  onlineLink: m.onlineLink,
});

export async function createMeeting(db: Db, scope: PartnershipScope, input: MeetingInput): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const row = {
      id: crypto.randomUUID(),
      partnershipId,
      type: input.type,
      title: input.title,
      ...meetingTimes(input),
      location: input.location,
      onlineLink: input.onlineLink,
      createdBy: scope.user.id,
    };
    if (!row.location && !row.onlineLink) return fail("location", "Enter where the meeting is, or an online link, or both");
    await tx.insert(meetings).values(row);
    await tx.insert(minutes).values({ meetingId: row.id, status: "draft" });
    await appendAudit(tx, { actorUserId: scope.user.id, action: "meeting.create", entityId: row.id, partnershipId, after: meetingAudit(row), reason: input.reason });
    // A draft until the secretariat sends its invitations (sendInvitations).
    return ok(row.id);
  });
}

export async function updateMeeting(db: Db, scope: PartnershipScope, meetingId: string, input: z.output<typeof editMeetingSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [m] = await tx.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.partnershipId, partnershipId)));
    if (!m) return fail("form", "That meeting is not in this partnership");
    await refuseIfLocked(tx, m.id);
    if (m.version !== input.version) return conflict("meeting");
    if (!input.location && !input.onlineLink) return fail("location", "Enter where the meeting is, or an online link, or both");
    const next = { type: input.type, title: input.title, ...meetingTimes(input), location: input.location, onlineLink: input.onlineLink };
    const before = meetingAudit(m);
    const after = meetingAudit(next);
    const diff = changedFields(before, after);
    if (!diff.changed) return ok();
    await versionedUpdate(tx, meetings, eq(meetings.id, m.id), input.version, { ...next, sequence: m.sequence + 1 }, "meeting");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "meeting.update", entityId: m.id, partnershipId, ...diff, reason: input.reason });
    const changed = (await findMeeting(tx, partnershipId, m.id))!;
    // Once invited, attendees get the change as an updated request (a higher SEQUENCE), unless it is now in the past.
    if (changed.invitationsSentAt && changed.startsAt.getTime() > appNow().getTime()) await recordMeetingInvitations(tx, scope, changed, "update", (await listAgenda(tx, m.id)).map((i) => i.title));
    return ok();
  });
}

export const cancelMeetingSchema = z.object({ version: versionField, reason: requiredText("Say why the meeting is cancelled", 1000, "The reason") });

export async function cancelMeeting(db: Db, scope: PartnershipScope, meetingId: string, input: z.output<typeof cancelMeetingSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [m] = await tx.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.partnershipId, partnershipId)));
    if (!m) return fail("form", "That meeting is not in this partnership");
    await refuseIfLocked(tx, m.id);
    if (m.version !== input.version) return conflict("meeting");
    if (m.cancelledAt) return fail("form", "The meeting is already cancelled");
    const [{ n }] = await tx.select({ n: count() }).from(decisions).where(eq(decisions.meetingId, m.id));
    if (n > 0) return fail("form", "Decisions have been recorded at this meeting, so it cannot be cancelled");
    await versionedUpdate(tx, meetings, eq(meetings.id, m.id), input.version, { cancelledAt: new Date(), cancelReason: input.reason, sequence: m.sequence + 1 }, "meeting");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "meeting.cancel", entityId: m.id, partnershipId, reason: input.reason });
    if (m.invitationsSentAt && m.startsAt.getTime() > appNow().getTime()) await recordMeetingInvitations(tx, scope, (await findMeeting(tx, partnershipId, m.id))!, "cancel", []);
    return ok();
  });
}

export const sendInvitationsSchema = z.object({ version: versionField });

/** The secretariat sends a draft meeting's invitations: a meeting request to everyone on the board then, once. */
export async function sendInvitations(db: Db, scope: PartnershipScope, meetingId: string, input: z.output<typeof sendInvitationsSchema>): Promise<WriteResult<number>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [m] = await tx.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.partnershipId, partnershipId))).for("update");
    if (!m) return fail("form", "That meeting is not in this partnership");
    const refusal = invitationsRefusal(m, appNow());
    if (refusal) return fail("form", refusal);
    if (m.version !== input.version) return conflict("meeting");
    await versionedUpdate(tx, meetings, eq(meetings.id, m.id), input.version, { invitationsSentAt: appNow(), invitationsSentBy: scope.user.id }, "meeting");
    const sent = await recordMeetingInvitations(tx, scope, (await findMeeting(tx, partnershipId, m.id))!, "invite", (await listAgenda(tx, m.id)).map((i) => i.title));
    const recipients = sent.length;
    await appendAudit(tx, { actorUserId: scope.user.id, action: "meeting.send_invitations", entityId: m.id, partnershipId, after: { recipients, sequence: m.sequence } });
    return ok(recipients);
  });
}

export const publishAgendaSchema = z.object({ version: versionField });

/** The chair or secretariat publish a meeting's agenda and papers to those invited, who hear once. */
export async function publishAgenda(db: Db, scope: PartnershipScope, meetingId: string, input: z.output<typeof publishAgendaSchema>): Promise<WriteResult<number>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const [m] = await tx.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.partnershipId, partnershipId))).for("update");
    if (!m) return fail("form", "That meeting is not in this partnership");
    const [items, papers] = await Promise.all([listAgenda(tx, m.id), listPapers(tx, m.id)]);
    const refusal = agendaRefusal(m, items.length, appNow());
    if (refusal) return fail("form", refusal);
    if (m.version !== input.version) return conflict("meeting");
    await versionedUpdate(tx, meetings, eq(meetings.id, m.id), input.version, { agendaPublishedAt: appNow() }, "meeting");
    const sent = await recordAgendaPublished(tx, scope, (await findMeeting(tx, partnershipId, m.id))!);
    await appendAudit(tx, { actorUserId: scope.user.id, action: "meeting.publish_agenda", entityId: m.id, partnershipId, after: { items: items.length, papers: papers.length, recipients: sent.length } });
    return ok(sent.length);
  });
}

// -------------------------------------------------------------------- agenda

export const agendaItemSchema = z.object({
  title: requiredText("Enter the item's title", 300, "The title"),
  presenter: optionalText(200, "The presenter"),
  purpose: z.enum(agendaPurposes, { error: "Choose whether the item is for decision, discussion or information" }),
  description: optionalText(4000, "The description"),
});

export const LOCKED_MESSAGE = "The minutes of this meeting are approved and locked: its record now changes only through amendments to the minutes";

/**
 * Refuses a change to a meeting whose minutes are approved: its decisions,
 * attendance, agenda and date then change only through amendments. The
 * minutes row is share-locked, so an approval waits for a change in flight
 * (and a change waits for an approval in flight).
 */
export async function refuseIfLocked(tx: Tx, meetingId: string, field = "form") {
  const [m] = await tx.select({ status: minutes.status }).from(minutes).where(eq(minutes.meetingId, meetingId)).for("share");
  if (m?.status === "approved") refuse(fail(field, LOCKED_MESSAGE));
}

async function meetingForWrite(tx: Tx, partnershipId: string, meetingId: string) {
  const [m] = await tx.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.partnershipId, partnershipId)));
  return m;
}

async function itemForWrite(tx: Tx, partnershipId: string, meetingId: string, itemId: string) {
  if (!z.uuid().safeParse(itemId).success) return undefined;
  const m = await meetingForWrite(tx, partnershipId, meetingId);
  if (!m) return undefined;
  const [item] = await tx.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, m.id)));
  return item;
}

export async function addAgendaItem(db: Db, scope: PartnershipScope, meetingId: string, input: z.output<typeof agendaItemSchema>): Promise<WriteResult<string>> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const m = await meetingForWrite(tx, partnershipId, meetingId);
    if (!m) return fail("form", "That meeting is not in this partnership");
    return ok(await appendAgendaItem(tx, scope.user.id, partnershipId, m.id, input));
  });
}

/**
 * Adds an item at the end of a meeting's agenda inside the caller's
 * transaction (the agenda builder, or an escalated risk placed by the risks
 * area, with the risk's id). The actor is null when the scheduler does it.
 */
export async function appendAgendaItem(
  tx: Tx,
  actorUserId: string | null,
  partnershipId: string,
  meetingId: string,
  input: z.output<typeof agendaItemSchema>,
  riskId: string | null = null,
): Promise<string> {
  await refuseIfLocked(tx, meetingId);
  const [{ last }] = await tx.select({ last: sql<number>`coalesce(max(${agendaItems.position}), 0)::int` }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  const row = { id: crypto.randomUUID(), meetingId, position: last + 1, ...input, riskId };
  await tx.insert(agendaItems).values(row);
  await appendAudit(tx, { actorUserId, action: "agenda_item.create", entityId: row.id, partnershipId, after: { meetingId, position: row.position, ...input } });
  return row.id;
}

/**
 * Takes an escalated risk's item off a meeting's agenda when the risk is put
 * back to a later meeting: refused once a decision was recorded under it or
 * the meeting's minutes are approved.
 */
export async function withdrawRiskItem(tx: Tx, actorUserId: string, partnershipId: string, itemId: string): Promise<WriteResult> {
  const [item] = await tx.select().from(agendaItems).where(eq(agendaItems.id, itemId));
  if (!item) return fail("form", "That item is no longer on the agenda");
  await refuseIfLocked(tx, item.meetingId);
  const [{ n }] = await tx.select({ n: count() }).from(decisions).where(eq(decisions.agendaItemId, item.id));
  if (n > 0) return fail("form", "The board has already recorded a decision on this risk, so it stays on the agenda");
  await tx.update(meetingPapers).set({ agendaItemId: null }).where(eq(meetingPapers.agendaItemId, item.id));
  await tx.delete(itemDeclarations).where(eq(itemDeclarations.agendaItemId, item.id));
  await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
  await appendAudit(tx, { actorUserId, action: "agenda_item.remove", entityId: item.id, partnershipId, before: { title: item.title, position: item.position } });
  return ok();
}

export const editAgendaItemSchema = agendaItemSchema.extend({ version: versionField });

export async function updateAgendaItem(db: Db, scope: PartnershipScope, meetingId: string, itemId: string, input: z.output<typeof editAgendaItemSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const item = await itemForWrite(tx, partnershipId, meetingId, itemId);
    if (!item) return fail("form", "That item is not on this meeting's agenda");
    await refuseIfLocked(tx, item.meetingId);
    if (item.version !== input.version) return conflict("agenda item");
    const next = { title: input.title, presenter: input.presenter, purpose: input.purpose, description: input.description };
    const diff = changedFields(item, next);
    if (!diff.changed) return ok();
    await versionedUpdate(tx, agendaItems, eq(agendaItems.id, item.id), input.version, next, "agenda item");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "agenda_item.update", entityId: item.id, partnershipId, ...diff });
    return ok();
  });
}

/** Moves an item one place up or down the agenda, swapping with its neighbour. */
export async function moveAgendaItem(db: Db, scope: PartnershipScope, meetingId: string, itemId: string, direction: "up" | "down"): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const item = await itemForWrite(tx, partnershipId, meetingId, itemId);
    if (!item) return fail("form", "That item is not on this meeting's agenda");
    await refuseIfLocked(tx, item.meetingId);
    const items = await tx.select().from(agendaItems).where(eq(agendaItems.meetingId, item.meetingId)).orderBy(asc(agendaItems.position));
    const i = items.findIndex((x) => x.id === item.id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= items.length) return ok();
    const other = items[j];
    await versionedUpdate(tx, agendaItems, eq(agendaItems.id, item.id), item.version, { position: other.position }, "agenda");
    await versionedUpdate(tx, agendaItems, eq(agendaItems.id, other.id), other.version, { position: item.position }, "agenda");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "agenda_item.move",
      entityId: item.id,
      partnershipId,
      before: { position: item.position },
      after: { position: other.position },
    });
    return ok();
  });
}

export async function removeAgendaItem(db: Db, scope: PartnershipScope, meetingId: string, itemId: string): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const item = await itemForWrite(tx, partnershipId, meetingId, itemId);
    if (!item) return fail("form", "That item is not on this meeting's agenda");
    await refuseIfLocked(tx, item.meetingId);
    if (item.riskId) return fail("form", `"${item.title}" is a risk escalated to the board: put it back to a later meeting, with a reason, instead of removing it`);
    const [{ n }] = await tx.select({ n: count() }).from(decisions).where(eq(decisions.agendaItemId, item.id));
    if (n > 0) return fail("form", `Decisions were recorded under "${item.title}", so it stays on the agenda`);
    const [{ papers }] = await tx.select({ papers: count() }).from(meetingPapers).where(and(eq(meetingPapers.agendaItemId, item.id), isNull(meetingPapers.removedAt)));
    if (papers > 0) return fail("form", `Remove the papers attached to "${item.title}" first`);
    await tx.delete(itemDeclarations).where(eq(itemDeclarations.agendaItemId, item.id));
    await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
    await appendAudit(tx, { actorUserId: scope.user.id, action: "agenda_item.remove", entityId: item.id, partnershipId, before: { title: item.title, position: item.position } });
    return ok();
  });
}

export const itemNotesSchema = z.object({ version: versionField, notes: optionalText(20_000, "The notes") });

export async function saveItemNotes(db: Db, scope: PartnershipScope, meetingId: string, itemId: string, input: z.output<typeof itemNotesSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const item = await itemForWrite(tx, partnershipId, meetingId, itemId);
    if (!item) return fail("form", "That item is not on this meeting's agenda");
    await refuseIfLocked(tx, item.meetingId);
    if (item.version !== input.version) return conflict("item's notes");
    if ((item.notes ?? null) === input.notes) return ok();
    await versionedUpdate(tx, agendaItems, eq(agendaItems.id, item.id), input.version, { notes: input.notes }, "item's notes");
    await appendAudit(tx, { actorUserId: scope.user.id, action: "agenda_item.notes", entityId: item.id, partnershipId, before: { notes: item.notes }, after: { notes: input.notes } });
    return ok();
  });
}

// -------------------------------------------------------------------- papers

export const MAX_PAPER_BYTES = 20 * 1024 * 1024;

// Office documents and PDFs, known by extension and checked by their first bytes.
const paperTypes: Record<string, { contentType: string; magic: "pdf" | "zip" | "ole" }> = {
  pdf: { contentType: "application/pdf", magic: "pdf" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: "zip" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: "zip" },
  pptx: { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", magic: "zip" },
  odt: { contentType: "application/vnd.oasis.opendocument.text", magic: "zip" },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", magic: "zip" },
  odp: { contentType: "application/vnd.oasis.opendocument.presentation", magic: "zip" },
  doc: { contentType: "application/msword", magic: "ole" },
  xls: { contentType: "application/vnd.ms-excel", magic: "ole" },
  ppt: { contentType: "application/vnd.ms-powerpoint", magic: "ole" },
};

const magicMatches = (bytes: Buffer, magic: "pdf" | "zip" | "ole") =>
  magic === "pdf"
    ? bytes.subarray(0, 5).toString("latin1") === "%PDF-"
    : magic === "zip"
      ? bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
      : bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

/** Checks a paper before it is stored: a PDF or Office document of at most 20 MB whose contents match its name. */
export function checkPaper(filename: string, bytes: Buffer): { ok: true; contentType: string; filename: string } | { ok: false; message: string } {
  const clean = [...filename.replace(/[\\/]/g, "_")]
    .filter((c) => c.charCodeAt(0) >= 32 && c !== '"')
    .join("")
    .trim()
    .slice(0, 200);
  if (!clean || bytes.length === 0) return { ok: false, message: "Choose a file to upload" };
  if (bytes.length > MAX_PAPER_BYTES) return { ok: false, message: "The file must be 20 MB or smaller" };
  const extension = clean.includes(".") ? clean.split(".").pop()!.toLowerCase() : "";
  const type = paperTypes[extension];
  if (!type) return { ok: false, message: "The file must be a PDF or an Office document (Word, Excel, PowerPoint or OpenDocument)" };
  if (!magicMatches(bytes, type.magic)) return { ok: false, message: `The file's contents are not a real .${extension} file` };
  return { ok: true, contentType: type.contentType, filename: clean };
}

export async function uploadPaper(
  db: Db,
  scope: PartnershipScope,
  meetingId: string,
  input: { agendaItemId: string | null; filename: string; bytes: Buffer },
): Promise<WriteResult<string>> {
  const checked = checkPaper(input.filename, input.bytes);
  if (!checked.ok) return fail("paper", checked.message);
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const m = await meetingForWrite(tx, partnershipId, meetingId);
    if (!m) return fail("form", "That meeting is not in this partnership");
    await refuseIfLocked(tx, m.id, "paper");
    if (input.agendaItemId && !(await itemForWrite(tx, partnershipId, meetingId, input.agendaItemId))) return fail("agendaItemId", "Choose an item on this meeting's agenda");
    const row = {
      id: crypto.randomUUID(),
      meetingId: m.id,
      agendaItemId: input.agendaItemId,
      filename: checked.filename,
      contentType: checked.contentType,
      size: input.bytes.length,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      content: input.bytes,
      uploadedBy: scope.user.id,
    };
    await tx.insert(meetingPapers).values(row);
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "paper.upload",
      entityId: row.id,
      partnershipId,
      after: { meetingId: m.id, agendaItemId: row.agendaItemId, filename: row.filename, size: row.size, sha256: row.sha256 },
    });
    return ok(row.id);
  });
}

export async function removePaper(db: Db, scope: PartnershipScope, meetingId: string, paperId: string): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const m = await meetingForWrite(tx, partnershipId, meetingId);
    const paper = m ? await getPaper(tx, m.id, paperId) : undefined;
    if (!paper) return fail("form", "That paper has already been removed");
    await refuseIfLocked(tx, paper.meetingId);
    // Kept, not deleted: the audit trail's hash refers to it.
    await tx.update(meetingPapers).set({ removedAt: new Date() }).where(eq(meetingPapers.id, paper.id));
    await appendAudit(tx, { actorUserId: scope.user.id, action: "paper.remove", entityId: paper.id, partnershipId, before: { filename: paper.filename } });
    return ok();
  });
}

// ---------------------------------------------------------------- attendance

/** Reads the attendance form: one status per seat (`status-<seatId>`) and, for a deputy, who (`deputy-<seatId>`). */
export function parseAttendanceForm(form: FormData, seatIds: readonly string[]) {
  const entries: Attendance[] = [];
  const errors: Record<string, string> = {};
  for (const seatId of seatIds) {
    const status = String(form.get(`status-${seatId}`) ?? "");
    if (status === "") continue;
    if (!(attendanceStatuses as readonly string[]).includes(status)) {
      errors[`status-${seatId}`] = "Choose present, apologies, absent or represented by a deputy";
      continue;
    }
    const deputySeatId = String(form.get(`deputy-${seatId}`) ?? "") || null;
    if (status === "deputy" && !deputySeatId) {
      errors[`deputy-${seatId}`] = "Choose the deputy standing in";
      continue;
    }
    entries.push({ seatId, status: status as AttendanceStatus, deputySeatId: status === "deputy" ? deputySeatId : null });
  }
  return { entries, errors };
}

export async function saveAttendance(db: Db, scope: PartnershipScope, meeting: MeetingRow, entries: readonly Attendance[]): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    await refuseIfLocked(tx, meeting.id);
    const seats = await listSeats(tx, partnershipId);
    const byId = new Map(seats.map((s) => [s.id, s]));
    for (const e of entries) {
      const seat = byId.get(e.seatId);
      if (!seat || !isSeatCurrent(seat, meeting.date)) return fail(`status-${e.seatId}`, "That seat is not on the board on the meeting's date");
      if (e.status === "deputy") {
        const deputy = e.deputySeatId ? byId.get(e.deputySeatId) : undefined;
        if (deputyStatus(deputy ? toRuleSeat(deputy) : undefined, toRuleSeat(seat), meeting.date) !== "valid")
          return fail(`deputy-${e.seatId}`, `${deputy?.personName ?? "That person"} has no valid delegation to stand in for ${seat.personName} on ${formatDate(meeting.date)}`);
      }
    }
    const existing = await tx.select().from(attendance).where(eq(attendance.meetingId, meeting.id));
    const before = Object.fromEntries(existing.map((a) => [a.seatId, a.deputySeatId ? `${a.status}:${a.deputySeatId}` : a.status]));
    const after = Object.fromEntries(entries.map((a) => [a.seatId, a.deputySeatId ? `${a.status}:${a.deputySeatId}` : a.status]));
    const diff = changedFields({ ...Object.fromEntries(Object.keys(after).map((k) => [k, null])), ...before }, after);
    if (!diff.changed) return ok();
    for (const e of entries) {
      await tx
        .insert(attendance)
        .values({ meetingId: meeting.id, seatId: e.seatId, status: e.status, deputySeatId: e.deputySeatId ?? null })
        .onConflictDoUpdate({ target: [attendance.meetingId, attendance.seatId], set: { status: e.status, deputySeatId: e.deputySeatId ?? null, updatedAt: new Date() } });
    }
    await appendAudit(tx, { actorUserId: scope.user.id, action: "attendance.record", entityId: meeting.id, partnershipId, before: diff.before as Record<string, string | null>, after: diff.after as Record<string, string | null> });
    return ok();
  });
}

// ------------------------------------------------------------- declarations

export const itemDeclarationSchema = z.object({
  agendaItemId: uuidField("Choose the agenda item"),
  seatId: uuidField("Choose the member declaring an interest"),
  interest: requiredText("Describe the interest declared", 1000, "The interest"),
  recused: z.preprocess((v) => v === "yes", z.boolean()),
});

export async function declareOnItem(db: Db, scope: PartnershipScope, meeting: MeetingRow, input: z.output<typeof itemDeclarationSchema>): Promise<WriteResult> {
  const partnershipId = scope.partnership.id;
  return transact(db, async (tx: Tx) => {
    const item = await itemForWrite(tx, partnershipId, meeting.id, input.agendaItemId);
    if (!item) return fail("agendaItemId", "Choose an item on this meeting's agenda");
    await refuseIfLocked(tx, meeting.id);
    const seats = await listSeats(tx, partnershipId);
    const seat = seats.find((s) => s.id === input.seatId);
    if (!seat || !isSeatCurrent(seat, meeting.date)) return fail("seatId", "Choose a member on the board on the meeting's date");
    const row = { id: crypto.randomUUID(), agendaItemId: item.id, seatId: seat.id, interest: input.interest, recused: input.recused };
    const inserted = await tx.insert(itemDeclarations).values(row).onConflictDoNothing().returning({ id: itemDeclarations.id });
    if (inserted.length === 0) return fail("seatId", `${seat.personName} has already declared an interest in this item`);
    await appendAudit(tx, { actorUserId: scope.user.id, action: "item_declaration.create", entityId: row.id, partnershipId, after: row });
    return ok();
  });
}

export async function listItemDeclarations(db: Db, meetingId: string) {
  return db
    .select({ declaration: itemDeclarations })
    .from(itemDeclarations)
    .innerJoin(agendaItems, eq(agendaItems.id, itemDeclarations.agendaItemId))
    .where(eq(agendaItems.meetingId, meetingId))
    .then((rows) => rows.map((r) => r.declaration));
}
