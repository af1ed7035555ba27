import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../../../app/platform/time/dates";
import { isWorkingDay } from "../../../app/platform/time/working-days";
import { onTime } from "../../../app/areas/obligations/rules/obligations";
import { demoData } from "../../../seeds/demo-data";
import { cipObligations, nelcpObligations } from "../../../seeds/demo-obligations";
import { moveStory } from "../../../seeds/move-story";
import { addMonths, dueOf, moveInstant, moveMeetingDate, moveObligationBy, moveProse, moveSubmission, periodShift, STORY_TODAY, storyShift, type ProseMoves } from "../../../seeds/story-dates";

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

describe("how far the story moves", () => {
  it("moves by the whole number of weeks nearest the real difference", () => {
    expect(storyShift(STORY_TODAY)).toEqual({ actualDays: 0, weeks: 0, days: 0 });
    expect(storyShift("2026-11-25")).toEqual({ actualDays: 3, weeks: 0, days: 0 });
    expect(storyShift("2026-11-26")).toEqual({ actualDays: 4, weeks: 1, days: 7 });
    expect(storyShift("2027-06-15")).toEqual({ actualDays: 205, weeks: 29, days: 203 });
    expect(storyShift("2026-11-18")).toEqual({ actualDays: -4, weeks: -1, days: -7 });
    expect(Object.is(storyShift("2026-11-19").days, 0)).toBe(true); // not -0
  });

  it("keeps every weekday, so meetings never land on a weekend", () => {
    for (const today of ["2026-12-04", "2027-06-15", "2028-02-29", "2029-09-09", "2025-01-01"]) {
      const { days } = storyShift(today);
      for (const date of ["2026-01-15", "2026-06-03", "2026-11-12"]) expect(weekday(addDays(date, days))).toBe(weekday(date));
    }
  });

  it("refuses a day not written as a date", () => {
    expect(() => storyShift("22/11/2026")).toThrow('The day to date the demo story to must be written YYYY-MM-DD, not "22/11/2026"');
    expect(() => storyShift("2027-02-29")).toThrow(/YYYY-MM-DD/);
  });
});

describe("moving a meeting", () => {
  it("moves it by whole weeks, to the next working day if that is a bank holiday", () => {
    expect(moveMeetingDate("2026-11-12", 0)).toBe("2026-11-12");
    expect(moveMeetingDate("2026-11-12", 14)).toBe("2026-11-26");
    // A Thursday board landing on Boxing Day 2030 meets on the Friday.
    expect(moveMeetingDate("2026-01-15", daysBetween("2026-01-15", "2030-12-26"))).toBe("2030-12-27");
    // A Friday landing on Good Friday 2027 waits until after Easter Monday.
    expect(moveMeetingDate("2026-11-20", daysBetween("2026-11-20", "2027-03-26"))).toBe("2027-03-30");
    // A Wednesday landing on Christmas Day 2030 skips Boxing Day too.
    expect(moveMeetingDate("2026-06-03", daysBetween("2026-06-03", "2030-12-25"))).toBe("2030-12-27");
  });

  it("moves an instant by days at the same London time, across the clock change", () => {
    expect(moveInstant("2025-03-20T15:30:00Z", 0)).toBe("2025-03-20T15:30:00Z");
    expect(moveInstant("2025-03-20T15:30:00Z", 203)).toBe("2025-10-09T14:30:00Z"); // 15:30 in London, now on summer time
    expect(moveInstant("2018-12-10T11:00:00Z", 7)).toBe("2018-12-17T11:00:00Z");
  });
});

