import { describe, expect, it } from "vitest";
import {
  boardProblems,
  deputyStatus,
  isPartnerCurrent,
  isSeatCurrent,
  meetsSeniorityRule,
  seniorityRulesFor,
  seniorityShortfalls,
  TERM_ENDING_WARNING_DAYS,
  type BoardProblem,
  type Partner,
  type Seat,
} from "../../../app/areas/register/rules/board-rules";
import { addDays } from "../../../app/platform/time/dates";
import type { SeniorityRule } from "../../../app/areas/register/rules/terms-of-reference";
import { boardRoles, nonOfficerTiers, officerTiers, representativeBoardRoles, type BoardRole } from "../../../app/areas/register/rules/vocabulary";
import {
  allPartners,
  CHARITY,
  COUNCIL,
  deputy,
  ON,
  partner,
  seat,
  seniorityRule,
  TOMORROW,
  TRUST,
  UNI,
  YESTERDAY,
} from "./board-fixtures";

const headOfServiceForCouncils = seniorityRule({ appliesTo: "partner_type", value: "local_authority", minimumTier: "head_of_service" });

// ---------------------------------------------------------------- seniority

describe("meetsSeniorityRule", () => {
  it("accepts an officer one tier above the minimum and at it, and refuses one tier below", () => {
    const rule: Pick<SeniorityRule, "minimumTier" | "alsoAccept"> = { minimumTier: "head_of_service", alsoAccept: [] };
    expect(meetsSeniorityRule("assistant_director", rule)).toBe(true);
    expect(meetsSeniorityRule("head_of_service", rule)).toBe(true);
    expect(meetsSeniorityRule("service_manager", rule)).toBe(false);
  });

  it("ranks every officer tier against every minimum by the officer ladder", () => {
    for (const [minRank, minimumTier] of officerTiers.entries())
      for (const [rank, tier] of officerTiers.entries())
        expect(meetsSeniorityRule(tier, { minimumTier, alsoAccept: [] }), `${tier} against ${minimumTier}`).toBe(rank <= minRank);
  });

  it("treats the lowest minimum (officer) as open to every officer, and the highest (director) as open only to directors", () => {
    for (const tier of officerTiers) expect(meetsSeniorityRule(tier, { minimumTier: "officer", alsoAccept: [] })).toBe(true);
    expect(meetsSeniorityRule("director", { minimumTier: "director", alsoAccept: [] })).toBe(true);
    expect(meetsSeniorityRule("assistant_director", { minimumTier: "director", alsoAccept: [] })).toBe(false);
  });

  it("refuses elected members and trustees unless the rule lists them, however low the officer minimum", () => {
    for (const tier of nonOfficerTiers) {
      expect(meetsSeniorityRule(tier, { minimumTier: "officer", alsoAccept: [] }), tier).toBe(false);
      expect(meetsSeniorityRule(tier, { minimumTier: "director", alsoAccept: [tier] }), tier).toBe(true);
    }
  });

  it("accepts only the non-officer category that is listed", () => {
    expect(meetsSeniorityRule("elected_member", { minimumTier: "head_of_service", alsoAccept: ["elected_member"] })).toBe(true);
    expect(meetsSeniorityRule("trustee", { minimumTier: "head_of_service", alsoAccept: ["elected_member"] })).toBe(false);
    expect(meetsSeniorityRule("trustee", { minimumTier: "head_of_service", alsoAccept: ["trustee"] })).toBe(true);
    expect(meetsSeniorityRule("elected_member", { minimumTier: "head_of_service", alsoAccept: ["trustee"] })).toBe(false);
    expect(meetsSeniorityRule("trustee", { minimumTier: "head_of_service", alsoAccept: ["elected_member", "trustee"] })).toBe(true);
  });

  it("does not let a list of non-officer categories lower the bar for officers", () => {
    expect(meetsSeniorityRule("service_manager", { minimumTier: "head_of_service", alsoAccept: ["elected_member", "trustee"] })).toBe(false);
  });
});

