import { describe, expect, it } from "vitest";
import { addDays } from "../../../app/platform/time/dates";
import {
  defaultTermsRules,
  describeRules,
  describeSeniorityRule,
  quorumRuleSchema,
  seniorityRuleSchema,
  seniorityTargetValue,
  TERMS_REVIEW_WARNING_DAYS,
  termsProblems,
  termsRulesSchema,
  termsSectionKeys,
  termsSectionsSchema,
  versionInForce,
  type TermsRules,
  type TermsVersionSummary,
} from "../../../app/areas/register/rules/terms-of-reference";

const validRules = {
  quorum: { minVotingMembers: 3, minPartners: 2 },
  decisions: { method: "simple_majority" },
};

describe("termsRulesSchema", () => {
  it("fills in the defaults a partnership has not chosen", () => {
    expect(termsRulesSchema.parse(validRules)).toEqual({
      quorum: {
        minVotingMembers: 3,
        minPartners: 2,
        requiredRolesAnyOf: [],
        leadPartnerRequired: false,
        deputiesCount: true,
        onlySeniorEnoughCount: false,
      },
      seniority: [],
      decisions: { method: "simple_majority", votingBasis: "per_member", ratifyingPartnerTypes: [], ratifyingBody: "", whenRatificationRefused: "decision_falls" },
      // Terms without a call-in rule make no decision subject to it.
      callIn: { appliesTo: "none", windowWorkingDays: 5, signatories: 2, chairAlone: true, groundsRequired: true, considerWithinWorkingDays: 15, reconsiderWithinWorkingDays: 10 },
    });
  });

  it("keeps every choice that was made", () => {
    const rules = {
      quorum: {
        minVotingMembers: 5,
        minPartners: 0,
        requiredRolesAnyOf: ["chair"],
        leadPartnerRequired: true,
        deputiesCount: false,
        onlySeniorEnoughCount: true,
      },
      seniority: [{ appliesTo: "partner_role", value: "lead_authority", minimumTier: "director", alsoAccept: ["elected_member"] }],
      decisions: { method: "two_thirds", votingBasis: "per_partner", ratifyingPartnerTypes: ["local_authority", "nhs"], ratifyingBody: "Cabinet or board", whenRatificationRefused: "decision_stands" },
      callIn: { appliesTo: "all", windowWorkingDays: 3, signatories: 1, chairAlone: false, groundsRequired: false, considerWithinWorkingDays: 20, reconsiderWithinWorkingDays: 5 },
    };
    expect(termsRulesSchema.parse(rules)).toEqual(rules);
  });

  it("accepts the sensible first version as it stands", () => {
    expect(termsRulesSchema.parse(defaultTermsRules)).toEqual(defaultTermsRules);
  });

  it("requires the quorum and the decision method", () => {
    expect(termsRulesSchema.safeParse({ decisions: { method: "consensus" } }).success).toBe(false);
    expect(termsRulesSchema.safeParse({ quorum: validRules.quorum }).success).toBe(false);
    expect(termsRulesSchema.safeParse({ ...validRules, decisions: { method: "coin_toss" } }).success).toBe(false);
    expect(termsRulesSchema.safeParse({ ...validRules, decisions: { method: "consensus", votingBasis: "per_head" } }).success).toBe(false);
  });

  it("accepts up to 30 seniority rules and no more", () => {
    const rule = { appliesTo: "board_role", value: "member", minimumTier: "officer" };
    expect(termsRulesSchema.safeParse({ ...validRules, seniority: Array(30).fill(rule) }).success).toBe(true);
    expect(termsRulesSchema.safeParse({ ...validRules, seniority: Array(31).fill(rule) }).success).toBe(false);
  });
});

