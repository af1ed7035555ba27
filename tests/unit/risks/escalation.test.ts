import { describe, expect, it } from "vitest";
import {
  boardMeetingForEscalation,
  canDeferEscalation,
  deferEscalation,
  escalatedStatus,
  escalationReasons,
  nextBoardMeeting,
  type RiskForEscalation,
  type UpcomingMeeting,
} from "../../../app/areas/risks/rules/escalation";
import { defaultAppetiteMaxima, defaultRiskSettings, riskSettingsSchema, type AppetiteStatement, type RiskSettings } from "../../../app/areas/risks/rules/scoring";
import { appetiteLevels, riskStatuses } from "../../../app/areas/risks/rules/vocabulary";

const TODAY = "2026-03-18";

/** A financial risk, reviewed monthly, next due a week ahead: nothing escalates it unless a test says so. */
function risk(over: Partial<RiskForEscalation> = {}): RiskForEscalation {
  return { status: "open", currentScore: 6, category: "financial", nextReviewDate: "2026-03-25", reviewFrequency: "monthly", ...over };
}

function reasons(r: RiskForEscalation, opts: { appetites?: AppetiteStatement; settings?: RiskSettings; today?: string } = {}) {
  return escalationReasons(r, { appetites: opts.appetites ?? {}, settings: opts.settings ?? defaultRiskSettings, today: opts.today ?? TODAY });
}
const keys = (r: RiskForEscalation, opts: Parameters<typeof reasons>[1] = {}) => reasons(r, opts).map((x) => x.key);

describe("escalation by score", () => {
  it("escalates at the default threshold of 15 (−1, =, +1)", () => {
    expect(keys(risk({ currentScore: 14 }))).toEqual([]);
    expect(keys(risk({ currentScore: 15 }))).toEqual(["score_at_threshold"]);
    expect(keys(risk({ currentScore: 16 }))).toEqual(["score_at_threshold"]);
    expect(reasons(risk({ currentScore: 15 }))[0].sentence).toBe("Its current score of 15 is at or above the partnership's escalation threshold of 15.");
  });

  for (const threshold of [1, 12, 13, 20, 25])
    it(`escalates at a partnership's threshold of ${threshold} (−1, =, +1)`, () => {
      const settings = riskSettingsSchema.parse({ escalationThreshold: threshold });
      expect(keys(risk({ currentScore: threshold - 1 }), { settings })).toEqual([]);
      expect(keys(risk({ currentScore: threshold }), { settings })).toEqual(["score_at_threshold"]);
      expect(keys(risk({ currentScore: threshold + 1 }), { settings })).toEqual(["score_at_threshold"]);
    });
});

describe("escalation by appetite", () => {
  for (const level of appetiteLevels)
    it(`escalates a risk above a ${level} appetite (−1, =, +1 around ${defaultAppetiteMaxima[level]})`, () => {
      const max = defaultAppetiteMaxima[level];
      const settings = riskSettingsSchema.parse({ escalationThreshold: 25 }); // keep the score reason out of the way
      const appetites = { financial: level };
      expect(keys(risk({ currentScore: max - 1 }), { appetites, settings })).toEqual([]);
      expect(keys(risk({ currentScore: max }), { appetites, settings })).toEqual([]);
      expect(keys(risk({ currentScore: max + 1 }), { appetites, settings })).toEqual(["above_appetite"]);
    });

  it("says which appetite, for which category, and what it tolerates", () => {
    expect(reasons(risk({ currentScore: 10 }), { appetites: { financial: "cautious" } })).toEqual([
      { key: "above_appetite", sentence: "Its current score of 10 is above the partnership's cautious appetite for financial risks, which tolerates scores up to 9." },
    ]);
  });

  it("does not guess an appetite the partnership has not approved", () => {
    expect(keys(risk({ currentScore: 12, category: "demand" }), { appetites: { financial: "averse" } })).toEqual([]);
  });

  it("uses the partnership's own maxima", () => {
    const settings = riskSettingsSchema.parse({ appetiteMaxima: { averse: 1, minimal: 2, cautious: 3, open: 4, eager: 5 } });
    expect(keys(risk({ currentScore: 3 }), { appetites: { financial: "cautious" }, settings })).toEqual([]);
    expect(keys(risk({ currentScore: 4 }), { appetites: { financial: "cautious" }, settings })).toEqual(["above_appetite"]);
  });
});

