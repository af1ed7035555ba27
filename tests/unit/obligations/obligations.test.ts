import { describe, expect, it } from "vitest";
import { defaultReminderSchedule, describeDueRule, describeStage, dueDateFor, onTime, periodsOf, periodStatus, reminderDate, reminderScheduleSchema } from "../../../app/areas/obligations/rules/obligations";
import { CATCH_UP_DAYS, isReminderDue, reminderKey } from "../../../app/areas/notifications/rules";
import { chasedFor, plannedObligationReminders } from "../../../app/areas/obligations/rules/reminders";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "../../../app/platform/time/working-days";
import { addDays } from "../../../app/platform/time/dates";

describe("working days in England and Wales", () => {
  it("skips weekends and bank holidays, including the moved ones", () => {
    expect(isWorkingDay("2026-04-03")).toBe(false); // Good Friday
    expect(isWorkingDay("2026-04-06")).toBe(false); // Easter Monday
    expect(isWorkingDay("2026-12-28")).toBe(false); // Boxing Day, moved from Saturday
    expect(isWorkingDay("2026-12-24")).toBe(true);
    expect(isWorkingDay("2026-11-21")).toBe(false); // Saturday
    expect(isWorkingDay("2023-05-08")).toBe(false); // the coronation
  });

  it("counts forwards and backwards over them", () => {
    expect(addWorkingDays("2026-03-31", 20)).toBe("2026-04-30");
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-29");
    expect(addWorkingDays("2026-12-29", -1)).toBe("2026-12-24");
    expect(addWorkingDays("2027-03-29", 0)).toBe("2027-03-30"); // Easter Monday rolls to Tuesday
    expect(addWorkingDays("2027-03-30", 0)).toBe("2027-03-30");
  });

  it("counts how many working days late something is", () => {
    expect(workingDaysBetween("2027-03-29", "2027-04-01")).toBe(3); // Easter Monday due: 30, 31 March, 1 April
    expect(workingDaysBetween("2026-12-24", "2026-12-29")).toBe(1); // Christmas and the moved Boxing Day skipped
    expect(workingDaysBetween("2026-11-23", "2026-11-23")).toBe(0);
    expect(workingDaysBetween("2026-11-23", "2026-11-20")).toBe(0);
  });
});