describe("quorumRuleSchema", () => {
  const ok = (q: Record<string, unknown>) => quorumRuleSchema.safeParse({ minVotingMembers: 2, minPartners: 1, ...q }).success;

  it("needs at least one voting member and allows up to 200", () => {
    expect(ok({ minVotingMembers: 1 })).toBe(true);
    expect(ok({ minVotingMembers: 0 })).toBe(false);
    expect(ok({ minVotingMembers: 200 })).toBe(true);
    expect(ok({ minVotingMembers: 201 })).toBe(false);
  });

  it("allows no partners to be required, but not a negative number or more than 200", () => {
    expect(ok({ minPartners: 0 })).toBe(true);
    expect(ok({ minPartners: -1 })).toBe(false);
    expect(ok({ minPartners: 200 })).toBe(true);
    expect(ok({ minPartners: 201 })).toBe(false);
  });

  it("rejects fractions, numbers written as text and missing numbers", () => {
    expect(ok({ minVotingMembers: 2.5 })).toBe(false);
    expect(ok({ minPartners: 1.5 })).toBe(false);
    expect(ok({ minVotingMembers: "3" })).toBe(false);
    expect(quorumRuleSchema.safeParse({ minPartners: 1 }).success).toBe(false);
    expect(quorumRuleSchema.safeParse({ minVotingMembers: 1 }).success).toBe(false);
  });

  it("accepts only board roles as required seats", () => {
    expect(ok({ requiredRolesAnyOf: ["chair", "vice_chair"] })).toBe(true);
    expect(ok({ requiredRolesAnyOf: ["secretary"] })).toBe(false);
    expect(ok({ requiredRolesAnyOf: "chair" })).toBe(false);
  });

  it("rejects flags that are not true or false", () => {
    expect(ok({ deputiesCount: "yes" })).toBe(false);
    expect(ok({ leadPartnerRequired: 1 })).toBe(false);
    expect(ok({ onlySeniorEnoughCount: null })).toBe(false);
  });
});

describe("seniorityRuleSchema", () => {
  const ok = (r: Record<string, unknown>) => seniorityRuleSchema.safeParse(r).success;

  it("accepts a rule for each kind of target, with no extra categories by default", () => {
    expect(seniorityRuleSchema.parse({ appliesTo: "partner_type", value: "nhs", minimumTier: "head_of_service" })).toEqual({
      appliesTo: "partner_type",
      value: "nhs",
      minimumTier: "head_of_service",
      alsoAccept: [],
    });
    expect(ok({ appliesTo: "partner_role", value: "lead_authority", minimumTier: "director" })).toBe(true);
    expect(ok({ appliesTo: "board_role", value: "adviser", minimumTier: "officer" })).toBe(true);
  });

  it("rejects a value that does not belong to the kind of target", () => {
    expect(ok({ appliesTo: "partner_type", value: "chair", minimumTier: "director" })).toBe(false);
    expect(ok({ appliesTo: "partner_role", value: "nhs", minimumTier: "director" })).toBe(false);
    expect(ok({ appliesTo: "board_role", value: "local_authority", minimumTier: "director" })).toBe(false);
    expect(ok({ appliesTo: "job_title", value: "chair", minimumTier: "director" })).toBe(false);
  });

  it("takes the minimum from the officer ladder and extra categories only from elected members and trustees", () => {
    expect(ok({ appliesTo: "board_role", value: "chair", minimumTier: "elected_member" })).toBe(false);
    expect(ok({ appliesTo: "board_role", value: "chair", minimumTier: "chief" })).toBe(false);
    expect(ok({ appliesTo: "board_role", value: "chair", minimumTier: "officer", alsoAccept: ["trustee", "elected_member"] })).toBe(true);
    expect(ok({ appliesTo: "board_role", value: "chair", minimumTier: "officer", alsoAccept: ["director"] })).toBe(false);
  });
});

describe("termsSectionsSchema", () => {
  it("gives every section an empty text by default", () => {
    const sections = termsSectionsSchema.parse({ purpose: "To improve services for young people." });
    expect(Object.keys(sections).sort()).toEqual([...termsSectionKeys].sort());
    expect(sections.purpose).toBe("To improve services for young people.");
    expect(sections.quorum).toBe("");
  });

  it("accepts a section of 10,000 characters and rejects one longer", () => {
    expect(termsSectionsSchema.safeParse({ scope: "x".repeat(10_000) }).success).toBe(true);
    expect(termsSectionsSchema.safeParse({ scope: "x".repeat(10_001) }).success).toBe(false);
  });
});

