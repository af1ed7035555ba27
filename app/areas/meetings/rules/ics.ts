import { londonDate } from "../../../platform/time/dates";
import { meetingTypeLabels, type MeetingType } from "../../partnerships/rules/vocabulary";

// iCalendar (RFC 5545) invitations for meetings: one download per meeting and
// a subscribable feed per person. Times are written in UTC ("Z" form), so no
// VTIMEZONE is needed: meetings are London wall-clock times stored as
// instants, and every calendar app shows a UTC time in its own zone.

export const ICS_PRODID = "-//Partnership governance//EN";
export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";

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

/** An instant as an RFC 5545 UTC date-time, e.g. 20260330T090000Z. */
export function icsUtc(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

// Control characters other than HTAB may not appear in a content line.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(controlCharacters, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** A URI value: not escaped, but line breaks and control characters cannot be carried. */
function uriValue(value: string): string {
  return value.replace(/[\r\n]/g, "").replace(controlCharacters, "").trim();
}

const encoder = new TextEncoder();

/**
 * Folds a content line so no line is longer than 75 octets (RFC 5545 §3.1):
 * continuation lines start with one space. Splits only between characters,
 * never inside a character's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

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

function eventLines(m: IcsMeeting, stamp: Date): string[] {
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
    "END:VEVENT",
  ];
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