describe("seniorityRulesFor", () => {
  const council = partner(COUNCIL);
  const chairRule = seniorityRule({ appliesTo: "board_role", value: "chair", minimumTier: "director" });
  const leadRule = seniorityRule({ appliesTo: "partner_role", value: "lead_authority", minimumTier: "assistant_director" });
  const nhsRule = seniorityRule({ appliesTo: "partner_type", value: "nhs", minimumTier: "head_of_service" });
  const adviserRule = seniorityRule({ appliesTo: "board_role", value: "adviser", minimumTier: "service_manager" });

  it("applies a board-role rule only to seats with that role", () => {
    expect(seniorityRulesFor(seat("amara", { boardRole: "chair" }), council, [chairRule])).toEqual([chairRule]);
    expect(seniorityRulesFor(seat("fola", { boardRole: "vice_chair" }), council, [chairRule])).toEqual([]);
    expect(seniorityRulesFor(seat("ben", { boardRole: "member" }), council, [chairRule])).toEqual([]);
  });

  it("holds the chair, vice-chair, members and deputies to rules about their partner's type and role", () => {
    for (const boardRole of [...representativeBoardRoles, "deputy"] as BoardRole[]) {
      const s = seat("x", { boardRole });
      expect(seniorityRulesFor(s, council, [headOfServiceForCouncils]), boardRole).toEqual([headOfServiceForCouncils]);
      expect(seniorityRulesFor(s, council, [leadRule]), boardRole).toEqual([leadRule]);
    }
  });

  it("does not hold advisers, young people's or scrutiny representatives to partner rules", () => {
    for (const boardRole of ["adviser", "young_peoples_rep", "scrutiny_rep"] as BoardRole[]) {
      expect(seniorityRulesFor(seat("x", { boardRole }), council, [headOfServiceForCouncils, leadRule]), boardRole).toEqual([]);
    }
  });

  it("holds an adviser to a rule that names the adviser's board role", () => {
    expect(seniorityRulesFor(seat("gita", { boardRole: "adviser", organisationId: UNI }), partner(UNI), [adviserRule, nhsRule])).toEqual([
      adviserRule,
    ]);
  });

  it("only applies a partner rule to the partner type or role it names", () => {
    const member = seat("ben");
    expect(seniorityRulesFor(member, council, [nhsRule])).toEqual([]);
    expect(seniorityRulesFor(seat("chen", { organisationId: TRUST }), partner(TRUST), [nhsRule, headOfServiceForCouncils, leadRule])).toEqual([
      nhsRule,
    ]);
    const deliveryRule = seniorityRule({ appliesTo: "partner_role", value: "delivery_partner", minimumTier: "officer" });
    expect(seniorityRulesFor(member, council, [deliveryRule])).toEqual([]);
  });

  it("applies only board-role rules when the seat's organisation is not a partner", () => {
    expect(seniorityRulesFor(seat("amara", { boardRole: "chair" }), undefined, [headOfServiceForCouncils, leadRule, chairRule])).toEqual([
      chairRule,
    ]);
  });

  it("returns every rule that applies when several do, in the order the terms list them", () => {
    const chair = seat("amara", { boardRole: "chair" });
    expect(seniorityRulesFor(chair, council, [nhsRule, chairRule, headOfServiceForCouncils, adviserRule, leadRule])).toEqual([
      chairRule,
      headOfServiceForCouncils,
      leadRule,
    ]);
  });

  it("gives every board role at least the rules that name it", () => {
    for (const boardRole of boardRoles) {
      const rule = seniorityRule({ appliesTo: "board_role", value: boardRole, minimumTier: "officer" });
      expect(seniorityRulesFor(seat("x", { boardRole }), council, [rule]), boardRole).toEqual([rule]);
    }
  });
});

