import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appNow } from "../../../app/platform/clock.server";
import { resetEnvCache } from "../../../app/platform/env.server";
import { daysBetween, formatDate, londonDate } from "../../../app/platform/time/dates";
import { boardOnDate, listSeats, partnershipProblems } from "../../../app/areas/register/public.server";
import { loadCompliance } from "../../../app/areas/obligations/obligations.server";
import type { Db } from "../../../db/client";
import {
  actions,
  attendance,
  boardSeats,
  decisionRatifications,
  decisions,
  decisionStatusChanges,
  declarationsOfInterest,
  meetings,
  minutes,
  submissions,
  termsOfReference,
} from "../../../db/schema";
import { demoData } from "../../../seeds/demo-data";
import { seedDemoData } from "../../../seeds/seed";
import { STORY_TODAY, storyShift } from "../../../seeds/story-dates";
import { openMigratedTestDatabase } from "../../helpers/database";
import { partnershipId } from "../../helpers/pages";
import { SCENARIO_TODAY } from "../../helpers/templates";

// The demo story is dated to the day it is loaded: a newcomer who starts the
// app long after the story was written sees the same board, the same
// problems, the same meetings behind and ahead, the same compliance picture.
// Each day below seeds a fresh database with APP_TODAY set to it and reads
// what the pages read, through the same server operations.

const LATER_DAYS = ["2027-06-15", "2028-02-29"];
const SLUGS = ["nelcp", "leicestershire-cip", "newport-barnardos"];

/** A problem's wording without its dates, which move with the story. */
const undated = (message: string) => message.replace(/\d{1,2} [A-Z][a-z]+ \d{4}/g, "(date)");

async function read(db: Db, today: string) {
  const now = appNow();
  const nelcp = await partnershipId(db, "nelcp");
  const seats = await listSeats(db, nelcp);
  const register = boardOnDate(seats, { onDate: today }).map((s) => `${s.personName}, ${s.boardRole}, ${s.organisationName}`);

  const problems: Record<string, string[]> = {};
  const compliance: Record<string, { name: string; due: number; onTime: number; rate: number | null; overdue: number }[]> = {};
  const reminders: Record<string, number> = {};
  for (const slug of SLUGS) {
    const id = await partnershipId(db, slug);
    const found = await partnershipProblems(db, id, today);
    problems[slug] = [...found.terms, ...found.board].map((p) => `${p.kind}: ${undated(p.message)}`).sort();
    const view = await loadCompliance(db, id, today);
    compliance[slug] = view.partners.map((p) => ({ name: p.name, due: p.due, onTime: p.onTime, rate: p.rate, overdue: p.overdue.length }));
    for (const p of view.partners) reminders[p.name] = p.remindersSent;
  }

  const board = await db.select().from(meetings).where(and(eq(meetings.partnershipId, nelcp), eq(meetings.type, "board"))).orderBy(asc(meetings.startsAt));
  const past = board.filter((m) => m.startsAt < now);
  const next = board.find((m) => m.startsAt > now)!;
  const minuteRows = await db.select().from(minutes);
  const minutesOf = (meetingId: string) => minuteRows.find((r) => r.meetingId === meetingId)?.status;

  const log = await db.select().from(decisions).where(eq(decisions.partnershipId, nelcp));
  const ratifications = await db.select().from(decisionRatifications);
  const open = await db.select().from(actions).where(and(eq(actions.partnershipId, nelcp), eq(actions.status, "open")));

  return {
    register,
    problems,
    compliance,
    reminders,
    meetings: {
      past: past.length,
      daysSinceLast: daysBetween(londonDate(past[past.length - 1].startsAt), today),
      daysToNext: daysBetween(today, londonDate(next.startsAt)),
      minutes: board.map((m) => minutesOf(m.id)),
    },
    decisions: {
      byStatus: log.map((d) => d.status).sort(),
      awaitingRatification: ratifications.filter((r) => log.some((d) => d.id === r.decisionId) && r.status === "awaiting").length,
    },
    actions: { open: open.length, overdue: open.filter((a) => a.dueDate < today).length },
  };
}

