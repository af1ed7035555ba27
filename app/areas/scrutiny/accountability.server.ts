import { and, asc, count, eq, exists, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import { actions, attendance, boardSeats, callIns, challenges, decisionStatusChanges, decisions, meetings } from "../../../db/schema";
import { addDays, londonDate, londonTimeToInstant } from "../../platform/time/dates";
import { listPartnersForRules, termsInForce } from "../register/public.server";
import { seniorityShortfalls, type BoardRole, type SeniorityRule, type SeniorityTier } from "../register/public";
import { actionsByPartner, attendanceByPartner, questionFigures } from "./rules/accountability";

// The accountability dashboard's figures, read from the record for a period.

/**
 * Each partner's attendance at the board meetings held in the period
 * (cancelled ones and those without attendance recorded left out), and at how
 * many of them someone senior enough for the terms of reference then in force
 * attended for it (a member present, or the deputy standing in).
 */
export async function attendanceFigures(db: Db, partnershipId: string, period: { from: string; to: string }, now: Date) {
  const boardMeetingsInPeriod = and(
    eq(meetings.partnershipId, partnershipId),
    eq(meetings.type, "board"),
    isNull(meetings.cancelledAt),
    gte(meetings.startsAt, londonTimeToInstant(period.from, "00:00")),
    lt(meetings.startsAt, londonTimeToInstant(addDays(period.to, 1), "00:00")),
    lte(meetings.startsAt, now),
  );
  const heldInPeriod = and(boardMeetingsInPeriod, exists(db.select({ one: attendance.meetingId }).from(attendance).where(eq(attendance.meetingId, meetings.id))));
  const deputySeats = alias(boardSeats, "deputy_seats");
  // The marks are read by the same condition as the meetings, in parallel: not by a list of
  // every meeting's id (a statement as long as the year's meetings, planned afresh each time).
  const [held, marks, partners] = await Promise.all([
    db.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings).where(heldInPeriod),
    db
      .select({
        meetingId: attendance.meetingId,
        organisationId: boardSeats.organisationId,
        status: attendance.status,
        seat: { id: boardSeats.id, boardRole: boardSeats.boardRole, organisationId: boardSeats.organisationId, seniority: boardSeats.seniority },
        deputy: { id: deputySeats.id, boardRole: deputySeats.boardRole, organisationId: deputySeats.organisationId, seniority: deputySeats.seniority },
      })
      .from(attendance)
      .innerJoin(boardSeats, eq(boardSeats.id, attendance.seatId))
      .leftJoin(deputySeats, eq(deputySeats.id, attendance.deputySeatId))
      // (Marks exist only for meetings with attendance recorded: testing that again here made PostgreSQL
      // expect a million rows and hash every board seat in the country, 71 ms against 3.)
      .where(inArray(attendance.meetingId, db.select({ id: meetings.id }).from(meetings).where(boardMeetingsInPeriod))),
    listPartnersForRules(db, partnershipId),
  ]);
  const days = new Map(held.map((m) => [m.id, londonDate(m.startsAt)]));
  // The terms in force on each meeting's day: a handful of versions, read once per day met.
  const rulesOn = new Map<string, SeniorityRule[]>();
  for (const day of new Set(days.values())) rulesOn.set(day, (await termsInForce(db, partnershipId, day))?.rules.seniority ?? []);
  const partnerOf = new Map(partners.map((p) => [p.organisationId, p]));
  const seniorEnough = new Set<string>();
  for (const m of marks) {
    const who = m.status === "present" ? m.seat : m.status === "deputy" && m.deputy?.id ? m.deputy : null;
    if (!who || !m.organisationId) continue;
    const rules = rulesOn.get(days.get(m.meetingId)!) ?? [];
    if (seniorityShortfalls({ ...who, id: who.id!, seniority: who.seniority as SeniorityTier, boardRole: who.boardRole as BoardRole }, partnerOf.get(m.organisationId), rules).length === 0)
      seniorEnough.add(`${m.meetingId}:${m.organisationId}`);
  }
  const rows = attendanceByPartner(
    held.map((m) => ({ id: m.id, date: londonDate(m.startsAt) })),
    marks,
    partners.map((p) => ({ organisationId: p.organisationId, name: p.name, joinedOn: p.joinedOn, leftOn: p.leftOn })),
    seniorEnough,
  );
  const partnerIds = new Map(partners.map((p) => [p.organisationId, p.partnerId]));
  return { meetingsHeld: held.length, rows: rows.map((r) => ({ ...r, partnerId: partnerIds.get(r.organisationId) ?? null })) };
}

/**
 * The decisions taken in the period: how many; those taken at an inquorate
 * meeting and what became of them (ratified at a later quorate meeting, not
 * ratified, or still waiting); and those called in, with where each stands.
 */