describe("seniorityShortfalls", () => {
  const council = partner(COUNCIL);

  it("is empty when the seat meets every rule that applies", () => {
    expect(seniorityShortfalls(seat("ben", { seniority: "head_of_service" }), council, [headOfServiceForCouncils])).toEqual([]);
  });

  it("names the seat, the rule and the requirement in words for a rule it falls short of", () => {
    const shortfalls = seniorityShortfalls(seat("ben", { seniority: "service_manager" }), council, [headOfServiceForCouncils]);
    expect(shortfalls).toEqual([
      {
        seatId: "ben",
        rule: headOfServiceForCouncils,
        requirement: "Every local authority partner's members and deputies: head of service or above",
      },
    ]);
  });

  it("lists each rule the seat falls short of when several apply, and only those", () => {
    const chairRule = seniorityRule({ appliesTo: "board_role", value: "chair", minimumTier: "director" });
    const councillorsWelcome = seniorityRule({
      appliesTo: "partner_type",
      value: "local_authority",
      minimumTier: "head_of_service",
      alsoAccept: ["elected_member"],
    });
    const leadRule = seniorityRule({ appliesTo: "partner_role", value: "lead_authority", minimumTier: "assistant_director" });
    // An elected member chairing: the council rules accept councillors, the chair rule and the lead rule do not.
    const councillorChair = seat("amara", { boardRole: "chair", seniority: "elected_member" });
    const shortfalls = seniorityShortfalls(councillorChair, council, [chairRule, councillorsWelcome, leadRule]);
    expect(shortfalls.map((s) => s.rule)).toEqual([chairRule, leadRule]);
    expect(shortfalls.map((s) => s.requirement)).toEqual([
      "The chair: chief executive or director",
      "Members and deputies of each lead authority: assistant director or above",
    ]);
  });

  it("ignores partner rules for an adviser who would otherwise fall short", () => {
    const adviser = seat("gita", { boardRole: "adviser", seniority: "officer" });
    expect(seniorityShortfalls(adviser, council, [headOfServiceForCouncils])).toEqual([]);
  });
});

// ------------------------------------------------------------------ currency

describe("isSeatCurrent and isPartnerCurrent", () => {
  it("counts a seat from its first day to its last, inclusive", () => {
    expect(isSeatCurrent({ termStart: ON, termEnd: ON }, ON)).toBe(true);
    expect(isSeatCurrent({ termStart: TOMORROW, termEnd: null }, ON)).toBe(false);
    expect(isSeatCurrent({ termStart: "2024-01-01", termEnd: YESTERDAY }, ON)).toBe(false);
    expect(isSeatCurrent({ termStart: "2024-01-01", termEnd: null }, ON)).toBe(true);
  });

  it("keeps a partner in the partnership on the day it leaves, and not the day after", () => {
    expect(isPartnerCurrent(partner(TRUST, { leftOn: ON }), ON)).toBe(true);
    expect(isPartnerCurrent(partner(TRUST, { leftOn: YESTERDAY }), ON)).toBe(false);
    expect(isPartnerCurrent(partner(TRUST, { joinedOn: ON }), ON)).toBe(true);
    expect(isPartnerCurrent(partner(TRUST, { joinedOn: TOMORROW }), ON)).toBe(false);
  });
});

describe("deputyStatus", () => {
  const ben = seat("ben");

  it("is valid for a named deputy within their term while their member sits", () => {
    expect(deputyStatus(deputy("dee", "ben"), ben, ON)).toBe("valid");
  });

  it("is valid on the delegation's first day and not before", () => {
    expect(deputyStatus(deputy("dee", "ben", { termStart: ON }), ben, ON)).toBe("valid");
    expect(deputyStatus(deputy("dee", "ben", { termStart: TOMORROW }), ben, ON)).toBe("not_started");
  });

  it("is valid on the delegation's last day and expired the day after", () => {
    expect(deputyStatus(deputy("dee", "ben", { termEnd: ON }), ben, ON)).toBe("valid");
    expect(deputyStatus(deputy("dee", "ben", { termEnd: YESTERDAY }), ben, ON)).toBe("expired");
  });

  it("is principal_gone once the member's term has ended, but not on the member's last day", () => {
    expect(deputyStatus(deputy("dee", "ben"), seat("ben", { termEnd: YESTERDAY }), ON)).toBe("principal_gone");
    expect(deputyStatus(deputy("dee", "ben"), seat("ben", { termEnd: ON }), ON)).toBe("valid");
    expect(deputyStatus(deputy("dee", "ben"), seat("ben", { termStart: TOMORROW }), ON)).toBe("principal_gone");
  });

  it("reports the deputy's own lapse before the member's departure", () => {
    expect(deputyStatus(deputy("dee", "ben", { termEnd: YESTERDAY }), seat("ben", { termEnd: YESTERDAY }), ON)).toBe("expired");
  });

  it("is not_a_deputy for a missing seat, a seat that is not a deputy, or a deputy for someone else", () => {
    expect(deputyStatus(undefined, ben, ON)).toBe("not_a_deputy");
    expect(deputyStatus(deputy("dee", "ben"), undefined, ON)).toBe("not_a_deputy");
    expect(deputyStatus(seat("chen", { deputyForSeatId: "ben" }), ben, ON)).toBe("not_a_deputy");
    expect(deputyStatus(deputy("dee", "amara"), ben, ON)).toBe("not_a_deputy");
  });
});