/** Everything the story says has happened that is dated after the day it is loaded. */
async function happenedLater(db: Db, today: string) {
  const now = appNow();
  const endOfToday = new Date(`${today}T23:59:59Z`);
  const late: string[] = [];
  const say = (what: string, when: string | Date | null) => late.push(`${what} on ${when instanceof Date ? when.toISOString() : when}`);
  for (const d of await db.select().from(decisions).where(ne(decisions.status, "proposed"))) if (d.decidedOn! > today) say(`decision ${d.reference}`, d.decidedOn);
  for (const r of await db.select().from(decisionRatifications).where(isNotNull(decisionRatifications.decidedOn))) if (r.decidedOn! > today) say("ratification", r.decidedOn);
  for (const c of await db.select().from(decisionStatusChanges)) if (c.changedAt > endOfToday) say("decision status change", c.changedAt);
  for (const m of await db.select().from(minutes)) {
    if (m.circulatedAt && m.circulatedAt > endOfToday) say("minutes circulated", m.circulatedAt);
    if (m.approvedAt && m.approvedAt > endOfToday) say("minutes approved", m.approvedAt);
  }
  for (const s of await db.select().from(submissions)) if (s.submittedOn >= today) say("return", s.submittedOn);
  for (const a of await db.select().from(actions).where(isNotNull(actions.completedOn))) if (a.completedOn! > today) say(`action ${a.title} done`, a.completedOn);
  for (const d of await db.select().from(declarationsOfInterest)) if (d.declaredOn > today) say("declaration", d.declaredOn);
  for (const s of await db.select().from(boardSeats)) if (s.termStart > today) say("seat began", s.termStart);
  for (const t of await db.select().from(termsOfReference)) {
    if (t.approvedAt && t.approvedAt > endOfToday) say("terms approved", t.approvedAt);
    if (t.status !== "draft" && t.effectiveFrom && t.effectiveFrom > today) say("terms in force", t.effectiveFrom);
  }
  const attended = await db.selectDistinct({ startsAt: meetings.startsAt }).from(attendance).innerJoin(meetings, eq(meetings.id, attendance.meetingId));
  for (const m of attended) if (m.startsAt > now) say("attendance at a meeting", m.startsAt);
  return late;
}

/** Each decision approving minutes names the date of the meeting it approves, as moved. */
async function minutesApprovalsNameTheirMeeting(db: Db) {
  const wrong: string[] = [];
  for (const m of await db.select().from(minutes).where(isNotNull(minutes.approvedByDecisionId))) {
    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, m.meetingId));
    const [decision] = await db.select().from(decisions).where(eq(decisions.id, m.approvedByDecisionId!));
    if (!decision.text.includes(formatDate(londonDate(meeting.startsAt)))) wrong.push(`${decision.title}: ${decision.text}`);
  }
  return wrong;
}

type Seen = { reading: Awaited<ReturnType<typeof read>>; later: string[]; minutesTexts: string[]; references: { reference: string; decidedOn: string | null }[] };
const seen = new Map<string, Seen>();

beforeAll(async () => {
  expect(STORY_TODAY).toBe(SCENARIO_TODAY);
  const saved = process.env.APP_TODAY;
  try {
    for (const day of [STORY_TODAY, ...LATER_DAYS]) {
      process.env.APP_TODAY = day;
      resetEnvCache();
      const t = await openMigratedTestDatabase();
      try {
        await seedDemoData(t.db, demoData);
        seen.set(day, {
          reading: await read(t.db, day),
          later: await happenedLater(t.db, day),
          minutesTexts: await minutesApprovalsNameTheirMeeting(t.db),
          references: await t.db.select({ reference: decisions.reference, decidedOn: decisions.decidedOn }).from(decisions).orderBy(asc(decisions.id)),
        });
      } finally {
        await t.close();
      }
    }
  } finally {
    if (saved === undefined) delete process.env.APP_TODAY;
    else process.env.APP_TODAY = saved;
    resetEnvCache();
  }
}, 600_000);