describe("escalation by an overdue review", () => {
  it("escalates a review more than one cycle overdue, across a month end (−1, =, +1)", () => {
    const late = risk({ nextReviewDate: "2026-01-31", reviewFrequency: "monthly" }); // + 1 month = 28 February
    expect(keys(late, { today: "2026-02-27" })).toEqual([]);
    expect(keys(late, { today: "2026-02-28" })).toEqual([]);
    expect(keys(late, { today: "2026-03-01" })).toEqual(["review_overdue_more_than_a_cycle"]);
    expect(reasons(late, { today: "2026-03-01" })[0].sentence).toBe("Its review was due on 31 January 2026 and is more than a month overdue.");
  });

  it("in a leap year (−1, =, +1)", () => {
    const late = risk({ nextReviewDate: "2027-11-30", reviewFrequency: "quarterly" }); // + 3 months = 29 February 2028
    expect(keys(late, { today: "2028-02-28" })).toEqual([]);
    expect(keys(late, { today: "2028-02-29" })).toEqual([]);
    expect(keys(late, { today: "2028-03-01" })).toEqual(["review_overdue_more_than_a_cycle"]);
    expect(reasons(late, { today: "2028-03-01" })[0].sentence).toContain("more than three months overdue");
  });

  it("for six-monthly and yearly reviews too", () => {
    const half = risk({ nextReviewDate: "2026-08-31", reviewFrequency: "half_yearly" }); // → 28 February 2027
    expect(keys(half, { today: "2027-02-28" })).toEqual([]);
    expect(keys(half, { today: "2027-03-01" })).toEqual(["review_overdue_more_than_a_cycle"]);
    const year = risk({ nextReviewDate: "2028-02-29", reviewFrequency: "annually" }); // → 28 February 2029
    expect(keys(year, { today: "2029-02-28" })).toEqual([]);
    expect(keys(year, { today: "2029-03-01" })).toEqual(["review_overdue_more_than_a_cycle"]);
    expect(reasons(year, { today: "2029-03-01" })[0].sentence).toContain("more than a year overdue");
  });

  it("does not escalate a review merely overdue", () => {
    expect(keys(risk({ nextReviewDate: "2026-03-01" }))).toEqual([]);
  });
});

describe("escalation overall", () => {
  it("gives every reason that applies, in order", () => {
    const r = risk({ currentScore: 20, nextReviewDate: "2025-12-01" });
    expect(keys(r, { appetites: { financial: "open" } })).toEqual(["score_at_threshold", "above_appetite", "review_overdue_more_than_a_cycle"]);
  });

  it("leaves closed and transferred risks alone", () => {
    const r = { currentScore: 25, nextReviewDate: "2020-01-01" };
    for (const status of riskStatuses) {
      const got = keys(risk({ ...r, status }), { appetites: { financial: "averse" } });
      expect([status, got.length]).toEqual([status, status === "closed" || status === "transferred" ? 0 : 3]);
    }
  });

  it("moves an open risk with reasons to escalated, and leaves the rest to the board", () => {
    const some = reasons(risk({ currentScore: 16 }));
    expect(escalatedStatus("open", some)).toBe("escalated");
    expect(escalatedStatus("open", [])).toBe("open");
    expect(escalatedStatus("escalated", [])).toBe("escalated");
    expect(escalatedStatus("closed", some)).toBe("closed");
  });
});

