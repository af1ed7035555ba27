import { timingSafeEqual } from "node:crypto";
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db, Queryable, Tx } from "../../../db/client";
import { meetings, partnershipRoles, partnerships, users } from "../../../db/schema";
import { addDays, londonTimeToInstant } from "../../platform/time/dates";
import { buildCalendar, icsFileName, type IcsMeeting } from "./rules/ics";
import { roleMatrix } from "../../platform/permissions";
import type { PartnershipRole } from "../../platform/permissions";
import { env } from "../../platform/env.server";
import { appToday } from "../../platform/clock.server";
import { hmacHex } from "../../platform/crypto.server";

// A person's calendar feed lives at a secret address that calendar apps poll
// without signing in. The token is never stored: it is the user's id and an
// HMAC, keyed by SESSION_SECRET, of the id and users.calendar_feed_version, so
// bumping the version (resetCalendarFeed) makes every earlier address fail.

/** How far back the feed reaches, so recent meetings stay in people's calendars. */
export const FEED_DAYS_BACK = 90;
export const FEED_NAME = "Partnership governance meetings";

const macFor = (userId: string, version: number) => hmacHex(env().SESSION_SECRET, `calendar:${userId}:${version}`);

/** The secret token for a user's feed at a given version. */
export function calendarFeedToken(userId: string, version: number): string {
  return `${userId}.${macFor(userId, version)}`;
}

export const calendarFeedUrl = (token: string) => `${env().APP_URL}/calendar/feed/${token}`;

/** The address of the user's feed to subscribe to, or null for an account that has none. */
export async function calendarFeedAddress(db: Queryable, userId: string): Promise<string | null> {
  const token = await currentCalendarFeedToken(db, userId);
  return token ? calendarFeedUrl(token) : null;
}

const tokenPattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-f]{64})$/;

/** The adult whose current feed token this is, or null (malformed, forged, revoked, or a young person's). */
export async function userForCalendarToken(db: Queryable, token: string): Promise<{ id: string } | null> {
  const match = tokenPattern.exec(token);
  if (!match) return null;
  const [, userId, mac] = match;
  const [user] = await db
    .select({ id: users.id, kind: users.kind, version: users.calendarFeedVersion })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.kind !== "adult") return null;
  const expected = Buffer.from(macFor(user.id, user.version), "utf8");
  const given = Buffer.from(mac, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { id: user.id };
}

/** The user's current feed token (null for a young person's account, which has no feed). */
export async function currentCalendarFeedToken(db: Queryable, userId: string): Promise<string | null> {
  const [user] = await db.select({ kind: users.kind, version: users.calendarFeedVersion }).from(users).where(eq(users.id, userId));
  if (!user || user.kind !== "adult") return null;
  return calendarFeedToken(userId, user.version);
}

/** Revokes the user's feed address and returns the new token; audited in the same transaction. */
export async function resetCalendarFeed(db: Db, userId: string): Promise<string> {
  return db.transaction(async (tx: Tx) => {
    const [row] = await tx
      .update(users)
      .set({ calendarFeedVersion: sql`${users.calendarFeedVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ version: users.calendarFeedVersion });
    if (!row) throw new Error(`resetCalendarFeed: no user ${userId}`);
    await appendAudit(tx, {
      actorUserId: userId,
      action: "calendar_feed.reset",
      entityId: userId,
      partnershipId: null,
      before: { calendarFeedVersion: row.version - 1 },
      after: { calendarFeedVersion: row.version },
    });
    return calendarFeedToken(userId, row.version);
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

/** One meeting's invitation, if the meeting belongs to the partnership. */
export async function meetingInvite(db: Queryable, partnershipId: string, meetingId: string): Promise<{ filename: string; body: string } | null> {
  if (!z.uuid().safeParse(meetingId).success) return null;
  const [row] = await db
    .select(meetingColumns)
    .from(meetings)
    .innerJoin(partnerships, eq(partnerships.id, meetings.partnershipId))
    .where(and(eq(meetings.id, meetingId), eq(meetings.partnershipId, partnershipId)));
  if (!row) return null;
  return {
    filename: icsFileName(row.partnershipSlug, row.type, row.startsAt),
    body: buildCalendar([toIcs(row)], { generatedAt: new Date() }),
  };
}