afterAll(() => {
  seen.clear();
});

describe.each(LATER_DAYS)("the demo loaded on %s", (day) => {
  const story = () => seen.get(STORY_TODAY)!.reading;
  const loaded = () => seen.get(day)!.reading;

  it("shows the same NELCP board and the same problems with it", () => {
    expect(loaded().register).toEqual(story().register);
    expect(loaded().register.length).toBeGreaterThanOrEqual(10);
    expect(loaded().problems).toEqual(story().problems);
    // The problems the story is written to show.
    expect(story().problems.nelcp).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^partner_unrepresented: City of London Corporation/),
        expect.stringMatching(/^below_required_seniority: Claire Hennessy/),
        expect.stringMatching(/^deputy_lapsed: Tom Egan/),
        expect.stringMatching(/^term_ending_soon: Joanna Whitfield/),
      ]),
    );
  });

  it("has the same meetings behind it, and the next one as far ahead, give or take the rounding to whole weeks", () => {
    const { meetings: m } = loaded();
    expect(m.past).toBe(story().meetings.past);
    expect(m.minutes).toEqual(story().meetings.minutes);
    // Meetings move by whole weeks: the real difference is at most three days from them.
    const rounding = Math.abs(storyShift(day).actualDays - storyShift(day).days);
    expect(Math.abs(m.daysToNext - story().meetings.daysToNext)).toBeLessThanOrEqual(rounding);
    expect(Math.abs(m.daysSinceLast - story().meetings.daysSinceLast)).toBeLessThanOrEqual(rounding);
    expect(m.daysToNext).toBeGreaterThan(0);
  });

  it("has the same decisions, ratifications and overdue actions", () => {
    expect(loaded().decisions).toEqual(story().decisions);
    expect(loaded().actions).toEqual(story().actions);
  });

  it("shows each partner's returns the same way: on time, late, sent back or missing", () => {
    expect(loaded().compliance).toEqual(story().compliance);
    const rate = (name: string) => loaded().compliance.nelcp.find((p) => p.name === name)!;
    expect(rate("London Borough of Havering")).toMatchObject({ due: 4, onTime: 4 });
    expect(rate("London Borough of Hackney")).toMatchObject({ due: 4, onTime: 2 });
    expect(rate("London Borough of Tower Hamlets")).toMatchObject({ overdue: 2 });
    expect(rate("City of London Corporation")).toMatchObject({ onTime: 0 });
    // Reminders depend on how weekends and bank holidays fall, but the late are still chased more.
    const sent = loaded().reminders;
    expect(sent["London Borough of Hackney"]).toBeGreaterThan(sent["London Borough of Havering"]);
    expect(sent["London Borough of Havering"]).toBeGreaterThan(0);
  });

  it("dates nothing the story says has happened after the day it is loaded", () => {
    expect(seen.get(day)!.later).toEqual([]);
  });

  it("words its decisions after the moved dates, and numbers them by the year they were taken", () => {
    expect(seen.get(day)!.minutesTexts).toEqual([]);
    const references = seen.get(day)!.references.filter((r) => r.reference.startsWith("NELCP-"));
    for (const r of references) expect(r.reference.slice(6, 10), r.reference).toBe(r.decidedOn!.slice(0, 4));
    // Each year's references run from 001 without a gap.
    for (const year of new Set(references.map((r) => r.reference.slice(6, 10)))) {
      const numbers = references.filter((r) => r.reference.slice(6, 10) === year).map((r) => Number(r.reference.slice(11))).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });
});

describe("the demo loaded on the story's own day", () => {
  it("is the story as written, with nothing dated after it", () => {
    expect(seen.get(STORY_TODAY)!.later).toEqual([]);
    expect(seen.get(STORY_TODAY)!.minutesTexts).toEqual([]);
    expect(seen.get(STORY_TODAY)!.reading.meetings.daysToNext).toBe(daysBetween(STORY_TODAY, "2027-01-14"));
  });
});