describe("the board meeting an escalated risk goes to", () => {
  const meetings: UpcomingMeeting[] = [
    { id: "past", date: "2026-03-10", type: "board", cancelled: false },
    { id: "steer", date: "2026-03-19", type: "steering_group", cancelled: false },
    { id: "cancelled", date: "2026-03-20", type: "board", cancelled: true },
    { id: "may", date: "2026-05-12", type: "board", cancelled: false },
    { id: "april", date: "2026-04-14", type: "board", cancelled: false },
    { id: "review", date: "2026-04-01", type: "contract_review", cancelled: false },
    { id: "june", date: "2026-06-16", type: "board", cancelled: false },
  ];
  const why = reasons(risk({ currentScore: 16 }));

  it("is the next board meeting, not cancelled, today or later", () => {
    expect(boardMeetingForEscalation(why, meetings, TODAY)).toEqual({ meeting: meetings[4], message: null });
    expect(nextBoardMeeting(meetings, "2026-04-14")?.id).toBe("april"); // a meeting today counts
    expect(nextBoardMeeting(meetings, "2026-04-15")?.id).toBe("may");
    expect(nextBoardMeeting(meetings, "2026-03-20")?.id).toBe("april"); // not the cancelled one
  });

  it("is none for a risk with no reasons, and says so when no board meeting is arranged", () => {
    expect(boardMeetingForEscalation([], meetings, TODAY)).toEqual({ meeting: null, message: null });
    expect(boardMeetingForEscalation(why, meetings.slice(0, 3), TODAY)).toEqual({
      meeting: null,
      message: "No board meeting is arranged: arrange one so the board can consider this risk.",
    });
  });

  it("can be put back once, with a reason, to the board meeting after", () => {
    expect(canDeferEscalation(0)).toBe(true);
    expect(canDeferEscalation(1)).toBe(false);
    expect(canDeferEscalation(2)).toBe(false);
    const from = { id: "april", date: "2026-04-14" };
    expect(deferEscalation({ deferralCount: 0, reason: "  The finance lead is away  ", from, meetings, today: TODAY })).toEqual({
      ok: true,
      meeting: meetings[3],
      deferralCount: 1,
      reason: "The finance lead is away",
    });
    expect(deferEscalation({ deferralCount: 1, reason: "Again", from: { id: "may", date: "2026-05-12" }, meetings, today: TODAY })).toEqual({
      ok: false,
      field: "form",
      message: "This risk has already been put back once: the board must consider it on 12 May 2026.",
    });
    expect(deferEscalation({ deferralCount: 0, reason: " ", from, meetings, today: TODAY })).toEqual({
      ok: false,
      field: "reason",
      message: "Say why the board will consider this risk at a later meeting",
    });
    expect(deferEscalation({ deferralCount: 0, reason: "Busy", from: { id: "june", date: "2026-06-16" }, meetings, today: TODAY })).toEqual({
      ok: false,
      field: "form",
      message: "There is no later board meeting to put it back to: arrange one first.",
    });
  });

  it("puts it back past a meeting on the same day, and never into the past", () => {
    const sameDay: UpcomingMeeting[] = [
      { id: "a", date: "2026-04-14", type: "board", cancelled: false },
      { id: "b", date: "2026-04-14", type: "board", cancelled: false },
      { id: "c", date: "2026-05-12", type: "board", cancelled: false },
    ];
    const result = deferEscalation({ deferralCount: 0, reason: "Short of time", from: { id: "a", date: "2026-04-14" }, meetings: sameDay, today: "2026-04-14" });
    expect(result.ok && result.meeting.id).toBe("c");
    // The meeting it was on has passed without considering it: the next one after today.
    const late = deferEscalation({ deferralCount: 0, reason: "Missed", from: { id: "past", date: "2026-03-10" }, meetings, today: "2026-04-15" });
    expect(late.ok && late.meeting.id).toBe("may");
  });
});