describe("periods and due dates", () => {
  const quarterly = { cadence: "quarterly" as const, dueRule: { kind: "working_days_after_period_end" as const, days: 20 }, startsOn: "2025-10-01", endsOn: null };

  it("gives a window of a decades-old obligation exactly the periods counted from its start would, for every cadence and window edge", () => {
    for (const cadence of ["monthly", "quarterly", "half_yearly", "annual"] as const)
      for (const startsOn of ["1994-05-17", "2001-01-01", "2003-03-31", "2009-12-31"]) {
        const o = { cadence, dueRule: { kind: "days_after_period_end" as const, days: 30 }, startsOn, endsOn: null };
        const all = periodsOf(o, "1900-01-01", "2027-12-31");
        for (const from of ["2024-03-31", "2024-04-01", "2024-12-31", "2025-01-01", "2025-06-15", "2026-02-28"]) {
          const to = addDays(from, 400);
          expect(periodsOf(o, from, to), `${cadence} from ${startsOn}, window ${from}`).toEqual(all.filter((p) => p.end >= from && p.start <= to));
        }
      }
  });

  it("makes financial-year quarters from the start date, each due 20 working days after it ends", () => {
    expect(periodsOf(quarterly, "2025-01-01", "2026-12-31").map((p) => [p.key, p.label, p.due])).toEqual([
      ["2025-12-31", "October to December 2025", "2026-01-29"],
      ["2026-03-31", "January to March 2026", "2026-04-30"],
      ["2026-06-30", "April to June 2026", "2026-07-28"],
      ["2026-09-30", "July to September 2026", "2026-10-28"],
      ["2026-12-31", "October to December 2026", "2027-01-29"],
    ]);
  });

  it("starts a half-year or a year at the one the start date falls in, and stops at the end date", () => {
    const half = { cadence: "half_yearly" as const, dueRule: { kind: "days_after_period_end" as const, days: 30 }, startsOn: "2026-02-10", endsOn: "2026-12-31" };
    expect(periodsOf(half, "2025-01-01", "2028-01-01").map((p) => [p.start, p.end, p.due])).toEqual([
      ["2025-10-01", "2026-03-31", "2026-04-30"],
      ["2026-04-01", "2026-09-30", "2026-10-30"],
      ["2026-10-01", "2027-03-31", "2027-04-30"],
    ]);
    const annual = { cadence: "annual" as const, dueRule: { kind: "working_days_after_period_end" as const, days: 60 }, startsOn: "2024-02-01", endsOn: null };
    expect(periodsOf(annual, "2024-01-01", "2025-12-31").map((p) => p.label)).toEqual(["2023-24", "2024-25", "2025-26"]);
    const monthly = { cadence: "monthly" as const, dueRule: { kind: "days_after_period_end" as const, days: 0 }, startsOn: "2026-11-15", endsOn: null };
    expect(periodsOf(monthly, "2026-11-01", "2027-01-31").map((p) => [p.label, p.due])).toEqual([
      ["November 2026", "2026-11-30"],
      ["December 2026", "2026-12-31"],
      ["January 2027", "2027-01-31"],
    ]);
  });

  it("has one period for a one-off, named by its month", () => {
    const once = { cadence: "one_off" as const, dueRule: { kind: "on_date" as const, date: "2027-03-29" }, startsOn: "2026-11-01", endsOn: null };
    expect(periodsOf(once, "2027-01-01", "2027-12-31")).toEqual([{ key: "2027-03-29", start: "2026-11-01", end: "2027-03-29", due: "2027-03-29", label: "March 2027" }]);
    expect(periodsOf(once, "2027-04-01", "2027-12-31")).toEqual([]);
    expect(dueDateFor({ kind: "days_after_period_end", days: 10 }, "2026-12-31")).toBe("2027-01-10");
    expect(describeDueRule({ kind: "working_days_after_period_end", days: 1 })).toBe("Due 1 working day after the end of each period");
    expect(describeDueRule({ kind: "days_after_period_end", days: 0 })).toBe("Due on the last day of the period");
  });

  it("says where a partner stands on a period, and whether it was on time", () => {
    expect(periodStatus("2026-12-10", null, "2026-11-25")).toBe("not_due");
    expect(periodStatus("2026-12-09", null, "2026-11-25")).toBe("due_soon"); // exactly 14 days ahead
    expect(periodStatus("2026-11-25", null, "2026-11-25")).toBe("due_soon"); // due today is not yet overdue
    expect(periodStatus("2026-11-24", null, "2026-11-25")).toBe("overdue");
    expect(periodStatus("2026-11-24", { status: "returned" }, "2026-11-25")).toBe("returned");
    expect(onTime("2026-10-28", "2026-10-28")).toBe(true);
    expect(onTime("2026-10-28", "2026-10-29")).toBe(false);
    expect(onTime("2026-10-28", null)).toBe(false);
  });
});