describe("describeSeniorityRule", () => {
  it("describes a rule about a type of partner", () => {
    expect(describeSeniorityRule(seniorityRuleSchema.parse({ appliesTo: "partner_type", value: "local_authority", minimumTier: "head_of_service" }))).toBe(
      "Every local authority partner's members and deputies: head of service or above",
    );
  });

  it("keeps acronyms in capitals", () => {
    expect(describeSeniorityRule(seniorityRuleSchema.parse({ appliesTo: "partner_type", value: "nhs", minimumTier: "assistant_director" }))).toBe(
      "Every NHS partner's members and deputies: assistant director or above",
    );
  });

  it("describes a rule about a partner's role, with one extra category", () => {
    const rule = seniorityRuleSchema.parse({ appliesTo: "partner_role", value: "member_authority", minimumTier: "service_manager", alsoAccept: ["elected_member"] });
    expect(describeSeniorityRule(rule)).toBe("Members and deputies of each member authority: service manager or above, or elected member");
  });

  it("describes a rule about a board role, with both extra categories", () => {
    const rule = seniorityRuleSchema.parse({ appliesTo: "board_role", value: "vice_chair", minimumTier: "director", alsoAccept: ["elected_member", "trustee"] });
    expect(describeSeniorityRule(rule)).toBe("The vice-chair: chief executive or director, or elected member or trustee");
  });

  it("does not say 'or above' for the most senior tier, and does for the others", () => {
    const forChair = (minimumTier: string) => describeSeniorityRule(seniorityRuleSchema.parse({ appliesTo: "board_role", value: "chair", minimumTier }));
    expect(forChair("director")).toBe("The chair: chief executive or director");
    expect(forChair("assistant_director")).toBe("The chair: assistant director or above");
    expect(forChair("officer")).toBe("The chair: officer or above");
  });

  it("writes a rule's target as the form's kind:value", () => {
    expect(seniorityTargetValue({ appliesTo: "partner_role", value: "member_authority" })).toBe("partner_role:member_authority");
    expect(seniorityTargetValue({ appliesTo: "board_role", value: "chair" })).toBe("board_role:chair");
  });
});

describe("describeRules", () => {
  it("describes the sensible first version line by line", () => {
    expect(describeRules(defaultTermsRules)).toEqual([
      "Quorum: at least 2 voting members present",
      "Quorum: at least 2 partner organisations represented",
      "Quorum: the chair or vice-chair must be present",
      "Quorum: the lead body need not be represented",
      "Quorum: deputies with a valid delegation count for their member",
      "Quorum: members below the required seniority still count",
      "Seniority: no minimum set",
      "Decisions: consensus, one vote per voting member",
      "Ratification: not needed by partners' own bodies",
      "Call-in: no decisions are subject to call-in",
    ]);
  });

  it("describes the opposite choices, singular numbers and each seniority rule", () => {
    const rules: TermsRules = termsRulesSchema.parse({
      quorum: {
        minVotingMembers: 1,
        minPartners: 1,
        requiredRolesAnyOf: ["chair"],
        leadPartnerRequired: true,
        deputiesCount: false,
        onlySeniorEnoughCount: true,
      },
      seniority: [
        { appliesTo: "board_role", value: "chair", minimumTier: "director" },
        { appliesTo: "partner_type", value: "voluntary_sector", minimumTier: "service_manager", alsoAccept: ["trustee"] },
      ],
      decisions: { method: "two_thirds", votingBasis: "per_partner", ratifyingPartnerTypes: ["local_authority", "nhs"], ratifyingBody: "Cabinet", whenRatificationRefused: "decision_stands" },
    });
    expect(describeRules(rules)).toEqual([
      "Quorum: at least 1 voting member present",
      "Quorum: at least 1 partner organisation represented",
      "Quorum: the chair must be present",
      "Quorum: the lead body must be represented",
      "Quorum: deputies do not count",
      "Quorum: members below the required seniority are not counted",
      "Seniority: The chair: chief executive or director",
      "Seniority: Every voluntary sector partner's members and deputies: service manager or above, or trustee",
      "Decisions: two-thirds majority, one vote per partner organisation",
      "Ratification: where a decision needs it, by each local authority or NHS partner's Cabinet; if one refuses, the decision stands for the others",
      "Call-in: no decisions are subject to call-in",
    ]);
  });

  it("lists three or more required seats with commas and a final 'or', and says when none is required", () => {
    const three = termsRulesSchema.parse({ ...validRules, quorum: { ...validRules.quorum, requiredRolesAnyOf: ["chair", "vice_chair", "young_peoples_rep"] } });
    expect(describeRules(three)[2]).toBe("Quorum: the chair, vice-chair or young people's representative must be present");
    expect(describeRules(termsRulesSchema.parse(validRules))[2]).toBe("Quorum: no particular seat must be present");
    expect(describeRules(termsRulesSchema.parse(validRules))[0]).toBe("Quorum: at least 3 voting members present");
    const noPartners = termsRulesSchema.parse({ ...validRules, quorum: { minVotingMembers: 3, minPartners: 0 } });
    expect(describeRules(noPartners)[1]).toBe("Quorum: at least 0 partner organisations represented");
  });
});

