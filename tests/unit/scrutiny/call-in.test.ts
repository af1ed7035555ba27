import { describe, expect, it } from "vitest";
import { callInOpen, callInPeriod, considerBy, enoughSignatures, groundsProblem, implementationState, reconsiderBy, subjectToCallIn } from "../../../app/areas/scrutiny/rules/call-in";
import { termsRulesSchema } from "../../../app/areas/register/public";
import { describeRules } from "../../../app/areas/register/rules/terms-of-reference";

// A council's usual call-in: key decisions, 5 working days, 2 signatories or
// the committee's chair alone, grounds required, considered within 15 and
// reconsidered within 10 working days.
const rule = termsRulesSchema.parse({
  quorum: { minVotingMembers: 2, minPartners: 2, requiredRolesAnyOf: [], leadPartnerRequired: false, deputiesCount: true, onlySeniorEnoughCount: false },
  decisions: { method: "consensus" },
  callIn: { appliesTo: "key_decisions", windowWorkingDays: 5, signatories: 2, chairAlone: true, groundsRequired: true, considerWithinWorkingDays: 15, reconsiderWithinWorkingDays: 10 },
}).callIn;
const key = (publishedOn: string, urgentReason: string | null = null) => ({ keyDecision: true, urgentReason, publishedOn });

describe("which decisions are subject to call-in", () => {
  it("none, key decisions only, or all; never an urgent one", () => {
    expect(subjectToCallIn({ ...rule, appliesTo: "none" }, key("2026-06-01"))).toEqual({ subject: false, why: "The terms of reference make no decisions subject to call-in" });
    expect(subjectToCallIn(rule, key("2026-06-01"))).toEqual({ subject: true });
    expect(subjectToCallIn(rule, { ...key("2026-06-01"), keyDecision: false })).toEqual({ subject: false, why: "Only key decisions may be called in, and this is not one" });
    expect(subjectToCallIn({ ...rule, appliesTo: "all" }, { ...key("2026-06-01"), keyDecision: false })).toEqual({ subject: true });
    expect(subjectToCallIn({ ...rule, appliesTo: "all" }, key("2026-06-01", " Placements end on Friday "))).toEqual({ subject: false, why: "It was marked urgent: Placements end on Friday" });
    // A blank reason is not urgency.
    expect(subjectToCallIn(rule, key("2026-06-01", "   "))).toEqual({ subject: true });
  });

  it("terms written before call-in existed hold none, and the terms say so in words", () => {
    const old = termsRulesSchema.parse({ quorum: { minVotingMembers: 2, minPartners: 2, requiredRolesAnyOf: [], leadPartnerRequired: false, deputiesCount: true, onlySeniorEnoughCount: false }, decisions: { method: "consensus" } });
    expect(old.callIn.appliesTo).toBe("none");
    expect(describeRules(old)).toContain("Call-in: no decisions are subject to call-in");
    expect(describeRules({ ...old, callIn: rule })).toContain(
      "Call-in: key decisions, except urgent ones, may be called in within 5 working days of publication by 2 scrutiny members (or the committee's chair alone), giving grounds; considered within 15 working days, and a decision referred back reconsidered within 10 working days",
    );
    expect(describeRules({ ...old, callIn: { ...rule, appliesTo: "all", signatories: 1, windowWorkingDays: 1, groundsRequired: false } })).toContain(
      "Call-in: every decision, except urgent ones, may be called in within 1 working day of publication by 1 scrutiny member; considered within 15 working days, and a decision referred back reconsidered within 10 working days",
    );
  });
});

describe("the call-in period", () => {
  it("counts working days after publication: a Monday's ends the next Monday", () => {
    expect(callInPeriod(rule, "2026-06-01")).toEqual({ lastDay: "2026-06-08", implementableFrom: "2026-06-09" });
  });

  it("steps over a weekend: a Thursday's ends the next Thursday, implementable on Friday", () => {
    expect(callInPeriod(rule, "2026-06-04")).toEqual({ lastDay: "2026-06-11", implementableFrom: "2026-06-12" });
  });

  it("a Friday's ends the next Friday, implementable the Monday after", () => {
    expect(callInPeriod(rule, "2026-06-05")).toEqual({ lastDay: "2026-06-12", implementableFrom: "2026-06-15" });
  });

  it("published on a Saturday, it counts from Monday", () => {
    expect(callInPeriod(rule, "2026-06-06")).toEqual({ lastDay: "2026-06-12", implementableFrom: "2026-06-15" });
  });

  it("steps over the spring bank holiday (Monday 25 May 2026)", () => {
    // Thu 21 May: Fri 22, Tue 26, Wed 27, Thu 28, Fri 29.
    expect(callInPeriod(rule, "2026-05-21")).toEqual({ lastDay: "2026-05-29", implementableFrom: "2026-06-01" });
  });

  it("steps over Christmas and New Year (25 and 28 December 2026, 1 January 2027)", () => {
    // Wed 23 Dec: Thu 24, Tue 29, Wed 30, Thu 31, Mon 4 Jan.
    expect(callInPeriod(rule, "2026-12-23")).toEqual({ lastDay: "2027-01-04", implementableFrom: "2027-01-05" });
    // Published on Christmas Day itself: Tue 29, Wed 30, Thu 31, Mon 4, Tue 5.
    expect(callInPeriod(rule, "2026-12-25")).toEqual({ lastDay: "2027-01-05", implementableFrom: "2027-01-06" });
  });

  it("is open from the publication day through the last day, and closed the day after", () => {
    const d = key("2026-06-04");
    expect(callInOpen(rule, d, "2026-06-03")).toBe(false);
    expect(callInOpen(rule, d, "2026-06-04")).toBe(true);
    expect(callInOpen(rule, d, "2026-06-06")).toBe(true); // a Saturday inside the period
    expect(callInOpen(rule, d, "2026-06-11")).toBe(true);
    expect(callInOpen(rule, d, "2026-06-12")).toBe(false);
    expect(callInOpen(rule, key("2026-06-04", "Urgent"), "2026-06-05")).toBe(false);
    expect(callInOpen({ ...rule, windowWorkingDays: 1 }, d, "2026-06-05")).toBe(true);
    expect(callInOpen({ ...rule, windowWorkingDays: 1 }, d, "2026-06-08")).toBe(false);
  });
});