describe("adding months", () => {
  it("keeps the last day of a month the last day, as period ends need", () => {
    expect(addMonths("2026-03-31", 3)).toBe("2026-06-30");
    expect(addMonths("2026-06-30", 3)).toBe("2026-09-30");
    expect(addMonths("2026-09-30", 3)).toBe("2026-12-31");
    expect(addMonths("2026-12-31", 3)).toBe("2027-03-31");
    expect(addMonths("2026-12-31", 2)).toBe("2027-02-28");
    expect(addMonths("2027-02-28", 12)).toBe("2028-02-29");
    expect(addMonths("2028-02-29", -12)).toBe("2027-02-28");
    expect(addMonths("2026-03-31", -15)).toBe("2024-12-31");
  });

  it("keeps other days, clipped to a shorter month", () => {
    expect(addMonths("2026-04-01", 6)).toBe("2026-10-01");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonths("2026-01-30", 1)).toBe("2026-02-28");
  });
});

describe("moving reporting periods and returns", () => {
  const qpr = nelcpObligations[0];
  const annual = cipObligations[0];

  it("moves a return by keeping its distance from the due date, on a working day, on time staying on time", () => {
    expect(moveSubmission("2026-01-20", "2026-01-29", "2027-01-29")).toBe("2027-01-20");
    // Nine days early lands on a Sunday: the Friday before, still early.
    expect(moveSubmission("2026-01-20", "2026-01-29", "2026-07-28")).toBe("2026-07-17");
    // Seven days late lands on a Saturday: the Monday after, still late.
    expect(moveSubmission("2026-11-04", "2026-10-28", "2027-01-23")).toBe("2027-02-01");
    // On the due date, when the moved due date is a Saturday (a due date counted in calendar days): the Friday.
    expect(moveSubmission("2026-10-30", "2026-10-30", "2027-01-30")).toBe("2027-01-29");
  });

  it("moves periods by whole quarters, ends staying month ends, and keeps every return on time or late as it was", () => {
    const moved = moveObligationBy(qpr, 2);
    expect(moved.startsOn).toBe("2026-04-01");
    expect([...new Set(moved.returns.map((r) => r.periodKey))].sort()).toEqual(["2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31"]);
    qpr.returns.forEach((r, i) => {
      const m = moved.returns[i];
      expect(onTime(dueOf(moved, m.periodKey), m.submittedOn), `${r.orgKey} ${r.periodKey}`).toBe(onTime(dueOf(qpr, r.periodKey), r.submittedOn));
      expect(isWorkingDay(m.submittedOn)).toBe(true);
    });
    expect(moveObligationBy(qpr, -1).returns.find((r) => r.orgKey === "havering")!.periodKey).toBe("2025-09-30");
  });

  it("moves by the nearest whole number of periods that keeps the reporting cycle where it stood on the story's day", () => {
    expect(periodShift(qpr, STORY_TODAY)).toBe(0);
    expect(periodShift(qpr, "2027-06-15")).toBe(2);
    expect(periodShift(qpr, "2028-02-29")).toBe(5);
    // 50 days on, a quarter is nearest, but would put the last quarter's due date after today: it stays.
    expect(periodShift(qpr, "2027-01-11")).toBe(0);
    // Annual reports move by whole years: seven months on, the last report is still the one due in June 2026.
    expect(periodShift(annual, "2027-06-15")).toBe(0);
    expect(periodShift(annual, "2028-02-29")).toBe(1);
    expect(moveObligationBy(annual, 1).returns.map((r) => r.periodKey)).toEqual(["2026-03-31", "2027-03-31"]);
  });
});

