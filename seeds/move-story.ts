import { addDays, daysBetween } from "../app/platform/time/dates";
import { bankHolidayDataCovers, englandAndWalesBankHolidays } from "../app/platform/time/bank-holidays";
import { dueOf, moveInstant, moveMeetingDate, moveObligationBy, moveProse, moveSubmission, periodShift, STORY_TODAY, storyShift, type ProseMoves } from "./story-dates";
import type { SeedMeeting } from "./seed-meetings";
import type { SeedObligation } from "./seed-obligations";
import type { SeedData, SeedPartnership, SeedTerms } from "./types";

// The demo story, written as of STORY_TODAY, moved in one place so its
// "today" is the day it is loaded (see story-dates.ts for how each kind of
// date moves). On the story's own day nothing changes.

/** Days after today the seed looks ahead for reporting periods and their reminders (as seed-obligations does). */
const LOOK_AHEAD_DAYS = 120;
const holidayYears = [englandAndWalesBankHolidays[0].date.slice(0, 4), englandAndWalesBankHolidays[englandAndWalesBankHolidays.length - 1].date.slice(0, 4)];

export function moveStory(data: SeedData, today: string, storyToday = STORY_TODAY): SeedData {
  const shift = storyShift(today, storyToday);
  const moved: SeedData = { ...data, partnerships: data.partnerships.map((p) => movePartnership(p, shift, today, storyToday)) };
  requireBankHolidays(data, moved, today, storyToday);
  return moved;
}

function movePartnership(p: SeedPartnership, shift: ReturnType<typeof storyShift>, today: string, storyToday: string): SeedPartnership {
  const day = (d: string) => addDays(d, shift.days);
  const dayOrNull = (d: string | null) => (d === null ? null : day(d));
  const meetingDays = new Map((p.meetings?.list ?? []).map((m) => [m.date, moveMeetingDate(m.date, shift.days)]));
  const meetingMonths = new Map<string, string>();
  for (const [from, to] of meetingDays) if (!meetingMonths.has(from.slice(0, 7))) meetingMonths.set(from.slice(0, 7), to.slice(0, 7));
  const periods = new Map((p.obligations?.list ?? []).map((o) => [o, periodShift(o, today, storyToday)]));
  const quarterly = [...periods].find(([o]) => o.cadence === "quarterly");
  const moves: ProseMoves = {
    days: shift.days,
    quarters: quarterly ? quarterly[1] : Math.round(shift.actualDays / (365.2425 / 4)) || 0,
    meetingDays,
    meetingMonths,
  };
  const say = (text: string, on: string) => moveProse(text, on, moves);
  const sayOpt = (text: string | undefined, on: string) => (text === undefined ? undefined : say(text, on));
  const sayOrNull = (text: string | null, on: string) => (text === null ? null : say(text, on));

  const moveMeeting = (m: SeedMeeting): SeedMeeting => ({
    ...m,
    title: say(m.title, m.date),
    date: meetingDays.get(m.date)!,
    items: m.items.map((i) => ({
      ...i,
      title: say(i.title, m.date),
      notes: sayOpt(i.notes, m.date),
      declarations: i.declarations?.map((d) => ({ ...d, interest: say(d.interest, m.date) })),
      decisions: i.decisions?.map((d) => ({
        ...d,
        title: say(d.title, m.date),
        text: say(d.text, m.date),
        rationale: sayOpt(d.rationale, m.date),
        optionsConsidered: sayOpt(d.optionsConsidered, m.date),
        delegatedAuthority: sayOpt(d.delegatedAuthority, m.date),
        financialNote: sayOpt(d.financialNote, m.date),
        ratifications: d.ratifications?.map((r) => ({ ...r, on: day(r.on) })),
        laterStatus: d.laterStatus && { ...d.laterStatus, reason: say(d.laterStatus.reason, m.date) },
      })),
      actions: i.actions?.map((a) => ({ ...a, title: say(a.title, m.date), dueDate: day(a.dueDate), done: sayOpt(a.done, a.dueDate) })),
    })),
  });

  const moveObligation = (o: SeedObligation): SeedObligation => {
    const on = o.startsOn;
    const words = { ...o, title: say(o.title, on), instructions: say(o.instructions, on) };
    let moved: SeedObligation;
    if (o.cadence === "one_off") {
      // A one-off return has no cycle to keep: its dates move by days like the rest of the story.
      const dueRule = o.dueRule.kind === "on_date" ? { ...o.dueRule, date: day(o.dueRule.date) } : o.dueRule;
      const startsOn = day(o.startsOn);
      moved = {
        ...words,
        startsOn,
        dueRule,
        returns: o.returns.map((r) => {
          const periodKey = day(r.periodKey);
          return { ...r, periodKey, submittedOn: moveSubmission(r.submittedOn, dueOf(o, r.periodKey), dueOf({ ...o, startsOn, dueRule }, periodKey)) };
        }),
      };
    } else moved = moveObligationBy(words, periods.get(o)!);
    return {
      ...moved,
      // A return the moved story would have sent on or after today has not been sent yet.
      returns: moved.returns
        .filter((r) => r.submittedOn < today)
        .map((r) => ({ ...r, comment: sayOpt(r.comment, r.submittedOn), reason: sayOpt(r.reason, r.submittedOn) })),
    };
  };

  return {
    ...p,
    startDate: day(p.startDate),
    leadAgreement: say(p.leadAgreement, p.startDate),
    keyDates: p.keyDates.map((k) => ({ ...k, onDate: day(k.onDate), description: say(k.description, k.onDate) })),
    partners: p.partners.map((x) => ({ ...x, joinedOn: day(x.joinedOn) })),
    board: p.board.map((s) => ({
      ...s,
      termStart: day(s.termStart),
      termEnd: dayOrNull(s.termEnd),
      endReason: sayOpt(s.endReason, s.termEnd ?? s.termStart),
      handoverNote: sayOpt(s.handoverNote, s.termEnd ?? s.termStart),
    })),
    terms: p.terms.map((t) => {
      const on = t.approvedAt?.slice(0, 10) ?? t.effectiveFrom ?? storyToday;
      return {
        ...t,
        effectiveFrom: dayOrNull(t.effectiveFrom),
        approvedAt: t.approvedAt === null ? null : moveInstant(t.approvedAt, shift.days),
        approvalNote: sayOrNull(t.approvalNote, on),
        changeSummary: sayOrNull(t.changeSummary, on),
        reviewDate: dayOrNull(t.reviewDate),
        sections: Object.fromEntries(Object.entries(t.sections).map(([k, v]) => [k, v === undefined ? v : say(v, on)])) as SeedTerms["sections"],
      };
    }),
    declarations: p.declarations.map((d) => ({ ...d, declaredOn: day(d.declaredOn), endedOn: dayOrNull(d.endedOn), description: say(d.description, d.declaredOn) })),
    meetings: p.meetings && { ...p.meetings, list: p.meetings.list.map(moveMeeting) },
    obligations: p.obligations && { ...p.obligations, list: p.obligations.list.map(moveObligation) },
  };
}

