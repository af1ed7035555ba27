import { z } from "zod";
import { addDays, daysBetween, londonDate, londonTime, londonTimeToInstant } from "../app/platform/time/dates";
import { addWorkingDays, isWorkingDay } from "../app/platform/time/working-days";
import { periodsOf, type Cadence, type DueRule } from "../app/areas/obligations/public";

// The demo story is written with literal dates as of one day, STORY_TODAY.
// These plain functions move those dates so the story reads the same on the
// day it is loaded: day-based dates by whole weeks, reporting periods by
// whole periods, and the dates written in its prose along with its records.

/** The day the demo story is written on: its literal dates read right as of this day. */
export const STORY_TODAY = "2026-11-22";

const isoDate = z.iso.date({ error: "The day to date the demo story to must be written YYYY-MM-DD" });

/**
 * How far the story moves to be read on `today`. Day-based dates move by a
 * whole number of weeks, the nearest to the real difference, so every
 * meeting keeps its weekday (a Thursday board stays on a Thursday, never on a
 * weekend); the story's own "today" then lands within three days of the real
 * one. `actualDays` is the real difference, which reporting periods use.
 */
export function storyShift(today: string, storyToday = STORY_TODAY) {
  const parsed = isoDate.safeParse(today);
  if (!parsed.success) throw new Error(`${parsed.error.issues[0].message}, not "${today}"`);
  const actualDays = daysBetween(storyToday, parsed.data);
  const weeks = Math.round(actualDays / 7) || 0; // never -0
  return { actualDays, weeks, days: weeks * 7 };
}

/** A meeting's date moved by `days` (whole weeks); one that lands on a bank holiday goes to the next working day. */
export function moveMeetingDate(date: string, days: number): string {
  const moved = addDays(date, days);
  return isWorkingDay(moved) ? moved : addWorkingDays(moved, 0);
}

/** An instant moved by whole days at the same London time of day (so 10:00 stays 10:00 across clock changes). */
export function moveInstant(instant: string, days: number): string {
  const at = new Date(instant);
  return londonTimeToInstant(addDays(londonDate(at), days), londonTime(at)).toISOString().replace(".000Z", "Z");
}

const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m: 1-12
const pad = (n: number) => String(n).padStart(2, "0");
const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const fromMonthIndex = (i: number) => `${Math.floor(i / 12)}-${pad((((i % 12) + 12) % 12) + 1)}`;

/**
 * Adds calendar months. The last day of a month stays the last day (31 March
 * + 3 months = 30 June, 30 September + 3 months = 31 December), as period
 * ends must; other days keep their number, clipped to the month's length.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const [ty, tm] = fromMonthIndex(y * 12 + m - 1 + months).split("-").map(Number);
  const day = d === lastDayOf(y, m) ? lastDayOf(ty, tm) : Math.min(d, lastDayOf(ty, tm));
  return `${ty}-${pad(tm)}-${pad(day)}`;
}

// ------------------------------------------------------------ reporting periods

export const MONTHS_PER_PERIOD: Record<Exclude<Cadence, "one_off">, number> = { monthly: 1, quarterly: 3, half_yearly: 6, annual: 12 };
const DAYS_PER_MONTH = 365.2425 / 12;

export type StoryObligation = { cadence: Cadence; dueRule: DueRule; startsOn: string; returns: readonly { periodKey: string; submittedOn: string }[] };

/** The due date of an obligation's period, by its key (the period's last day). */
export function dueOf(o: Pick<StoryObligation, "cadence" | "dueRule" | "startsOn">, periodKey: string): string {
  const period = periodsOf({ ...o, endsOn: null }, periodKey, periodKey).find((p) => p.key === periodKey);
  if (!period) throw new Error(`Demo story: ${periodKey} is not the end of one of this obligation's periods`);
  return period.due;
}

/**
 * A return's submission date in a moved period: the same number of days
 * before or after the period's due date as in the story. If that is not a
 * working day it moves to the working day before when the return was on
 * time, after when it was late, so on time stays on time and late stays late.
 */
export function moveSubmission(submittedOn: string, oldDue: string, newDue: string): string {
  const moved = addDays(newDue, daysBetween(oldDue, submittedOn));
  if (isWorkingDay(moved) || !isWorkingDay(submittedOn)) return moved;
  return moved <= newDue ? addWorkingDays(moved, -1) : addWorkingDays(moved, 0);
}

