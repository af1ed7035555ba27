import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { meetings, minutes } from "../../../db/schema";
import { addDays, formatDate, londonDate } from "../../platform/time/dates";
import { governanceMessages, listRoleHolders, officersOf, type GovernanceCandidate, type PartnershipRow, type ReminderMessage } from "../notifications/public.server";

/** Minutes circulated but not yet approved: the chair and secretariat hear a week before the meeting that should approve them. */
export async function minutesMessages(db: Db, p: PartnershipRow, now: Date): Promise<ReminderMessage[]> {
  const awaiting = await db
    .select({ meetingId: minutes.meetingId, circulatedAt: minutes.circulatedAt, title: meetings.title, startsAt: meetings.startsAt })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .where(and(eq(meetings.partnershipId, p.id), eq(minutes.status, "circulated")));
  if (awaiting.length === 0) return [];
  const [roles, upcoming] = await Promise.all([
    listRoleHolders(db, p.id),
    db.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings).where(and(eq(meetings.partnershipId, p.id), sql`${meetings.cancelledAt} is null`)),
  ]);
  const officers = officersOf(roles);
  const candidates: GovernanceCandidate[] = [];
  for (const m of awaiting) {
    const next = upcoming.filter((x) => x.startsAt > m.startsAt).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
    if (!next) continue;
    const nextDate = londonDate(next.startsAt);
    candidates.push({ kind: "minutes_awaiting_approval", subjectId: m.meetingId, periodKey: nextDate, stage: "next_meeting_in_7_days", sendOn: addDays(nextDate, -7), to: officers, subject: `The minutes of ${m.title}, ${formatDate(londonDate(m.startsAt))}`, date: londonDate(m.circulatedAt ?? m.startsAt), path: `/p/${p.slug}/meetings/${m.meetingId}/minutes` });
  }
  return governanceMessages(db, p, now, candidates, officers);
}