describe("reminder days", () => {
  it("moves reminders before the due date back off non-working days, and the rest forward", () => {
    expect(reminderDate("2027-03-29", { offset: -3, unit: "days" })).toBe("2027-03-25"); // Good Friday → Thursday
    expect(reminderDate("2027-03-29", { offset: 0, unit: "days" })).toBe("2027-03-30"); // Easter Monday → Tuesday
    expect(reminderDate("2027-03-29", { offset: 3, unit: "working_days" })).toBe("2027-04-01");
    expect(reminderDate("2026-12-05", { offset: -14, unit: "days" })).toBe("2026-11-20"); // a Saturday → Friday
    expect(describeStage(defaultReminderSchedule[3])).toBe("3 working days after the due date, escalated to the chair");
    expect(reminderScheduleSchema.safeParse([]).success).toBe(false);
  });

  it("goes out from 07:00 London time on its day, catching up for three days at most", () => {
    expect(isReminderDue("2026-11-23", new Date("2026-11-23T06:59:59Z"))).toBe(false);
    expect(isReminderDue("2026-11-23", new Date("2026-11-23T07:00:00Z"))).toBe(true); // GMT
    expect(isReminderDue("2026-07-01", new Date("2026-07-01T06:00:00Z"))).toBe(true); // BST: 07:00 is 06:00 UTC
    expect(isReminderDue("2026-07-01", new Date("2026-07-01T05:59:00Z"))).toBe(false);
    expect(isReminderDue("2026-11-20", new Date("2026-11-23T05:00:00Z"))).toBe(true);
    expect(isReminderDue("2026-11-19", new Date("2026-11-23T05:00:00Z"))).toBe(false);
    expect(CATCH_UP_DAYS).toBe(3);
    expect(isReminderDue("2026-11-24", new Date("2026-11-23T23:00:00Z"))).toBe(false);
  });

  it("plans one reminder per partner and stage, skipping partners who have submitted", () => {
    const obligation = {
      id: "o1",
      cadence: "one_off" as const,
      dueRule: { kind: "on_date" as const, date: "2026-12-10" },
      startsOn: "2026-11-01",
      endsOn: null,
      organisationIds: ["a", "b", "c"],
    };
    const planned = plannedObligationReminders({
      obligations: [obligation],
      schedule: defaultReminderSchedule,
      submissions: new Map([
        ["o1|b|2026-12-10", "accepted" as const],
        ["o1|c|2026-12-10", "returned" as const],
      ]),
      now: new Date("2026-11-26T08:00:00Z"),
    });
    expect(planned.map((p) => [p.organisationId, p.stage.key, p.sendOn])).toEqual([
      ["a", "due_in_14_days", "2026-11-26"],
      ["c", "due_in_14_days", "2026-11-26"],
    ]);
    expect(reminderKey({ kind: "obligation", subjectId: "o1:a", periodKey: "2026-12-10", stage: "due_in_14_days", recipientId: "u1" })).toBe(
      "obligation|o1:a|2026-12-10|due_in_14_days|u1",
    );
  });
});

describe("who is chased for a partner's return", () => {
  const seat = (userId: string, organisationId: string, boardRole: string, termEnd: string | null = null) => ({ userId, organisationId, boardRole, termStart: "2025-01-01", termEnd });
  const people = {
    responsibles: [{ obligationId: "o1", organisationId: "hackney", userId: "named" }],
    roles: [
      { role: "partner_rep", organisationId: "hackney", userId: "rep" },
      { role: "partner_rep", organisationId: "newham", userId: "newham-rep" },
      { role: "secretariat", organisationId: "havering", userId: "secretariat" },
    ],
    seats: [
      seat("member", "hackney", "member"),
      seat("newham-member", "newham", "member"),
      seat("newham-rep", "newham", "vice_chair"),
      seat("adviser", "city", "adviser"),
      seat("former", "city", "member", "2026-03-31"),
    ],
  };

  it("is the people named as responsible for it at that partner, and only them", () => {
    expect(chasedFor(people, "o1", "hackney", "2026-11-22")).toEqual({ userIds: ["named"], named: true });
  });

  it("falls back to the partner's representatives and current board members, each once, for another obligation", () => {
    expect(chasedFor(people, "o2", "hackney", "2026-11-22")).toEqual({ userIds: ["rep", "member"], named: false });
    expect(chasedFor(people, "o1", "newham", "2026-11-22")).toEqual({ userIds: ["newham-rep", "newham-member"], named: false });
  });

  it("is nobody at a partner with only an adviser and a member whose term has ended", () => {
    expect(chasedFor(people, "o1", "city", "2026-11-22").userIds).toEqual([]);
    expect(chasedFor(people, "o1", "city", "2026-03-31").userIds).toEqual(["former"]);
  });
});