/** An obligation moved by whole periods: its start, and each return's period and submission date. */
export function moveObligationBy<O extends StoryObligation>(o: O, periods: number): O {
  if (o.cadence === "one_off") throw new Error("Demo story: a one-off obligation moves by days, not periods");
  const months = periods * MONTHS_PER_PERIOD[o.cadence];
  const moved = { ...o, startsOn: addMonths(o.startsOn, months) };
  return {
    ...moved,
    returns: o.returns.map((r) => {
      const periodKey = addMonths(r.periodKey, months);
      return { ...r, periodKey, submittedOn: moveSubmission(r.submittedOn, dueOf(o, r.periodKey), dueOf(moved, periodKey)) };
    }),
  };
}

/**
 * How many whole periods an obligation moves so that its reporting cycle
 * stands where it stood on the story's day: the periods due before the
 * story's today, and its returns, still before today; the next due date
 * still ahead. Among the shifts that keep that, the one nearest the real
 * difference. A cycle's returns can spread wider than one period (a return
 * sent late just before the story's today), so on some days none keeps it
 * all: then the nearest that keeps the due dates either side of today, the
 * late return not yet sent; failing that, the nearest.
 */
export function periodShift(o: StoryObligation, today: string, storyToday = STORY_TODAY): number {
  if (o.cadence === "one_off") return 0;
  const actualDays = daysBetween(storyToday, today);
  const length = MONTHS_PER_PERIOD[o.cadence] * DAYS_PER_MONTH;
  const nearest = Math.round(actualDays / length) || 0;
  const around = periodsOf({ ...o, endsOn: null }, addDays(storyToday, -800), addDays(storyToday, 800));
  const lastDue = around.filter((p) => p.due < storyToday).pop();
  const nextDue = around.find((p) => p.due >= storyToday);
  // 0: keeps the cycle and every return; 1: keeps the cycle, but a late return is not yet sent; 2: neither.
  const misfit = (k: number) => {
    const moved = moveObligationBy(o, k);
    const months = k * MONTHS_PER_PERIOD[o.cadence as keyof typeof MONTHS_PER_PERIOD];
    const due = (key: string) => dueOf(moved, addMonths(key, months));
    const cycle = (!lastDue || due(lastDue.key) < today) && (!nextDue || due(nextDue.key) >= today);
    return !cycle ? 2 : moved.returns.every((r) => r.submittedOn < today) ? 0 : 1;
  };
  const distance = (k: number) => Math.abs(k * length - actualDays);
  const candidates = [nearest - 1, nearest, nearest + 1].map((k) => ({ k, misfit: misfit(k) }));
  return candidates.sort((a, b) => a.misfit - b.misfit || distance(a.k) - distance(b.k))[0].k;
}

// ----------------------------------------------------------------------- prose

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const seasons = { winter: 1, spring: 4, summer: 7, autumn: 10 } as const; // each season's middle month
const seasonOf = (month: number) => (["winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer", "autumn", "autumn", "autumn", "winter"] as const)[month - 1];

export type ProseMoves = {
  days: number; // how far day-based dates moved
  quarters: number; // how many whole quarters the partnership's quarterly returns moved
  meetingDays: ReadonlyMap<string, string>; // a meeting's story date → its moved date
  meetingMonths: ReadonlyMap<string, string>; // a month with a meeting (YYYY-MM) → the moved meeting's month
};

const M = monthNames.join("|");
const prosePattern = new RegExp(
  [
    `\\b(\\d{1,2}) (${M}) (\\d{4})\\b`, // 1-3: 10 September 2026
    `\\b(\\d{1,2}) (${M})\\b`, // 4-5: 16 March
    `\\b(${M}) (\\d{4})\\b`, // 6-7: April 2027
    `\\b((?:19|20)\\d{2})-(\\d{2})\\b(?!-\\d)`, // 8-9: the financial year 2026-27
    `\\bquarter ([1-4])\\b`, // 10
    `\\bQ([1-4])\\b`, // 11
    `\\b(${M})\\b`, // 12: the March board
    `\\b((?:19|20)\\d{2})\\b`, // 13: in 2011
    `\\b(winter|spring|summer|autumn|Winter|Spring|Summer|Autumn)\\b`, // 14
  ].join("|"),
  "g",
);