/** Meetings and returns: the parts of the story judged on working days. */
function workingDayDates(data: SeedData) {
  return data.partnerships.flatMap((p) => [...(p.meetings?.list ?? []).map((m) => m.date), ...(p.obligations?.list ?? []).flatMap((o) => o.returns.map((r) => r.submittedOn))]);
}

/**
 * Refuses a story that would need bank holidays the data does not hold:
 * meetings would not be moved off them, and due dates, on-time judgements
 * and reminders would count them as working days. Failing says what to do;
 * clamping would quietly seed a story whose "today" is not the day it is
 * loaded, which is the thing this moving is for.
 */
function requireBankHolidays(story: SeedData, moved: SeedData, today: string, storyToday: string) {
  const dates = workingDayDates(moved).sort();
  const from = dates[0] ?? today;
  const to = [dates[dates.length - 1] ?? today, addDays(today, LOOK_AHEAD_DAYS)].sort()[1];
  if (bankHolidayDataCovers(from) && bankHolidayDataCovers(to)) return;
  const storyDates = workingDayDates(story).sort();
  const first = `${holidayYears[0]}-01-01`;
  const last = `${holidayYears[1]}-12-31`;
  // Days the story can safely be loaded on: margins for rounding to whole weeks, and half a year
  // for annual returns, which move by whole years.
  const earliest = addDays(storyToday, daysBetween(storyDates[0] ?? storyToday, first) + 183);
  const latest = [addDays(last, -LOOK_AHEAD_DAYS), addDays(storyToday, daysBetween(storyDates[storyDates.length - 1] ?? storyToday, last))].sort()[0];
  throw new Error(
    `The demo story, dated to ${today}, would run from ${from} to ${to}, but the bank holidays in app/platform/time/bank-holidays.ts cover ${holidayYears[0]} to ${holidayYears[1]} only. ` +
      `Add the bank holidays of the years it needs, or set APP_TODAY (outside production) to a day from ${earliest} to ${addDays(latest, -3)}.`,
  );
}