export async function decisionFigures(db: Db, partnershipId: string, period: { from: string; to: string }) {
  const inPeriod = and(eq(decisions.partnershipId, partnershipId), gte(decisions.decidedOn, period.from), lte(decisions.decidedOn, period.to), ne(decisions.status, "proposed"));
  const [[{ taken }], inquorate, calledIn] = await Promise.all([
    db.select({ taken: count() }).from(decisions).where(inPeriod),
    // Which of the period's decisions were ever inquorate is found from the log's index (which carries the status)
    // joined to the changes into "inquorate"; only those few are then read whole. (Testing each decision with
    // `exists` read a heap page per decision of the year: 17 ms against 11 for the busiest partnership.)
    db
      .select({ id: decisions.id, reference: decisions.reference, title: decisions.title, decidedOn: decisions.decidedOn, status: decisions.status })
      .from(decisions)
      .where(
        inArray(
          decisions.id,
          db
            .select({ id: decisions.id })
            .from(decisions)
            .leftJoin(decisionStatusChanges, and(eq(decisionStatusChanges.decisionId, decisions.id), eq(decisionStatusChanges.toStatus, "inquorate")))
            .where(and(inPeriod, or(eq(decisions.status, "inquorate"), isNotNull(decisionStatusChanges.decisionId)))),
        ),
      )
      .orderBy(asc(decisions.decidedOn), asc(decisions.reference)),
    db
      .select({ id: decisions.id, reference: decisions.reference, title: decisions.title, decidedOn: decisions.decidedOn, callInStatus: callIns.status })
      .from(callIns)
      .innerJoin(decisions, eq(decisions.id, callIns.decisionId))
      .where(and(inPeriod, eq(callIns.partnershipId, partnershipId)))
      .orderBy(asc(decisions.decidedOn), asc(decisions.reference)),
  ]);
  // When each inquorate decision was later settled: its change out of "inquorate".
  const settled = inquorate.length
    ? await db
        .select({ decisionId: decisionStatusChanges.decisionId, toStatus: decisionStatusChanges.toStatus, changedAt: decisionStatusChanges.changedAt })
        .from(decisionStatusChanges)
        .where(and(inArray(decisionStatusChanges.decisionId, inquorate.map((d) => d.id)), eq(decisionStatusChanges.fromStatus, "inquorate")))
    : [];
  const settledBy = new Map(settled.map((s) => [s.decisionId, s]));
  return {
    taken,
    inquorate: inquorate.map((d) => {
      const s = settledBy.get(d.id);
      return { ...d, outcome: d.status === "inquorate" ? ("awaiting" as const) : s?.toStatus === "agreed" ? ("ratified" as const) : ("not_ratified" as const), settledOn: s ? londonDate(s.changedAt) : null };
    }),
    calledIn,
  };
}

/** Scrutiny's questions and challenges raised in the period, and how promptly the partnership answered them. */
export async function challengeFigures(db: Db, partnershipId: string, period: { from: string; to: string }, today: string) {
  const rows = await db
    .select({ raisedOn: challenges.raisedOn, firstDueOn: challenges.firstDueOn, firstAnsweredOn: challenges.firstAnsweredOn, status: challenges.status, dueOn: challenges.dueOn })
    .from(challenges)
    .where(and(eq(challenges.partnershipId, partnershipId), gte(challenges.raisedOn, period.from), lte(challenges.raisedOn, period.to)));
  return questionFigures(rows, today);
}

/**
 * The actions due in the period (cancelled ones left out), per partner: done
 * by their due date, done late, open past their date today, and open but not
 * yet due (when the period runs past today).
 */
export async function actionFigures(db: Db, partnershipId: string, period: { from: string; to: string }, today: string) {
  const n = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})::int`;
  const [rows, partners] = await Promise.all([
    db
      .select({
        organisationId: actions.organisationId,
        due: sql<number>`count(*)::int`,
        doneOnTime: n(sql`${actions.status} = 'done' and ${actions.completedOn} <= ${actions.dueDate}`),
        doneLate: n(sql`${actions.status} = 'done' and (${actions.completedOn} is null or ${actions.completedOn} > ${actions.dueDate})`),
        overdue: n(sql`${actions.status} = 'open' and ${actions.dueDate} < ${today}`),
        openNotDue: n(sql`${actions.status} = 'open' and ${actions.dueDate} >= ${today}`),
      })
      .from(actions)
      .where(and(eq(actions.partnershipId, partnershipId), ne(actions.status, "cancelled"), gte(actions.dueDate, period.from), lte(actions.dueDate, period.to)))
      .groupBy(actions.organisationId),
    listPartnersForRules(db, partnershipId),
  ]);
  return actionsByPartner(rows, partners);
}

/** The median number of days from a decision's proposal to its decision, for those taken in the period after being proposed beforehand. */
export async function proposalToDecisionDays(db: Db, partnershipId: string, period: { from: string; to: string }) {
  const [row] = await db
    .select({ median: sql<string | null>`percentile_cont(0.5) within group (order by (${decisions.decidedOn} - (${decisions.createdAt} at time zone 'Europe/London')::date))` })
    .from(decisions)
    .where(and(eq(decisions.partnershipId, partnershipId), gte(decisions.decidedOn, period.from), lte(decisions.decidedOn, period.to), ne(decisions.status, "proposed"), sql`${decisions.decidedOn} > (${decisions.createdAt} at time zone 'Europe/London')::date`));
  return row?.median === null || row?.median === undefined ? null : Number(row.median);
}
