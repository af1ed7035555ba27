import { describe, expect, it } from "vitest";
import { answerSpeed, challengeStanding, challengeStandingWords, defaultDueOn, dueDateProblem, escalatedOn } from "../../../app/areas/scrutiny/rules/challenges";
import { questionFigures } from "../../../app/areas/scrutiny/rules/accountability";

// The dates of scrutiny's questions, in London working days with bank holidays.

describe("the answer-by date", () => {
  it("offers ten working days, and asks for at least five and at most sixty-five", () => {
    // Sunday 22 November 2026: the fifth working day is Friday 27th, the tenth Friday 4 December.
    expect(defaultDueOn("2026-11-22")).toBe("2026-12-04");
    expect(dueDateProblem("2026-11-26", "2026-11-22")).toBe("Give the partnership at least 5 working days to answer: choose 27 November 2026 or later");
    expect(dueDateProblem("2026-11-27", "2026-11-22")).toBeNull();
    // Across Christmas: five working days from Friday 18 December 2026 skip the 25th, the 28th (Boxing Day's substitute) and the weekends.
    expect(dueDateProblem("2026-12-28", "2026-12-18")).toMatch(/choose 29 December 2026 or later$/);
    expect(dueDateProblem("2026-12-29", "2026-12-18")).toBeNull();
    const latest = "2027-02-24";
    expect(dueDateProblem(latest, "2026-11-22")).toBeNull();
    expect(dueDateProblem("2027-02-25", "2026-11-22")).toMatch(/^Choose an answer-by date no later than 24 February 2027/);
  });

  it("escalates a late answer on the first working day after it was due", () => {
    expect(escalatedOn("2026-11-27")).toBe("2026-11-30"); // a Friday: the Monday
    expect(escalatedOn("2026-12-24")).toBe("2026-12-29"); // Christmas and the Boxing Day substitute skipped
  });
});

describe("where a question stands", () => {
  const row = { status: "awaiting_answer" as const, dueOn: "2026-11-27", closedOn: null };
  it("waits until its date, is overdue the day after, and escalated from the next working day", () => {
    expect(challengeStanding(row, "2026-11-27")).toEqual({ state: "awaiting_answer", dueOn: "2026-11-27" });
    expect(challengeStanding(row, "2026-11-28")).toMatchObject({ state: "overdue", escalated: false });
    expect(challengeStanding(row, "2026-11-30")).toMatchObject({ state: "overdue", escalated: true, escalatedOn: "2026-11-30" });
    expect(challengeStandingWords(challengeStanding(row, "2026-11-30"), "Leicestershire County Council")).toBe("Answer overdue since 27 November 2026: escalated to Leicestershire County Council on 30 November 2026");
    expect(challengeStandingWords(challengeStanding(row, "2026-11-28"), "x")).toBe("Answer overdue since 27 November 2026");
  });
  it("answered and closed ones are not overdue, whatever the date", () => {
    expect(challengeStanding({ ...row, status: "answered" }, "2027-01-01")).toEqual({ state: "answered" });
    expect(challengeStandingWords(challengeStanding({ ...row, status: "closed", closedOn: "2026-12-07" }, "2027-01-01"), "x")).toBe("Closed on 7 December 2026");
  });
});

describe("how promptly questions were answered", () => {
  it("counts working days to the first answer, and whether it met the first date", () => {
    expect(answerSpeed({ raisedOn: "2026-11-20", firstAnsweredOn: "2026-12-04", firstDueOn: "2026-12-04" })).toEqual({ workingDays: 10, onTime: true });
    expect(answerSpeed({ raisedOn: "2026-11-20", firstAnsweredOn: "2026-12-07", firstDueOn: "2026-12-04" })).toEqual({ workingDays: 11, onTime: false });
    expect(answerSpeed({ raisedOn: "2026-11-20", firstAnsweredOn: null, firstDueOn: "2026-12-04" })).toBeNull();
  });
  it("gives on time, late, waiting, overdue and the median for the dashboard", () => {
    const q = (raisedOn: string, firstAnsweredOn: string | null, firstDueOn: string, status = firstAnsweredOn ? "answered" : "awaiting_answer") => ({ raisedOn, firstAnsweredOn, firstDueOn, dueOn: firstDueOn, status });
    const rows = [q("2026-11-02", "2026-11-09", "2026-11-16"), q("2026-11-02", "2026-11-20", "2026-11-16"), q("2026-11-02", "2026-11-16", "2026-11-16"), q("2026-11-09", null, "2026-11-20"), q("2026-11-16", null, "2026-11-30"), q("2026-11-16", null, "2026-11-30", "closed")];
    expect(questionFigures(rows, "2026-11-23")).toEqual({ raised: 6, onTime: 2, late: 1, waiting: 2, overdue: 1, medianWorkingDays: 10 });
    expect(questionFigures(rows.slice(0, 2), "2026-11-23").medianWorkingDays).toBe(9.5); // 5 and 14 working days
    expect(questionFigures([], "2026-11-23")).toMatchObject({ raised: 0, medianWorkingDays: null });
  });
});
