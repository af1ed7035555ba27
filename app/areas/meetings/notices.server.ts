import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { partnershipRoles, users } from "../../../db/schema";
import { isSeatCurrent } from "../register/public";
import { formatDate } from "../../platform/time/dates";
import { env } from "../../platform/env.server";
import { listSeats } from "../register/public.server";
import { meetingRequest } from "./calendar.server";
import type { PartnershipScope } from "../../platform/guard.server";
import type { MeetingRow } from "./meetings.server";
import { recordReminders, type Recipient, type ReminderMessage } from "../notifications/public.server";

// Messages that follow from something a person did (scheduling a meeting,
// circulating minutes), recorded in the same transaction as the change and
// delivered by the jobs like any reminder: exactly once per recipient.

/** Who hears about a meeting: everyone on the board on its date, and the chair and secretariat. */
async function meetingAudience(db: Db, partnershipId: string, onDate: string): Promise<Recipient[]> {
  const seats = (await listSeats(db, partnershipId)).filter((s) => isSeatCurrent(s, onDate) && s.boardRole !== "deputy");
  const officers = await db
    .select({ userId: partnershipRoles.userId })
    .from(partnershipRoles)
    .where(and(eq(partnershipRoles.partnershipId, partnershipId), inArray(partnershipRoles.role, ["chair", "secretariat"])));
  const ids = [...new Set([...seats.map((s) => s.userId), ...officers.map((o) => o.userId)])];
  if (ids.length === 0) return [];
  const people = await db.select().from(users).where(inArray(users.id, ids));
  return people.filter((u) => u.kind === "adult").map((u) => ({ userId: u.id, email: u.email, name: u.name, emailDigest: false }));
}

/**
 * Invitations (or updates, or cancellations) for a meeting whose invitations
 * the secretariat has sent, each with the meeting request attached: METHOD
 * REQUEST naming the organiser (who sent the invitations) and every attendee,
 * or METHOD CANCEL, so calendars treat it as a meeting and update one entry.
 */
export async function recordMeetingInvitations(db: Db, scope: PartnershipScope, meeting: MeetingRow, change: "invite" | "update" | "cancel", agenda: string[]) {
  const p = scope.partnership;
  if (!meeting.invitationsSentBy) return [];
  const [organizer] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, meeting.invitationsSentBy));
  const audience = await meetingAudience(db, p.id, meeting.date);
  const method = change === "cancel" ? "CANCEL" : "REQUEST";
  const invite = await meetingRequest(db, p.id, meeting.id, { method, organizer: organizer ?? { name: p.name, email: "no-reply@governance.example" }, attendees: audience.map((a) => ({ name: a.name, email: a.email })) });
  if (!invite) return [];
  const messages: ReminderMessage[] = audience.map((person) => ({
    kind: "meeting_invitation",
    partnershipId: p.id,
    subjectId: meeting.id,
    periodKey: `sequence-${meeting.sequence}`,
    stage: change,
    recipient: person,
    urgent: true,
    template: "meeting-invitation",
    subject: `${change === "cancel" ? "Cancelled: " : change === "update" ? "Changed: " : ""}${p.shortName}: ${meeting.title}, ${formatDate(meeting.date)}`,
    attachments: [{ filename: invite.filename, contentType: `text/calendar; charset=utf-8; method=${method}`, content: invite.body }],
    props: {
      recipientName: person.name,
      partnershipName: p.name,
      meetingTitle: meeting.title,
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      location: meeting.location,
      onlineLink: meeting.onlineLink,
      agenda,
      link: `${env().APP_URL}/p/${p.slug}/meetings/${meeting.id}`,
      reason: `You received this because you sit on the board of ${p.name}, or chair or run its secretariat.`,
      cancelled: change === "cancel",
      changed: change === "update",
    },
  }));
  return recordReminders(db, messages);
}

/** Tells those invited that the agenda and papers are published: once per meeting. */
export async function recordAgendaPublished(db: Db, scope: PartnershipScope, meeting: MeetingRow) {
  const p = scope.partnership;
  const audience = await meetingAudience(db, p.id, meeting.date);
  return recordReminders(
    db,
    audience.map((person) => ({
      kind: "agenda_published",
      partnershipId: p.id,
      subjectId: meeting.id,
      periodKey: meeting.date,
      stage: "published",
      recipient: person,
      urgent: true,
      template: "governance-reminder",
      subject: `${p.shortName}: agenda and papers for ${meeting.title}, ${formatDate(meeting.date)}`,
      props: {
        recipientName: person.name,
        partnershipName: p.name,
        kind: "agenda_published",
        subject: meeting.title,
        date: meeting.date,
        link: `${env().APP_URL}/p/${p.slug}/meetings/${meeting.id}`,
        reason: `You received this because you sit on the board of ${p.name}, or chair or run its secretariat.`,
      },
    })),
  );
}

/** Tells the board that draft minutes are out for them to read before the meeting that will approve them. */
export async function recordMinutesCirculated(db: Db, scope: PartnershipScope, meeting: MeetingRow) {
  const p = scope.partnership;
  const audience = await meetingAudience(db, p.id, meeting.date);
  return recordReminders(
    db,
    audience.map((person) => ({
      kind: "minutes_circulated",
      partnershipId: p.id,
      subjectId: meeting.id,
      periodKey: meeting.date,
      stage: "circulated",
      recipient: person,
      urgent: true,
      template: "minutes-circulated",
      subject: `${p.shortName}: draft minutes of ${meeting.title}, ${formatDate(meeting.date)}`,
      props: {
        recipientName: person.name,
        partnershipName: p.name,
        meetingTitle: meeting.title,
        meetingDate: meeting.date,
        link: `${env().APP_URL}/p/${p.slug}/meetings/${meeting.id}/minutes`,
        reason: `You received this because you sit on the board of ${p.name}, or chair or run its secretariat.`,
      },
    })),
  );
}