describe("moving the dates written in prose", () => {
  const none: ProseMoves = { days: 0, quarters: 0, meetingDays: new Map(), meetingMonths: new Map() };
  const moves: ProseMoves = {
    days: 203,
    quarters: 2,
    meetingDays: new Map([["2026-09-10", "2027-04-01"]]),
    meetingMonths: new Map([["2026-03", "2026-10"], ["2027-01", "2027-08"]]),
  };

  it("moves a full date as the records moved: a meeting's as that meeting did", () => {
    expect(moveProse("Ratified at the quorate board meeting of 10 September 2026.", "2026-07-09", moves)).toBe("Ratified at the quorate board meeting of 1 April 2027.");
    expect(moveProse("extended by two years from 1 October 2026", "2026-05-14", moves)).toBe("extended by two years from 22 April 2027");
  });

  it("takes the year of a date written without one from the record's own date", () => {
    expect(moveProse("Letters sent 16 March; standstill ended.", "2026-03-20", moves)).toBe("Letters sent 5 October; standstill ended.");
    expect(moveProse("Oliver Grant's term ended on 31 March.", "2026-05-14", moves)).toBe("Oliver Grant's term ended on 20 October.");
  });

  it("names the month a meeting moved to, and moves other months with the record", () => {
    expect(moveProse("Bring options to the March board", "2026-01-15", moves)).toBe("Bring options to the October board");
    expect(moveProse("It will decide in January.", "2026-11-12", moves)).toBe("It will decide in August.");
    expect(moveProse("The training places are booked for October.", "2025-08-31", moves)).toBe("The training places are booked for May.");
    expect(moveProse("signed in December 2018", "2018-12-10", moves)).toBe("signed in July 2019");
  });

  it("moves financial years, quarters, years and seasons", () => {
    expect(moveProse("Co-investment for 2026-27", "2026-06-03", moves)).toBe("Co-investment for 2027-28");
    expect(moveProse("Sufficiency report, quarter 3; the return for Q1", "2026-01-15", moves)).toBe("Sufficiency report, quarter 1; the return for Q3");
    expect(moveProse("quarter 2", "2026-01-15", { ...none, quarters: -3 })).toBe("quarter 3");
    expect(moveProse("a tender in 2011", "2011-04-01", moves)).toBe("a tender in 2011");
    expect(moveProse("a tender in 2011", "2011-04-01", { ...none, days: 280 })).toBe("a tender in 2012");
    expect(moveProse("Contract review (summer)", "2026-06-03", moves)).toBe("Contract review (winter)");
    expect(moveProse("Winter contract review", "2026-12-09", moves)).toBe("Summer contract review");
  });

  it("leaves other words and numbers alone, and everything on the story's own day", () => {
    const text = "A borough may withdraw on six months' notice; 31 of the 35 beds; up to 7%; £200,000.";
    expect(moveProse(text, "2026-05-14", moves)).toBe(text);
    const dated = "The minutes of 15 January 2026, the March board, quarter 3, 2026-27, in 2011, the summer review, 16 March.";
    expect(moveProse(dated, "2026-03-12", none)).toBe(dated);
  });
});

describe("moving the whole demo story", () => {
  it("changes nothing on the story's own day", () => {
    expect(moveStory(demoData, STORY_TODAY)).toEqual(demoData);
  });

  it("keeps meetings on working days at their times, and sends no return on or after today", () => {
    for (const today of ["2026-12-04", "2027-01-11", "2027-06-15", "2028-02-29", "2030-08-30", "2022-01-10"]) {
      const story = moveStory(demoData, today);
      for (const p of story.partnerships) {
        for (const m of p.meetings?.list ?? []) {
          expect(isWorkingDay(m.date), `${p.slug} ${m.key} on ${m.date}`).toBe(true);
          expect(m.start).toBe(demoData.partnerships.find((x) => x.slug === p.slug)!.meetings!.list.find((x) => x.key === m.key)!.start);
        }
        for (const o of p.obligations?.list ?? []) for (const r of o.returns) expect(r.submittedOn < today, `${r.orgKey} ${r.periodKey} on ${r.submittedOn}`).toBe(true);
      }
    }
  });

  it("refuses to date the story where the bank holidays are not known, saying what to do", () => {
    expect(() => moveStory(demoData, "2031-01-01")).toThrow(/cover 2020 to 2030 only\. Add the bank holidays of the years it needs, or set APP_TODAY \(outside production\) to a day from \d{4}-\d{2}-\d{2} to 2030-08-30/);
    expect(() => moveStory(demoData, "2021-01-01")).toThrow(/would run from 2019-/);
    expect(() => moveStory(demoData, "2030-08-30")).not.toThrow();
  });
});
