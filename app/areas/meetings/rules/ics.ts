import { londonDate } from "../../../platform/time/dates";
import { escapeText, foldLine, ICS_PRODID, icsUtc, mailto, paramValue, uriValue } from "../../../platform/text/ics";
import { meetingTypeLabels, type MeetingType } from "./vocabulary";

// iCalendar (RFC 5545) invitations for meetings: one download per meeting and
// a subscribable feed per person. Times are written in UTC ("Z" form), so no
// VTIMEZONE is needed: meetings are London wall-clock times stored as
// instants, and every calendar app shows a UTC time in its own zone.

export type IcsMeeting = {
  id: string;
  type: MeetingType | string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineLink: string | null;
  cancelledAt: Date | null;
  cancelReason?: string | null;
  sequence: number;
  partnershipShortName: string;
  /** The meeting's page in the platform, absolute. */
  url: string;
};

/** A stable UID: the same meeting always updates the same calendar entry. */
export const meetingUid = (meetingId: string) => `${meetingId}@partnership-governance`;

/** Where the meeting happens: the place, the online link, or both. */
export function meetingLocation(m: Pick<IcsMeeting, "location" | "onlineLink">): string | null {
  const place = m.location?.trim() || null;
  const link = m.onlineLink?.trim() || null;
  if (place && link) return `${place} (or join online: ${link})`;
  return place ?? link;
}

function meetingDescription(m: IcsMeeting): string {
  const typeLabel = meetingTypeLabels[m.type as MeetingType] ?? m.type;
  const lines = [`${typeLabel} of ${m.partnershipShortName}.`];
  if (m.cancelledAt) lines.push(`This meeting has been cancelled.${m.cancelReason?.trim() ? ` ${m.cancelReason.trim()}` : ""}`);
  if (m.onlineLink?.trim()) lines.push(`Join online: ${m.onlineLink.trim()}`);
  lines.push(`Agenda, papers and minutes: ${m.url}`);
  return lines.join("\n");
}

function eventLines(m: IcsMeeting, stamp: Date, people: string[] = []): string[] {
  const location = meetingLocation(m);
  return [
    "BEGIN:VEVENT",
    `UID:${meetingUid(m.id)}`,
    `DTSTAMP:${icsUtc(stamp)}`,
    `DTSTART:${icsUtc(m.startsAt)}`,
    `DTEND:${icsUtc(m.endsAt)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(m.sequence))}`,
    `STATUS:${m.cancelledAt ? "CANCELLED" : "CONFIRMED"}`,
    `SUMMARY:${escapeText(`${m.partnershipShortName}: ${m.title}`)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(meetingDescription(m))}`,
    `URL:${uriValue(m.url)}`,
    ...people,
    "END:VEVENT",
  ];
}

export type CalendarPerson = { name: string; email: string };

/**
 * A meeting request as calendar programs treat a meeting (RFC 5546): METHOD
 * REQUEST with the organiser and every attendee, so Outlook and Google offer
 * accept and decline and later requests with a higher SEQUENCE update the same
 * entry; METHOD CANCEL (the event marked cancelled) takes it out again.
 */
export function buildMeetingRequest(m: IcsMeeting, opts: { method: "REQUEST" | "CANCEL"; organizer: CalendarPerson; attendees: readonly CalendarPerson[]; generatedAt: Date }): string {
  const people = [
    `ORGANIZER;CN=${paramValue(opts.organizer.name)}:${mailto(opts.organizer.email)}`,
    ...opts.attendees.map((a) => `ATTENDEE;CN=${paramValue(a.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(a.email)}`),
  ];
  const event = { ...m, cancelledAt: opts.method === "CANCEL" ? (m.cancelledAt ?? opts.generatedAt) : m.cancelledAt };
  const lines = ["BEGIN:VCALENDAR", `PRODID:${ICS_PRODID}`, "VERSION:2.0", "CALSCALE:GREGORIAN", `METHOD:${opts.method}`, ...eventLines(event, opts.generatedAt, people), "END:VCALENDAR"];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/**
 * A VCALENDAR (METHOD:PUBLISH) with one VEVENT per meeting, CRLF line endings
 * and folded lines. `generatedAt` is the DTSTAMP; `name` names a feed in
 * calendar apps that show one.
 */
export function buildCalendar(meetings: readonly IcsMeeting[], opts: { generatedAt: Date; name?: string }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    `PRODID:${ICS_PRODID}`,
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(opts.name ? [`NAME:${escapeText(opts.name)}`, `X-WR-CALNAME:${escapeText(opts.name)}`] : []),
    ...[...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).flatMap((m) => eventLines(m, opts.generatedAt)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** A download's file name, e.g. "nelcp-board-2026-03-12.ics" (the date as in London). */
export function icsFileName(partnershipSlug: string, meetingType: string, startsAt: Date): string {
  const safe = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  return `${[safe(partnershipSlug), safe(meetingType), londonDate(startsAt)].filter(Boolean).join("-")}.ics`;
}