describe("versionInForce", () => {
  const v = (versionNumber: number, status: TermsVersionSummary["status"], effectiveFrom: string | null): TermsVersionSummary => ({
    id: `v${versionNumber}`,
    versionNumber,
    status,
    effectiveFrom,
  });
  const history = [v(1, "superseded", "2024-04-01"), v(2, "superseded", "2025-04-01"), v(3, "approved", "2026-04-01"), v(4, "draft", "2026-01-01")];
  const inForce = (onDate: string, versions = history) => versionInForce(versions, onDate)?.versionNumber;

  it("is undefined before the first version took effect, and the first version from its first day", () => {
    expect(inForce("2024-03-31")).toBeUndefined();
    expect(inForce("2024-04-01")).toBe(1);
  });

  it("lets a superseded version govern the dates before its successor took effect", () => {
    expect(inForce("2025-03-31")).toBe(1);
    expect(inForce("2025-04-01")).toBe(2);
    expect(inForce("2026-03-31")).toBe(2);
  });

  it("picks the latest version on and after its effective date", () => {
    expect(inForce("2026-04-01")).toBe(3);
    expect(inForce("2030-01-01")).toBe(3);
  });

  it("never lets a draft govern, whatever its date", () => {
    expect(inForce("2026-02-01")).toBe(2);
    expect(inForce("2026-02-01", [v(1, "draft", "2024-01-01")])).toBeUndefined();
  });

  it("ignores approved versions without an effective date", () => {
    expect(inForce("2026-02-01", [v(1, "approved", "2024-01-01"), v(2, "approved", null)])).toBe(1);
  });

  it("breaks a tie on the effective date in favour of the higher version number, whatever the order given", () => {
    const tied = [v(5, "superseded", "2025-01-01"), v(6, "approved", "2025-01-01"), v(4, "superseded", "2025-01-01")];
    expect(inForce("2025-06-01", tied)).toBe(6);
    expect(inForce("2025-06-01", [...tied].reverse())).toBe(6);
  });

  it("does not depend on the order versions are listed in", () => {
    expect(inForce("2025-06-01", [...history].reverse())).toBe(2);
  });

  it("returns the version object itself, with its extra fields", () => {
    const versions = [{ ...v(1, "approved", "2024-01-01"), reviewDate: "2027-01-01" }];
    expect(versionInForce(versions, "2025-01-01")).toBe(versions[0]);
  });

  it("is undefined with no versions at all", () => {
    expect(versionInForce([], "2025-01-01")).toBeUndefined();
  });
});

describe("termsProblems", () => {
  const ON = "2026-03-10";

  it("says so when no terms are in force", () => {
    expect(termsProblems(undefined, ON)).toEqual([
      { kind: "no_terms_in_force", message: "No approved terms of reference are in force, so quorum and seniority cannot be checked." },
    ]);
  });

  it("finds nothing when no review date is set", () => {
    expect(termsProblems({ versionNumber: 2, reviewDate: null }, ON)).toEqual([]);
  });

  it("reports a review that was due yesterday as overdue, naming the version and the date", () => {
    expect(termsProblems({ versionNumber: 2, reviewDate: "2026-03-09" }, ON)).toEqual([
      { kind: "terms_review_overdue", reviewDate: "2026-03-09", message: "The terms of reference (version 2) were due for review on 9 March 2026." },
    ]);
  });

  it("reports a review due today as due, not overdue", () => {
    expect(termsProblems({ versionNumber: 3, reviewDate: ON }, ON)).toEqual([
      { kind: "terms_review_due", reviewDate: ON, message: "The terms of reference (version 3) are due for review on 10 March 2026." },
    ]);
  });

  it("warns about a review exactly 60 days ahead, and not one 61 days ahead", () => {
    expect(TERMS_REVIEW_WARNING_DAYS).toBe(60);
    expect(termsProblems({ versionNumber: 1, reviewDate: addDays(ON, 60) }, ON)).toEqual([
      { kind: "terms_review_due", reviewDate: "2026-05-09", message: "The terms of reference (version 1) are due for review on 9 May 2026." },
    ]);
    expect(termsProblems({ versionNumber: 1, reviewDate: addDays(ON, 61) }, ON)).toEqual([]);
  });
});