/**
 * Rewrites the dates written in a record's prose so they move with the
 * record. `on` is the record's own date in the story: it settles the year of
 * a date written without one, and how many calendar months the record moved.
 * A full date moves as the records do (a meeting's date as that meeting
 * moved, so "the minutes of the meeting of 10 September 2026" name it); a
 * month with one of the partnership's meetings in it follows that meeting;
 * other months, years, financial years and seasons move by the record's
 * months; financial quarters ("quarter 3", "Q1") by the quarters the
 * partnership's returns moved.
 */
export function moveProse(text: string, on: string, moves: ProseMoves): string {
  const onMonth = on.slice(0, 7);
  const monthsMoved = monthIndex(addDays(on, moves.days)) - monthIndex(on);
  const moveDay = (date: string) => moves.meetingDays.get(date) ?? addDays(date, moves.days);
  const moveMonth = (ym: string) => moves.meetingMonths.get(ym) ?? fromMonthIndex(monthIndex(ym) + monthsMoved);
  const monthOf = (name: string) => monthNames.indexOf(name) + 1;
  const dayText = (date: string, withYear: boolean) => {
    const [y, m, d] = date.split("-").map(Number);
    return `${d} ${monthNames[m - 1]}${withYear ? ` ${y}` : ""}`;
  };
  // The year-month nearest the record's date for a month named without a year (the earlier one on a tie).
  const nearestMonth = (month: number) => {
    const y = Number(on.slice(0, 4));
    return [y - 1, y, y + 1]
      .map((year) => `${year}-${pad(month)}`)
      .sort((a, b) => Math.abs(monthIndex(a) - monthIndex(onMonth)) - Math.abs(monthIndex(b) - monthIndex(onMonth)) || monthIndex(a) - monthIndex(b))[0];
  };
  const validDay = (y: number, m: number, d: number) => d >= 1 && d <= lastDayOf(y, m);

  return text.replace(prosePattern, (match, ...g: (string | undefined)[]) => {
    if (g[0] !== undefined) {
      const [y, m, d] = [Number(g[2]), monthOf(g[1]!), Number(g[0])];
      return validDay(y, m, d) ? dayText(moveDay(`${y}-${pad(m)}-${pad(d)}`), true) : match;
    }
    if (g[3] !== undefined) {
      const [m, d] = [monthOf(g[4]!), Number(g[3])];
      const y0 = Number(on.slice(0, 4));
      const candidates = [y0 - 1, y0, y0 + 1].filter((y) => validDay(y, m, d)).map((y) => `${y}-${pad(m)}-${pad(d)}`);
      if (!candidates.length) return match;
      const date = candidates.sort((a, b) => Math.abs(daysBetween(on, a)) - Math.abs(daysBetween(on, b)))[0];
      return dayText(moveDay(date), false);
    }
    if (g[5] !== undefined) {
      const ym = moveMonth(`${g[6]}-${pad(monthOf(g[5]))}`);
      return `${monthNames[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
    }
    if (g[7] !== undefined) {
      const start = Number(g[7]);
      if (Number(g[8]) !== (start + 1) % 100) return match;
      // A financial year (April to March) moves with its middle month, October.
      const middle = fromMonthIndex(monthIndex(`${start}-10`) + monthsMoved);
      const s = Number(middle.slice(5, 7)) >= 4 ? Number(middle.slice(0, 4)) : Number(middle.slice(0, 4)) - 1;
      return `${s}-${pad((s + 1) % 100)}`;
    }
    if (g[9] !== undefined || g[10] !== undefined) {
      const q = ((((Number(g[9] ?? g[10]) - 1 + moves.quarters) % 4) + 4) % 4) + 1;
      return g[9] !== undefined ? `quarter ${q}` : `Q${q}`;
    }
    if (g[11] !== undefined) {
      const ym = moveMonth(nearestMonth(monthOf(g[11])));
      return monthNames[Number(ym.slice(5, 7)) - 1];
    }
    if (g[12] !== undefined) return fromMonthIndex(monthIndex(`${g[12]}-${onMonth.slice(5, 7)}`) + monthsMoved).slice(0, 4);
    const word = g[13]!;
    const season = seasonOf(Number(fromMonthIndex(monthIndex(`${on.slice(0, 4)}-${pad(seasons[word.toLowerCase() as keyof typeof seasons])}`) + monthsMoved).slice(5, 7)));
    return word[0] === word[0].toUpperCase() ? season[0].toUpperCase() + season.slice(1) : season;
  });
}
