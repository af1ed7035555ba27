import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Queryable, Tx } from "../../../db/client";
import { calendarFeeds, meetings, partnershipRoles, partnerships, users } from "../../../db/schema";
import { addDays, londonTimeToInstant } from "../../platform/time/dates";
import { buildCalendar, buildMeetingRequest, icsFileName, type CalendarPerson, type IcsMeeting } from "./rules/ics";
import { roleMatrix } from "../../platform/permissions";
import type { PartnershipRole } from "../../platform/permissions";
import { env } from "../../platform/env.server";
import { appToday } from "../../platform/clock.server";
import { generateToken, hashToken } from "../../platform/crypto.server";

// A person's calendar feed lives at a secret address that calendar apps poll
// without signing in. The address holds a random token; only its SHA-256 is
// stored (calendar_feeds), so the address is shown once, when it is created,
// and can be replaced or turned off at any time.

/** How far back the feed reaches, so recent meetings stay in people's calendars. */
export const FEED_DAYS_BACK = 90;
export const FEED_NAME = "Partnership governance meetings";

export const calendarFeedUrl = (token: string) => `${env().APP_URL}/calendar/feed/${token}`;

const tokenPattern = /^[a-z2-7]{32}$/;

/** The adult whose feed this token opens, or null (malformed, unknown, turned off, or a young person's). */
export async function userForCalendarToken(db: Queryable, token: string): Promise<{ id: string } | null> {
  if (!tokenPattern.test(token)) return null;
  const [row] = await db
    .select({ id: users.id, kind: users.kind })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  return row && row.kind === "adult" ? { id: row.id } : null;
}

/** Whether the person has a feed address, and since when (the address itself cannot be shown again). */
export async function calendarFeedStatus(db: Queryable, userId: string): Promise<{ since: Date } | null> {
  const [row] = await db.select({ since: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row ?? null;
}

/** Creates the person's feed address, replacing any earlier one (which stops working); returns it, to be shown once. */
export async function resetCalendarFeed(db: Db, user: { id: string; kind: string }): Promise<string> {
  if (user.kind !== "adult") throw new Error("Young people's accounts have no calendar feed");
  const token = generateToken();
  return db.transaction(async (tx: Tx) => {
    const [old] = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, user.id)).returning({ tokenHash: calendarFeeds.tokenHash });
    await tx.insert(calendarFeeds).values({ tokenHash: hashToken(token), userId: user.id });
    await appendAudit(tx, { actorUserId: user.id, action: "calendar_feed.reset", entityId: user.id, partnershipId: null, before: { active: Boolean(old) }, after: { active: true } });
    return calendarFeedUrl(token);
  });
}

/** Turns the person's feed address off; whatever calendar app had it stops seeing their meetings. */
export async function revokeCalendarFeed(db: Db, userId: string): Promise<boolean> {
  return db.transaction(async (tx: Tx) => {
    const [old] = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ tokenHash: calendarFeeds.tokenHash });
    if (!old) return false;
    await appendAudit(tx, { actorUserId: userId, action: "calendar_feed.revoke", entityId: userId, partnershipId: null, before: { active: true }, after: { active: false } });
    return true;
  });
}

// ------------------------------------------------------------------ meetings

/** Roles whose holders may see a partnership's pages: the feed shows no more than they could open. */
const viewingRoles = (Object.entries(roleMatrix) as [PartnershipRole, readonly string[]][])
  .filter(([, granted]) => granted.includes("partnership:view"))
  .map(([role]) => role);

const meetingColumns = {
  id: meetings.id,
  type: meetings.type,
  title: meetings.title,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  location: meetings.location,
  onlineLink: meetings.onlineLink,
  cancelledAt: meetings.cancelledAt,
  cancelReason: meetings.cancelReason,
  sequence: meetings.sequence,
  partnershipShortName: partnerships.shortName,
  partnershipSlug: partnerships.slug,
};

type MeetingWithPartnership = Omit<IcsMeeting, "url"> & { partnershipSlug: string };

const toIcs = ({ partnershipSlug, ...m }: MeetingWithPartnership): IcsMeeting => ({
  ...m,
  url: `${env().APP_URL}/p/${partnershipSlug}/meetings/${m.id}`,
});

/**
 * The user's feed: meetings of every partnership they hold a role in, from
 * 90 days ago onwards. A young person's account gets nothing.
 */
export async function feedMeetings(db: Queryable, userId: string, today = appToday()): Promise<IcsMeeting[]> {
  const [user] = await db.select({ kind: users.kind }).from(users).where(eq(users.id, userId));
  if (!user || user.kind !== "adult") return [];
  const from = londonTimeToInstant(addDays(today, -FEED_DAYS_BACK), "00:00");
  const theirPartnerships = db
    .selectDistinct({ id: partnershipRoles.partnershipId })
    .from(partnershipRoles)
    .where(and(eq(partnershipRoles.userId, userId), inArray(partnershipRoles.role, viewingRoles)));
  const rows = await db
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(partnerships, eq(partnerships.id, meetings.partnershipId))
    .where(and(inArray(meetings.partnershipId, theirPartnerships), gte(meetings.startsAt, from)))
    .orderBy(asc(meetings.startsAt));
  return rows.map(toIcs);
}

/** The whole feed as iCalendar text. */
export async function calendarFeed(db: Queryable, userId: string): Promise<string> {
  return buildCalendar(await feedMeetings(db, userId), { generatedAt: new Date(), name: FEED_NAME });
}

async function oneMeeting(db: Queryable, partnershipId: string, meetingId: string) {
  if (!z.uuid().safeParse(meetingId).success) return null;
  const [row] = await db
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(partnerships, eq(partnerships.id, meetings.partnershipId))
    .where(and(eq(meetings.id, meetingId), eq(meetings.partnershipId, partnershipId)));
  return row ?? null;
}

/** One meeting's calendar entry to download (METHOD:PUBLISH), if the meeting belongs to the partnership. */
export async function meetingInvite(db: Queryable, partnershipId: string, meetingId: string): Promise<{ filename: string; body: string } | null> {
  const row = await oneMeeting(db, partnershipId, meetingId);
  if (!row) return null;
  return {
    filename: icsFileName(row.partnershipSlug, row.type, row.startsAt),
    body: buildCalendar([toIcs(row)], { generatedAt: new Date() }),
  };
}

/** One meeting's request (or cancellation) to its attendees from the organiser, as emailed invitations carry it. */
export async function meetingRequest(
  db: Queryable,
  partnershipId: string,
  meetingId: string,
  opts: { method: "REQUEST" | "CANCEL"; organizer: CalendarPerson; attendees: readonly CalendarPerson[] },
): Promise<{ filename: string; body: string } | null> {
  const row = await oneMeeting(db, partnershipId, meetingId);
  if (!row) return null;
  return { filename: icsFileName(row.partnershipSlug, row.type, row.startsAt), body: buildMeetingRequest(toIcs(row), { ...opts, generatedAt: new Date() }) };
}