// ------------------------------------------------------- composition checks

/** A fully staffed, healthy board: every partner has a member, nobody's term ends soon. */
const healthyBoard = (): Seat[] => [
  seat("amara", { boardRole: "chair" }),
  seat("ben"),
  deputy("dee", "ben"),
  seat("chen", { organisationId: TRUST }),
  seat("fola", { organisationId: CHARITY, boardRole: "vice_chair", seniority: "trustee" }),
  seat("gita", { organisationId: UNI, hasVote: false }),
];

function problemsFor(seats: Seat[], opts: { partners?: Partner[]; rules?: SeniorityRule[]; onDate?: string } = {}): BoardProblem[] {
  return boardProblems({ seats, partners: opts.partners ?? allPartners(), seniorityRules: opts.rules ?? [], onDate: opts.onDate ?? ON });
}
const ofKind = <K extends BoardProblem["kind"]>(problems: BoardProblem[], kind: K) =>
  problems.filter((p): p is Extract<BoardProblem, { kind: K }> => p.kind === kind);

describe("boardProblems", () => {
  it("finds nothing wrong with a healthy board", () => {
    expect(problemsFor(healthyBoard())).toEqual([]);
  });

  describe("seniority", () => {
    it("reports a current seat below the required seniority, naming the person, organisation, tier and requirement", () => {
      const seats = [...healthyBoard().filter((s) => s.id !== "ben"), seat("ben", { seniority: "service_manager" })];
      expect(problemsFor(seats, { rules: [headOfServiceForCouncils] })).toEqual([
        {
          kind: "below_required_seniority",
          seatId: "ben",
          message:
            "Ben (Northshire Council, service manager) is below the seniority the terms of reference require. Every local authority partner's members and deputies: head of service or above.",
        },
      ]);
    });

    it("does not report a seat at the minimum, and does report one a tier below", () => {
      const at = [seat("ben", { seniority: "head_of_service" })];
      const below = [seat("ben", { seniority: "service_manager" })];
      const councilOnly = [partner(COUNCIL)];
      expect(ofKind(problemsFor(at, { rules: [headOfServiceForCouncils], partners: councilOnly }), "below_required_seniority")).toEqual([]);
      expect(ofKind(problemsFor(below, { rules: [headOfServiceForCouncils], partners: councilOnly }), "below_required_seniority")).toHaveLength(1);
    });

    it("checks deputies against their partner's rules", () => {
      const seats = [seat("ben"), deputy("dee", "ben", { seniority: "officer" })];
      const problems = ofKind(problemsFor(seats, { rules: [headOfServiceForCouncils], partners: [partner(COUNCIL)] }), "below_required_seniority");
      expect(problems.map((p) => p.seatId)).toEqual(["dee"]);
      expect(problems[0].message).toContain("Dee (Northshire Council, officer)");
    });

    it("does not check seats that have ended or not yet started", () => {
      const seats = [
        seat("ben"),
        seat("old", { seniority: "officer", termEnd: YESTERDAY }),
        seat("new", { seniority: "officer", termStart: TOMORROW }),
      ];
      expect(ofKind(problemsFor(seats, { rules: [headOfServiceForCouncils], partners: [partner(COUNCIL)] }), "below_required_seniority")).toEqual([]);
    });

    it("checks a seat on its last day", () => {
      const seats = [seat("ben"), seat("last", { seniority: "officer", termEnd: addDays(ON, 365) })];
      const onLastDay = problemsFor(seats, { rules: [headOfServiceForCouncils], partners: [partner(COUNCIL)], onDate: addDays(ON, 365) });
      expect(ofKind(onLastDay, "below_required_seniority").map((p) => p.seatId)).toEqual(["last"]);
    });

    it("exempts an adviser from partner rules but not from a rule naming advisers", () => {
      const seats = [seat("ben"), seat("gita", { boardRole: "adviser", hasVote: false, seniority: "officer" })];
      const partners = [partner(COUNCIL)];
      expect(ofKind(problemsFor(seats, { rules: [headOfServiceForCouncils], partners }), "below_required_seniority")).toEqual([]);
      const adviserRule = seniorityRule({ appliesTo: "board_role", value: "adviser", minimumTier: "service_manager" });
      const problems = ofKind(problemsFor(seats, { rules: [headOfServiceForCouncils, adviserRule], partners }), "below_required_seniority");
      expect(problems.map((p) => p.seatId)).toEqual(["gita"]);
      expect(problems[0].message).toContain("The adviser (no vote): service manager or above");
    });

    it("exempts young people's and scrutiny representatives from partner rules", () => {
      const seats = [
        seat("ben"),
        seat("yas", { boardRole: "young_peoples_rep", seniority: "officer" }),
        seat("sam", { boardRole: "scrutiny_rep", seniority: "elected_member" }),
      ];
      expect(ofKind(problemsFor(seats, { rules: [headOfServiceForCouncils], partners: [partner(COUNCIL)] }), "below_required_seniority")).toEqual(
        [],
      );
    });

    it("reports each rule a seat falls short of when several apply", () => {
      const chairRule = seniorityRule({ appliesTo: "board_role", value: "chair", minimumTier: "director" });
      const seats = [seat("amara", { boardRole: "chair", seniority: "service_manager" })];
      const problems = ofKind(problemsFor(seats, { rules: [chairRule, headOfServiceForCouncils], partners: [partner(COUNCIL)] }), "below_required_seniority");
      expect(problems).toHaveLength(2);
      expect(problems[0].message).toContain("The chair: chief executive or director.");
      expect(problems[1].message).toContain("Every local authority partner's members and deputies: head of service or above.");
    });

    it("accepts an elected member only where the rule lists elected members", () => {
      const councillor = [seat("cllr", { seniority: "elected_member" })];
      const partners = [partner(COUNCIL)];
      expect(ofKind(problemsFor(councillor, { rules: [headOfServiceForCouncils], partners }), "below_required_seniority")).toHaveLength(1);
      const withCouncillors = seniorityRule({ ...headOfServiceForCouncils, alsoAccept: ["elected_member"] });
      expect(ofKind(problemsFor(councillor, { rules: [withCouncillors], partners }), "below_required_seniority")).toEqual([]);
    });

    it("names the organisation as not a partner when the seat's organisation is not on the partner list", () => {
      const chairRule = seniorityRule({ appliesTo: "board_role", value: "chair", minimumTier: "director" });
      const problems = ofKind(problemsFor([seat("amara", { boardRole: "chair", seniority: "officer", organisationId: "org-gone" })], { rules: [chairRule], partners: [] }), "below_required_seniority");
      expect(problems[0].message).toContain("Amara (an organisation that is not a partner, officer)");
    });
  });

  describe("partners with nobody on the board", () => {
    it("reports a current partner with no current seat, by name", () => {
      const seats = healthyBoard().filter((s) => s.organisationId !== CHARITY);
      expect(ofKind(problemsFor(seats), "partner_unrepresented")).toEqual([
        { kind: "partner_unrepresented", organisationId: CHARITY, message: "Youth Voice has nobody on the board." },
      ]);
    });

    it("does not treat a deputy on their own as representing the partner", () => {
      const seats = [seat("ben", { termEnd: YESTERDAY }), deputy("dee", "ben")];
      expect(ofKind(problemsFor(seats, { partners: [partner(COUNCIL)] }), "partner_unrepresented").map((p) => p.organisationId)).toEqual([COUNCIL]);
    });

    it("counts a seat on its last day, and not the day after it ended or before it starts", () => {
      const partners = [partner(TRUST)];
      expect(ofKind(problemsFor([seat("chen", { organisationId: TRUST, termEnd: ON })], { partners }), "partner_unrepresented")).toEqual([]);
      expect(ofKind(problemsFor([seat("chen", { organisationId: TRUST, termEnd: YESTERDAY })], { partners }), "partner_unrepresented")).toHaveLength(1);
      expect(ofKind(problemsFor([seat("chen", { organisationId: TRUST, termStart: TOMORROW })], { partners }), "partner_unrepresented")).toHaveLength(1);
    });

    it("still expects a seat from a partner on its last day (leftOn today), but not from one that left yesterday", () => {
      expect(ofKind(problemsFor([], { partners: [partner(TRUST, { leftOn: ON })] }), "partner_unrepresented")).toHaveLength(1);
      expect(ofKind(problemsFor([], { partners: [partner(TRUST, { leftOn: YESTERDAY })] }), "partner_unrepresented")).toEqual([]);
    });

    it("does not expect a seat from a partner that has not joined yet", () => {
      expect(ofKind(problemsFor([], { partners: [partner(TRUST, { joinedOn: TOMORROW })] }), "partner_unrepresented")).toEqual([]);
      expect(ofKind(problemsFor([], { partners: [partner(TRUST, { joinedOn: ON })] }), "partner_unrepresented")).toHaveLength(1);
    });
  });

  describe("lapsed deputies", () => {
    it("reports a deputy whose term ended yesterday while their member still sits, with the date it lapsed", () => {
      const seats = [seat("ben"), deputy("dee", "ben", { termEnd: YESTERDAY })];
      expect(ofKind(problemsFor(seats, { partners: [partner(COUNCIL)] }), "deputy_lapsed")).toEqual([
        {
          kind: "deputy_lapsed",
          seatId: "dee",
          message: "Dee's delegation as deputy for Ben lapsed on 9 March 2026 and has not been renewed.",
        },
      ]);
    });

    it("does not report a deputy whose term ends today", () => {
      const seats = [seat("ben"), deputy("dee", "ben", { termEnd: ON })];
      expect(ofKind(problemsFor(seats, { partners: [partner(COUNCIL)] }), "deputy_lapsed")).toEqual([]);
    });

    it("does not report a lapsed deputy once the member has another valid deputy", () => {
      const seats = [seat("ben"), deputy("dee", "ben", { termEnd: YESTERDAY }), deputy("eve", "ben", { termStart: ON })];
      expect(ofKind(problemsFor(seats, { partners: [partner(COUNCIL)] }), "deputy_lapsed")).toEqual([]);
    });

    it("still reports the lapse when the next deputy has not started yet", () => {
      const seats = [seat("ben"), deputy("dee", "ben", { termEnd: YESTERDAY }), deputy("eve", "ben", { termStart: TOMORROW })];
      expect(ofKind(problemsFor(seats, { partners: [partner(COUNCIL)] }), "deputy_lapsed").map((p) => p.seatId)).toEqual(["dee"]);
    });

    it("reports only the latest of a member's lapsed delegations, not every deputy they ever had", () => {
      const seats = [
        seat("ben"),
        deputy("dee", "ben", { termStart: "2024-01-01", termEnd: "2024-12-31" }),
        deputy("eve", "ben", { termStart: "2025-01-01", termEnd: "2026-02-28" }),
      ];
      const lapsed = ofKind(problemsFor(seats, { partners: [partner(COUNCIL)] }), "deputy_lapsed");
      expect(lapsed.map((p) => p.seatId)).toEqual(["eve"]);
      expect(lapsed[0].message).toBe("Eve's delegation as deputy for Ben lapsed on 28 February 2026 and has not been renewed.");
    });

    it("reports each member's lapsed deputy separately", () => {
      const seats = [
        seat("ben"),
        seat("chen", { organisationId: TRUST }),
        deputy("dee", "ben", { termEnd: YESTERDAY }),
        deputy("tia", "chen", { organisationId: TRUST, termEnd: "2026-01-31" }),
      ];
      const lapsed = ofKind(problemsFor(seats, { partners: [partner(COUNCIL), partner(TRUST)] }), "deputy_lapsed");
      expect(lapsed.map((p) => p.seatId)).toEqual(["dee", "tia"]);
      expect(lapsed[1].message).toContain("deputy for Chen lapsed on 31 January 2026");
    });

    it("reports a current deputy whose member has left the board", () => {
      const seats = [seat("ben", { termEnd: YESTERDAY }), seat("bea"), deputy("dee", "ben")];
      expect(ofKind(problemsFor(seats, { partners: [partner(COUNCIL)] }), "deputy_lapsed")).toEqual([
        { kind: "deputy_lapsed", seatId: "dee", message: "Dee is a deputy for Ben, who is no longer on the board." },
      ]);
    });

    it("says nothing about a deputy whose member has left when the deputy's own term is over too", () => {
      const seats = [seat("ben", { termEnd: "2025-06-30" }), seat("bea"), deputy("dee", "ben", { termEnd: "2025-06-30" })];
      expect(ofKind(problemsFor(seats, { partners: [partner(COUNCIL)] }), "deputy_lapsed")).toEqual([]);
    });

    it("says nothing about a deputy whose delegation has not started", () => {
      const seats = [seat("ben"), deputy("dee", "ben", { termStart: TOMORROW })];
      expect(ofKind(problemsFor(seats, { partners: [partner(COUNCIL)] }), "deputy_lapsed")).toEqual([]);
    });
  });

  describe("terms ending soon", () => {
    const warn = (termEnd: string | null) =>
      ofKind(problemsFor([seat("amara", { boardRole: "chair", termEnd })], { partners: [partner(COUNCIL)] }), "term_ending_soon");

    it("warns about a term ending exactly 60 days ahead, and not one ending 61 days ahead", () => {
      expect(TERM_ENDING_WARNING_DAYS).toBe(60);
      expect(warn(addDays(ON, 60))).toEqual([
        {
          kind: "term_ending_soon",
          seatId: "amara",
          termEnd: "2026-05-09",
          message: "Amara's term as chair (Northshire Council) ends on 9 May 2026.",
        },
      ]);
      expect(warn(addDays(ON, 61))).toEqual([]);
    });

    it("warns about a term ending today, but not one that ended yesterday or has no end", () => {
      expect(warn(ON).map((p) => p.termEnd)).toEqual([ON]);
      expect(warn(YESTERDAY)).toEqual([]);
      expect(warn(null)).toEqual([]);
    });

    it("warns about deputies' terms too, naming their role", () => {
      const seats = [seat("ben"), deputy("dee", "ben", { termEnd: addDays(ON, 30) })];
      const warnings = ofKind(problemsFor(seats, { partners: [partner(COUNCIL)] }), "term_ending_soon");
      expect(warnings.map((p) => p.message)).toEqual(["Dee's term as deputy (Northshire Council) ends on 9 April 2026."]);
    });
  });

  it("judges the same register differently on different dates", () => {
    const seats = [seat("amara", { boardRole: "chair", termEnd: "2026-06-30" }), seat("amy", { boardRole: "chair", termStart: "2026-07-01" })];
    const partners = [partner(COUNCIL)];
    expect(problemsFor(seats, { partners, onDate: "2026-04-01" }).map((p) => p.kind)).toEqual([]);
    expect(problemsFor(seats, { partners, onDate: "2026-05-01" }).map((p) => p.kind)).toEqual(["term_ending_soon"]);
    expect(problemsFor(seats, { partners, onDate: "2026-07-01" })).toEqual([]);
  });

  it("lists several kinds of problem together, grouped by kind", () => {
    const seats = [
      seat("amara", { boardRole: "chair", seniority: "officer", termEnd: addDays(ON, 10) }),
      seat("ben"),
      deputy("dee", "ben", { termEnd: YESTERDAY }),
    ];
    const problems = problemsFor(seats, { partners: [partner(COUNCIL), partner(TRUST)], rules: [headOfServiceForCouncils] });
    expect(problems.map((p) => p.kind)).toEqual(["below_required_seniority", "partner_unrepresented", "deputy_lapsed", "term_ending_soon"]);
  });
});
