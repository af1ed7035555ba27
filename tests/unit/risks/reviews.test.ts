import { describe, expect, it } from "vitest";
import {
  addMonths,
  describeReviewDue,
  describeReviewReminderStage,
  isReviewOverdue,
  isReviewOverdueByMoreThanOneCycle,
  lastDayWithinOneCycle,
  nextReviewDate,
  plannedReviewReminders,
  reviewReminderDates,
  reviewReminderStages,
  reviewState,
} from "../../../app/areas/risks/rules/reviews";
import { addDays } from "../../../app/platform/time/dates";
import type { ReviewFrequency } from "../../../app/areas/risks/rules/vocabulary";

describe("calendar months", () => {
  it("adds months, keeping inside the month it lands in", () => {
    expect(addMonths("2026-01-15", 1)).toBe("2026-02-15");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29"); // leap year
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-08-31", 1)).toBe("2026-09-30");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(addMonths("2026-12-31", 1)).toBe("2027-01-31");
    expect(addMonths("2026-10-31", 12)).toBe("2027-10-31");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2028-02-29", 48)).toBe("2032-02-29");
    expect(addMonths("2026-05-31", 0)).toBe("2026-05-31");
  });

  it("goes back too", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonths("2028-03-31", -1)).toBe("2028-02-29");
    expect(addMonths("2026-02-28", -12)).toBe("2025-02-28");
  });
});

describe("next review date", () => {
  it("is one cycle after the review", () => {
    expect(nextReviewDate("2026-01-31", "monthly")).toBe("2026-02-28");
    expect(nextReviewDate("2028-01-31", "monthly")).toBe("2028-02-29");
    expect(nextReviewDate("2025-11-30", "quarterly")).toBe("2026-02-28");
    expect(nextReviewDate("2027-11-30", "quarterly")).toBe("2028-02-29");
    expect(nextReviewDate("2026-08-31", "half_yearly")).toBe("2027-02-28");
    expect(nextReviewDate("2027-08-31", "half_yearly")).toBe("2028-02-29");
    expect(nextReviewDate("2028-02-29", "annually")).toBe("2029-02-28");
    expect(nextReviewDate("2026-04-01", "annually")).toBe("2027-04-01");
  });

  it("is overdue only after the day it is due", () => {
    expect(isReviewOverdue("2026-03-10", "2026-03-09")).toBe(false);
    expect(isReviewOverdue("2026-03-10", "2026-03-10")).toBe(false);
    expect(isReviewOverdue("2026-03-10", "2026-03-11")).toBe(true);
  });
});

describe("overdue by more than one cycle", () => {
  // [next review date, frequency, the last day still within one cycle]
  const cases: [string, ReviewFrequency, string][] = [
    ["2026-01-31", "monthly", "2026-02-28"], // month end, common year
    ["2028-01-31", "monthly", "2028-02-29"], // month end, leap year
    ["2026-02-28", "monthly", "2026-03-28"],
    ["2028-02-29", "monthly", "2028-03-29"],
    ["2026-12-15", "monthly", "2027-01-15"], // over the year end
    ["2025-11-30", "quarterly", "2026-02-28"],
    ["2027-11-30", "quarterly", "2028-02-29"],
    ["2026-03-31", "quarterly", "2026-06-30"],
    ["2026-08-31", "half_yearly", "2027-02-28"],
    ["2027-08-31", "half_yearly", "2028-02-29"],
    ["2028-02-29", "annually", "2029-02-28"],
    ["2027-02-28", "annually", "2028-02-28"],
    ["2026-07-01", "annually", "2027-07-01"],
  ];
  for (const [due, frequency, lastDay] of cases)
    it(`a ${frequency} review due ${due} is more than a cycle late from the day after ${lastDay}`, () => {
      expect(lastDayWithinOneCycle(due, frequency)).toBe(lastDay);
      expect(isReviewOverdueByMoreThanOneCycle(due, frequency, addDays(lastDay, -1))).toBe(false);
      expect(isReviewOverdueByMoreThanOneCycle(due, frequency, lastDay)).toBe(false);
      expect(isReviewOverdueByMoreThanOneCycle(due, frequency, addDays(lastDay, 1))).toBe(true);
    });

  it("is never so before the review is due", () => {
    expect(isReviewOverdueByMoreThanOneCycle("2026-05-01", "monthly", "2026-04-01")).toBe(false);
    expect(isReviewOverdueByMoreThanOneCycle("2026-05-01", "monthly", "2026-05-01")).toBe(false);
  });
});