describe("signatures and grounds", () => {
  const a = { userId: "a", isCommitteeChair: false };
  const b = { userId: "b", isCommitteeChair: false };
  const chair = { userId: "c", isCommitteeChair: true };

  it("need the number of different members the terms set: one short is not enough", () => {
    expect(enoughSignatures(rule, [])).toEqual({ enough: false, needed: 2 });
    expect(enoughSignatures(rule, [a])).toEqual({ enough: false, needed: 1 });
    expect(enoughSignatures(rule, [a, a])).toEqual({ enough: false, needed: 1 });
    expect(enoughSignatures(rule, [a, b])).toEqual({ enough: true });
    expect(enoughSignatures({ ...rule, signatories: 3 }, [a, b])).toEqual({ enough: false, needed: 1 });
    expect(enoughSignatures({ ...rule, signatories: 1, chairAlone: false }, [a])).toEqual({ enough: true });
  });

  it("take the committee's chair alone only where the terms allow it", () => {
    expect(enoughSignatures(rule, [chair])).toEqual({ enough: true });
    expect(enoughSignatures({ ...rule, chairAlone: false }, [chair])).toEqual({ enough: false, needed: 1 });
    expect(enoughSignatures({ ...rule, chairAlone: false }, [chair, a])).toEqual({ enough: true });
  });

  it("need grounds where the terms require them", () => {
    expect(groundsProblem(rule, "")).toBe("Give the grounds for calling the decision in");
    expect(groundsProblem(rule, "  \n ")).toBe("Give the grounds for calling the decision in");
    expect(groundsProblem(rule, null)).toBe("Give the grounds for calling the decision in");
    expect(groundsProblem(rule, "The consultation with providers was not reported to the board")).toBeNull();
    expect(groundsProblem({ ...rule, groundsRequired: false }, "")).toBeNull();
  });
});

describe("where a decision stands", () => {
  it("in its period it is not to be implemented; from the next working day it may be", () => {
    const d = key("2026-06-04");
    expect(implementationState(rule, d, null, "2026-06-11")).toEqual({ state: "in_period", lastDay: "2026-06-11", implementableFrom: "2026-06-12" });
    expect(implementationState(rule, d, null, "2026-06-12")).toEqual({ state: "implementable", from: "2026-06-12" });
    expect(implementationState(rule, { ...d, keyDecision: false }, null, "2026-06-05")).toEqual({ state: "not_subject", why: "Only key decisions may be called in, and this is not one" });
  });

  it("called in, it is suspended until considered, and overdue from the day after the deadline", () => {
    const d = key("2026-06-04");
    const callIn = { calledInOn: "2026-06-08", outcome: null, outcomeOn: null };
    // 15 working days after Mon 8 June: Mon 29 June.
    expect(considerBy(rule, "2026-06-08")).toBe("2026-06-29");
    expect(implementationState(rule, d, callIn, "2026-06-29")).toEqual({ state: "called_in", considerBy: "2026-06-29", overdue: false });
    expect(implementationState(rule, d, callIn, "2026-06-30")).toEqual({ state: "called_in", considerBy: "2026-06-29", overdue: true });
  });

  it("referred back, it waits for the board to reconsider it; confirmed, it may go ahead; changed, it is replaced", () => {
    const d = key("2026-06-04");
    // 10 working days after Wed 17 June: Wed 1 July.
    expect(reconsiderBy(rule, "2026-06-17")).toBe("2026-07-01");
    expect(implementationState(rule, d, { calledInOn: "2026-06-08", outcome: "referred_back", outcomeOn: "2026-06-17" }, "2026-07-01")).toEqual({ state: "referred_back", reconsiderBy: "2026-07-01", overdue: false });
    expect(implementationState(rule, d, { calledInOn: "2026-06-08", outcome: "referred_back", outcomeOn: "2026-06-17" }, "2026-07-02")).toEqual({ state: "referred_back", reconsiderBy: "2026-07-01", overdue: true });
    expect(implementationState(rule, d, { calledInOn: "2026-06-08", outcome: "confirmed", outcomeOn: "2026-06-24" }, "2026-06-24")).toEqual({ state: "implementable", from: "2026-06-24" });
    expect(implementationState(rule, d, { calledInOn: "2026-06-08", outcome: "no_further_action", outcomeOn: "2026-06-15" }, "2026-06-15")).toEqual({ state: "implementable", from: "2026-06-15" });
    expect(implementationState(rule, d, { calledInOn: "2026-06-08", outcome: "changed", outcomeOn: "2026-06-24" }, "2026-06-24")).toEqual({ state: "replaced" });
  });
});
