import { and, eq, exists, gte, inArray, isNull, lt, lte } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { attendance, boardSeats, meetings } from "../../../db/schema";
import { addDays, isIsoDate, londonDate, londonTimeToInstant } from "../../platform/time/dates";
import { listPartnersForRules } from "../register/public.server";
import { attendanceByPartner } from "./rules/accountability";

// The accountability dashboard's figures, read from the record for a period.

const day = z.string().trim().refine(isIsoDate, "Enter a real date, for example 2026-03-31");

/** The period from the address: the twelve months to today unless chosen; a wrong date is named and the default kept. */
export function accountabilityPeriod(params: URLSearchParams, today: string) {
  const errors: Record<string, string> = {};
  const read = (key: "from" | "to", fallback: string) => {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") return fallback;
    const parsed = day.safeParse(raw);
    if (parsed.success) return parsed.data;
    errors[key] = parsed.error.issues[0].message;
    return fallback;
  };
  const to = read("to", today);
  let from = read("from", addDays(to, -364));
  if (from > to) {
    errors.from = "The start of the period must be on or before its end";
    from = addDays(to, -364);
  }
  return { from, to, errors };
}

/** Each partner's attendance at the board meetings held in the period (cancelled ones and those without attendance recorded left out). */
export async function attendanceFigures(db: Db, partnershipId: string, period: { from: string; to: string }, now: Date) {
  const held = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.partnershipId, partnershipId),
        eq(meetings.type, "board"),
        isNull(meetings.cancelledAt),
        gte(meetings.startsAt, londonTimeToInstant(period.from, "00:00")),
        lt(meetings.startsAt, londonTimeToInstant(addDays(period.to, 1), "00:00")),
        lte(meetings.startsAt, now),
        exists(db.select({ one: attendance.meetingId }).from(attendance).where(eq(attendance.meetingId, meetings.id))),
      ),
    );
  const [marks, partners] = await Promise.all([
    held.length
      ? db
          .select({ meetingId: attendance.meetingId, organisationId: boardSeats.organisationId, status: attendance.status })
          .from(attendance)
          .innerJoin(boardSeats, eq(boardSeats.id, attendance.seatId))
          .where(inArray(attendance.meetingId, held.map((m) => m.id)))
      : Promise.resolve([]),
    listPartnersForRules(db, partnershipId),
  ]);
  const rows = attendanceByPartner(
    held.map((m) => ({ id: m.id, date: londonDate(m.startsAt) })),
    marks,
    partners.map((p) => ({ organisationId: p.organisationId, name: p.name, joinedOn: p.joinedOn, leftOn: p.leftOn })),
  );
  const partnerIds = new Map(partners.map((p) => [p.organisationId, p.partnerId]));
  return { meetingsHeld: held.length, rows: rows.map((r) => ({ ...r, partnerId: partnerIds.get(r.organisationId) ?? null })) };
}