describe("where a review stands", () => {
  it("is due soon a week ahead, due on the day, overdue after, and more than a cycle late after that", () => {
    expect(reviewState("2026-03-20", "monthly", "2026-03-12")).toBe("not_due");
    expect(reviewState("2026-03-20", "monthly", "2026-03-13")).toBe("due_soon"); // 7 days ahead
    expect(reviewState("2026-03-20", "monthly", "2026-03-19")).toBe("due_soon");
    expect(reviewState("2026-03-20", "monthly", "2026-03-20")).toBe("due_today");
    expect(reviewState("2026-03-20", "monthly", "2026-03-21")).toBe("overdue");
    expect(reviewState("2026-03-20", "monthly", "2026-04-20")).toBe("overdue");
    expect(reviewState("2026-03-20", "monthly", "2026-04-21")).toBe("overdue_more_than_a_cycle");
    expect(reviewState("2026-03-20", "quarterly", "2026-04-21")).toBe("overdue");
  });

  it("says so in words", () => {
    expect(describeReviewDue("2026-03-20", "monthly", "2026-03-01")).toBe("Review due on 20 March 2026");
    expect(describeReviewDue("2026-03-20", "monthly", "2026-03-20")).toBe("Review due today");
    expect(describeReviewDue("2026-03-20", "monthly", "2026-03-25")).toBe("Review was due on 20 March 2026");
    expect(describeReviewDue("2026-01-31", "monthly", "2026-03-01")).toBe("Review was due on 31 January 2026: more than a month overdue");
    expect(describeReviewDue("2025-06-30", "annually", "2026-07-01")).toBe("Review was due on 30 June 2025: more than a year overdue");
  });
});

describe("review reminders", () => {
  it("go to the owner a week before and on the day, and to the chair once overdue", () => {
    expect(reviewReminderStages.map((s) => [s.key, s.recipient])).toEqual([
      ["review_due_in_7_days", "owner"],
      ["review_due_today", "owner"],
      ["review_overdue", "chair"],
    ]);
    expect(reviewReminderStages.map(describeReviewReminderStage)).toEqual([
      "7 days before the review date, to the risk's owner",
      "On the review date, to the risk's owner",
      "1 working day after the review date, to the chair",
    ]);
  });

  it("fall on working days: the week before and the day move back or forward, the chair's is the next working day", () => {
    // Wednesday 18 March 2026: a week before is Wednesday 11th; overdue Thursday 19th.
    expect(reviewReminderDates("2026-03-18").map((r) => r.sendOn)).toEqual(["2026-03-11", "2026-03-18", "2026-03-19"]);
    // Friday 2 April 2027: a week before is Good Friday, so back to Thursday 25 March; overdue on Monday 5th.
    expect(reviewReminderDates("2027-04-02").map((r) => r.sendOn)).toEqual(["2027-03-25", "2027-04-02", "2027-04-05"]);
    // Due on Good Friday 3 April 2026: the owner's week-before goes Friday 27 March; on the day moves forward to
    // Tuesday 7th (after Easter Monday); the chair hears the first working day after the date, also Tuesday 7th.
    expect(reviewReminderDates("2026-04-03").map((r) => r.sendOn)).toEqual(["2026-03-27", "2026-04-07", "2026-04-07"]);
    // Due on a Saturday: the week before (a Saturday) moves back to Friday.
    expect(reviewReminderDates("2026-03-21").map((r) => r.sendOn)).toEqual(["2026-03-13", "2026-03-23", "2026-03-23"]);
  });

  it("are planned for open and escalated risks whose day has come, keyed by the review date", () => {
    const risks = [
      { id: "r1", status: "open" as const, nextReviewDate: "2026-03-25" }, // a week ahead of Wednesday 18th
      { id: "r2", status: "escalated" as const, nextReviewDate: "2026-03-18" }, // due today
      { id: "r3", status: "open" as const, nextReviewDate: "2026-03-17" }, // overdue since yesterday
      { id: "r4", status: "closed" as const, nextReviewDate: "2026-03-18" },
      { id: "r5", status: "transferred" as const, nextReviewDate: "2026-03-18" },
      { id: "r6", status: "open" as const, nextReviewDate: "2026-05-01" },
    ];
    const planned = plannedReviewReminders({ risks, now: new Date("2026-03-18T08:00:00Z") });
    expect(planned.map((p) => [p.riskId, p.stage.key, p.sendOn, p.periodKey])).toEqual([
      ["r1", "review_due_in_7_days", "2026-03-18", "2026-03-25"],
      ["r2", "review_due_today", "2026-03-18", "2026-03-18"], // its week-before (11th) is past catching up
      ["r3", "review_due_today", "2026-03-17", "2026-03-17"], // caught up from yesterday
      ["r3", "review_overdue", "2026-03-18", "2026-03-17"],
    ]);
    // Before 07:00 London time nothing for today has gone yet.
    expect(plannedReviewReminders({ risks, now: new Date("2026-03-18T06:00:00Z") }).map((p) => [p.riskId, p.stage.key])).toEqual([["r3", "review_due_today"]]);
  });
});
