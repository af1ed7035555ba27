import { describe, expect, it } from "vitest";
import {
  allowedStatusChanges,
  decisionOutcome,
  formatReference,
  ratificationSummary,
  referencePrefix,
  type CastVote,
  type ChosenOutcome,
} from "../../../app/areas/decisions/rules/decisions";
import { decisionMethods, votingBases, type DecisionMethod, type VotingBasis } from "../../../app/areas/register/rules/vocabulary";
import { decisionStatuses, type DecisionStatus, type Vote } from "../../../app/areas/decisions/rules/vocabulary";
import { CHARITY, COUNCIL, partner, TRUST, UNI } from "../register/board-fixtures";

// The board voting throughout:
//   Northshire Council: Amara, Ben
//   Northshire NHS Trust: Chen, Dee
//   Youth Voice: Fola, Yas
//   Northshire University: Gita (an adviser: not counted at the meeting, so no vote)
const partnerOf = { amara: COUNCIL, ben: COUNCIL, chen: TRUST, dee: TRUST, fola: CHARITY, yas: CHARITY, gita: UNI } as const;
type Member = keyof typeof partnerOf;
const COUNTED: Member[] = ["amara", "ben", "chen", "dee", "fola", "yas"];

const capitalised = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The votes as the chair records them, e.g. ballot({ amara: "for", ben: "against" }). */
function ballot(votes: Partial<Record<Member, Vote>>): CastVote[] {
  return Object.entries(votes).map(([member, vote]) => {
    const organisationId = partnerOf[member as Member];
    return { seatId: member, organisationId, personName: capitalised(member), organisationName: partner(organisationId).name, vote: vote! };
  });
}

function decide(opts: {
  method?: DecisionMethod;
  basis?: VotingBasis;
  chosen?: ChosenOutcome;
  votes?: CastVote[];
  counted?: string[];
  recused?: string[];
  quorate?: boolean;
}) {
  return decisionOutcome({
    method: opts.method ?? "simple_majority",
    votingBasis: opts.basis ?? "per_member",
    chosen: opts.chosen ?? "by_votes",
    votes: opts.votes ?? [],
    eligibleSeatIds: opts.counted ?? COUNTED,
    recusedSeatIds: opts.recused,
    quorate: opts.quorate ?? true,
  });
}

/** A large board of `n` members, one per partner, for percentages that need many votes. */
function manyVotes(counts: { for?: number; against?: number; abstain?: number }) {
  const votes: CastVote[] = [];
  for (const vote of ["for", "against", "abstain"] as const)
    for (let i = 0; i < (counts[vote] ?? 0); i++) {
      const id = `${vote}-${i}`;
      votes.push({ seatId: id, organisationId: `org-${id}`, personName: `Member ${id}`, organisationName: `Partner ${id}`, vote });
    }
  return { votes, counted: votes.map((v) => v.seatId) };
}

const voteMethods = decisionMethods.filter((m) => m !== "consensus");

describe("formatReference", () => {
  it("pads the number to three digits", () => {
    expect(formatReference("NELCP", 2026, 1)).toBe("NELCP-2026-001");
    expect(formatReference("NELCP", 2026, 14)).toBe("NELCP-2026-014");
    expect(formatReference("NELCP", 2026, 99)).toBe("NELCP-2026-099");
    expect(formatReference("NELCP", 2026, 100)).toBe("NELCP-2026-100");
    expect(formatReference("NELCP", 2026, 999)).toBe("NELCP-2026-999");
  });

  it("keeps every digit beyond 999 decisions in a year", () => {
    expect(formatReference("NELCP", 2026, 1000)).toBe("NELCP-2026-1000");
    expect(formatReference("NELCP", 2026, 1234)).toBe("NELCP-2026-1234");
  });

  it("puts the prefix and year as given", () => {
    expect(formatReference("NCC-BC", 2027, 5)).toBe("NCC-BC-2027-005");
    expect(formatReference("CIP", 2025, 30)).toBe("CIP-2025-030");
  });
});

describe("referencePrefix", () => {
  it("uses the partnership's own prefix when it has one, exactly as written", () => {
    expect(referencePrefix({ referencePrefix: "NCC-BC", shortName: "Newport–Barnardo's" })).toBe("NCC-BC");
    expect(referencePrefix({ referencePrefix: "NELCP", shortName: "Something else entirely" })).toBe("NELCP");
  });

  it("derives the prefix from the short name when there is none (null or blank)", () => {
    expect(referencePrefix({ referencePrefix: null, shortName: "NELCP" })).toBe("NELCP");
    expect(referencePrefix({ referencePrefix: "", shortName: "NELCP" })).toBe("NELCP");
  });

  it("keeps only the letters, in capitals", () => {
    expect(referencePrefix({ referencePrefix: null, shortName: "nelcp" })).toBe("NELCP");
    expect(referencePrefix({ referencePrefix: null, shortName: "Camden Care" })).toBe("CAMDENCARE");
    expect(referencePrefix({ referencePrefix: null, shortName: "Newport–Barnardo's" })).toBe("NEWPORTBARNA");
    expect(referencePrefix({ referencePrefix: null, shortName: "Kent & Medway (CYP)" })).toBe("KENTMEDWAYCY");
  });

  it("writes accented letters without their accents", () => {
    expect(referencePrefix({ referencePrefix: null, shortName: "Môn–Gwynedd" })).toBe("MONGWYNEDD");
    expect(referencePrefix({ referencePrefix: null, shortName: "Café Réseau" })).toBe("CAFERESEAU");
  });

  it("stops at 12 letters", () => {
    expect(referencePrefix({ referencePrefix: null, shortName: "Tower Hamlets" })).toBe("TOWERHAMLETS"); // exactly 12
    expect(referencePrefix({ referencePrefix: null, shortName: "Tower Hamlets CP" })).toBe("TOWERHAMLETS"); // 14
    expect(referencePrefix({ referencePrefix: null, shortName: "North East London" })).toBe("NORTHEASTLON");
  });

  it("falls back to DEC when the short name has no letters to use", () => {
    for (const shortName of ["", "–", "  ", "& '", "Ωμέγα"]) expect(referencePrefix({ referencePrefix: null, shortName }), JSON.stringify(shortName)).toBe("DEC");
  });
});

describe("decisionOutcome: deferral", () => {
  it("can defer under every method and voting basis, quorate or not, with no tally", () => {
    for (const method of decisionMethods)
      for (const basis of votingBases)
        for (const quorate of [true, false])
          expect(decide({ method, basis, quorate, chosen: "deferred" }), `${method} ${basis} ${quorate}`).toEqual({
            ok: true,
            status: "deferred",
            tally: null,
            explanation: "Deferred to a later meeting.",
          });
  });

  it("defers even when votes had been entered", () => {
    expect(decide({ chosen: "deferred", votes: ballot({ amara: "for", chen: "against" }) })).toMatchObject({ ok: true, status: "deferred", tally: null });
    expect(decide({ method: "consensus", chosen: "deferred", votes: ballot({ amara: "for" }) })).toMatchObject({ ok: true, status: "deferred" });
  });
});

describe("decisionOutcome: consensus", () => {
  it("records the outcome the chair chose, without a tally", () => {
    expect(decide({ method: "consensus", chosen: "agreed" })).toEqual({ ok: true, status: "agreed", tally: null, explanation: "Agreed by consensus." });
    expect(decide({ method: "consensus", chosen: "rejected" })).toEqual({
      ok: true,
      status: "rejected",
      tally: null,
      explanation: "Rejected: the board did not reach consensus.",
    });
  });

  it("works the same when the terms give one vote per partner", () => {
    expect(decide({ method: "consensus", basis: "per_partner", chosen: "agreed" })).toMatchObject({ ok: true, status: "agreed", tally: null });
  });

  it("refuses votes", () => {
    for (const chosen of ["agreed", "rejected"] as const)
      expect(decide({ method: "consensus", chosen, votes: ballot({ amara: "for" }) })).toEqual({
        ok: false,
        field: "votes",
        message: "A decision by consensus has no votes: clear the votes, or record it by the method the board used",
      });
  });

  it("refuses to decide by the votes", () => {
    expect(decide({ method: "consensus", chosen: "by_votes" })).toEqual({
      ok: false,
      field: "outcome",
      message: "These terms decide by consensus: record whether the board agreed or rejected it",
    });
  });
});

describe("decisionOutcome: what every vote method needs", () => {
  it("refuses an outcome chosen by hand instead of by the votes, naming the method", () => {
    for (const chosen of ["agreed", "rejected"] as const) {
      expect(decide({ method: "simple_majority", chosen, votes: ballot({ amara: "for" }) })).toEqual({
        ok: false,
        field: "outcome",
        message: "These terms decide by simple majority: record the votes and the outcome follows from them",
      });
      expect(decide({ method: "two_thirds", chosen })).toMatchObject({ ok: false, field: "outcome", message: expect.stringContaining("two-thirds majority") });
      expect(decide({ method: "unanimous", chosen })).toMatchObject({ ok: false, field: "outcome" });
    }
  });

  it("refuses to decide with no votes recorded", () => {
    for (const method of voteMethods)
      for (const basis of votingBases)
        expect(decide({ method, basis }), `${method} ${basis}`).toEqual({ ok: false, field: "votes", message: "Record at least one vote" });
  });

  it("decides on a single vote", () => {
    for (const method of voteMethods) expect(decide({ method, votes: ballot({ amara: "for" }) }), method).toMatchObject({ ok: true, status: "agreed" });
  });
});

describe("decisionOutcome: simple majority", () => {
  it("agrees with more for than against, explaining the counts", () => {
    expect(decide({ votes: ballot({ amara: "for", ben: "for", chen: "against", dee: "abstain", fola: "abstain" }) })).toEqual({
      ok: true,
      status: "agreed",
      tally: { for: 2, against: 1, abstain: 2 },
      explanation: "2 members for, 1 against, 2 abstaining: a majority for.",
    });
  });

  it("agrees by a majority of one, and not with a tie", () => {
    expect(decide({ votes: ballot({ amara: "for", ben: "for", chen: "for", dee: "against", fola: "against" }) })).toMatchObject({ status: "agreed" });
    expect(decide({ votes: ballot({ amara: "for", ben: "for", dee: "against", fola: "against" }) })).toEqual({
      ok: true,
      status: "rejected",
      tally: { for: 2, against: 2, abstain: 0 },
      explanation: "2 members for, 2 against, 0 abstaining: a tie, so not agreed.",
    });
  });

  it("rejects with more against than for", () => {
    expect(decide({ votes: ballot({ amara: "for", ben: "for", chen: "against", dee: "against", fola: "against" }) })).toEqual({
      ok: true,
      status: "rejected",
      tally: { for: 2, against: 3, abstain: 0 },
      explanation: "2 members for, 3 against, 0 abstaining: no majority for.",
    });
  });

  it("ignores abstentions, however many", () => {
    const mostlyAbstaining = { ben: "abstain", chen: "abstain", dee: "abstain", fola: "abstain" } as const;
    expect(decide({ votes: ballot({ amara: "for", ...mostlyAbstaining }) })).toMatchObject({ status: "agreed", tally: { for: 1, against: 0, abstain: 4 } });
    expect(decide({ votes: ballot({ amara: "against", ...mostlyAbstaining }) })).toMatchObject({ status: "rejected", tally: { for: 0, against: 1, abstain: 4 } });
    expect(decide({ votes: ballot({ amara: "for", yas: "against", ...mostlyAbstaining }) })).toMatchObject({ status: "rejected" });
  });

  it("does not agree when everyone abstains", () => {
    expect(decide({ votes: ballot({ amara: "abstain", ben: "abstain" }) })).toMatchObject({ ok: true, status: "rejected", tally: { for: 0, against: 0, abstain: 2 } });
  });
});

describe("decisionOutcome: two-thirds majority", () => {
  it("agrees with exactly two-thirds of those voting for or against, explaining the counts", () => {
    expect(decide({ method: "two_thirds", votes: ballot({ amara: "for", ben: "for", chen: "against" }) })).toEqual({
      ok: true,
      status: "agreed",
      tally: { for: 2, against: 1, abstain: 0 },
      explanation: "2 of 3 members voting for or against were for: at least two-thirds.",
    });
    expect(decide({ method: "two_thirds", votes: ballot({ amara: "for", ben: "for", chen: "for", dee: "for", fola: "against", yas: "against" }) })).toMatchObject({
      status: "agreed",
    });
  });

  it("rejects just under two-thirds", () => {
    expect(decide({ method: "two_thirds", votes: ballot({ amara: "for", ben: "for", chen: "for", dee: "against", fola: "against" }) })).toEqual({
      ok: true,
      status: "rejected",
      tally: { for: 3, against: 2, abstain: 0 },
      explanation: "3 of 5 members voting for or against were for: fewer than two-thirds.",
    });
    expect(decide({ method: "two_thirds", votes: ballot({ amara: "for", ben: "against" }) })).toMatchObject({ status: "rejected" });
  });

  it("draws the line at two-thirds exactly, with no rounding, on a large board", () => {
    expect(decide({ method: "two_thirds", ...manyVotes({ for: 66, against: 33 }) })).toMatchObject({ status: "agreed" }); // 66.67%
    expect(decide({ method: "two_thirds", ...manyVotes({ for: 65, against: 34 }) })).toMatchObject({ status: "rejected" }); // 65.66%
    expect(decide({ method: "two_thirds", ...manyVotes({ for: 200, against: 100 }) })).toMatchObject({ status: "agreed" });
    expect(decide({ method: "two_thirds", ...manyVotes({ for: 199, against: 100 }) })).toMatchObject({ status: "rejected" }); // 66.56%
  });

  it("ignores abstentions", () => {
    expect(decide({ method: "two_thirds", votes: ballot({ amara: "for", ben: "for", chen: "against", dee: "abstain", fola: "abstain", yas: "abstain" }) })).toMatchObject({
      status: "agreed",
      tally: { for: 2, against: 1, abstain: 3 },
    });
  });

  it("does not agree when no one votes for or against", () => {
    expect(decide({ method: "two_thirds", votes: ballot({ amara: "abstain", ben: "abstain" }) })).toMatchObject({
      ok: true,
      status: "rejected",
      tally: { for: 0, against: 0, abstain: 2 },
    });
  });
});

describe("decisionOutcome: unanimous", () => {
  it("agrees when everyone voting is for, explaining the count", () => {
    expect(decide({ method: "unanimous", votes: ballot({ amara: "for", ben: "for", chen: "for", dee: "for", fola: "for", yas: "for" }) })).toEqual({
      ok: true,
      status: "agreed",
      tally: { for: 6, against: 0, abstain: 0 },
      explanation: "All 6 members voting were for.",
    });
  });

  it("fails on a single vote against, explaining the counts", () => {
    expect(decide({ method: "unanimous", votes: ballot({ amara: "for", ben: "for", chen: "for", dee: "for", fola: "for", yas: "against" }) })).toEqual({
      ok: true,
      status: "rejected",
      tally: { for: 5, against: 1, abstain: 0 },
      explanation: "Not unanimous: 5 members for, 1 against, 0 abstaining.",
    });
  });

  it("fails on a single abstention, explaining the counts", () => {
    expect(decide({ method: "unanimous", votes: ballot({ amara: "for", ben: "for", chen: "for", dee: "for", fola: "for", yas: "abstain" }) })).toEqual({
      ok: true,
      status: "rejected",
      tally: { for: 5, against: 0, abstain: 1 },
      explanation: "Not unanimous: 5 members for, 0 against, 1 abstaining.",
    });
  });

  it("does not agree when everyone abstains", () => {
    expect(decide({ method: "unanimous", votes: ballot({ amara: "abstain", ben: "abstain" }) })).toMatchObject({ status: "rejected" });
  });
});

describe("decisionOutcome: one vote per partner", () => {
  it("counts each partner once, however many of its members vote", () => {
    const votes = ballot({ amara: "for", ben: "for", chen: "against", dee: "against", fola: "for", yas: "for" });
    expect(decide({ basis: "per_partner", votes })).toEqual({
      ok: true,
      status: "agreed",
      tally: { for: 2, against: 1, abstain: 0 },
      explanation: "2 partners for, 1 against, 0 abstaining: a majority for.",
    });
    expect(decide({ basis: "per_member", votes })).toMatchObject({ tally: { for: 4, against: 2, abstain: 0 } });
  });

  it("gives a partner with two members present no more weight than a partner with one", () => {
    const votes = ballot({ amara: "for", ben: "for", chen: "against" });
    expect(decide({ basis: "per_member", votes })).toMatchObject({ status: "agreed" });
    expect(decide({ basis: "per_partner", votes })).toMatchObject({ status: "rejected", tally: { for: 1, against: 1, abstain: 0 } });
    expect(decide({ basis: "per_partner", method: "unanimous", votes: ballot({ amara: "for", ben: "for", chen: "for" }) })).toMatchObject({
      status: "agreed",
      explanation: "All 2 partners voting were for.",
    });
  });

  it("refuses votes where a partner's members voted differently, naming the partner", () => {
    expect(decide({ basis: "per_partner", votes: ballot({ amara: "for", chen: "for", dee: "against" }) })).toEqual({
      ok: false,
      field: "votes",
      message: "Members for Northshire NHS Trust voted differently: each partner has one vote, so record one position for it",
    });
    expect(decide({ basis: "per_partner", votes: ballot({ fola: "for", yas: "abstain" }) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("Members for Youth Voice voted differently"),
    });
  });

  it("accepts the same split when each member has a vote", () => {
    expect(decide({ basis: "per_member", votes: ballot({ amara: "for", chen: "for", dee: "against" }) })).toMatchObject({ ok: true, status: "agreed" });
  });

  it("applies two-thirds to partners, not members", () => {
    // Members: 2 for, 1 against (two-thirds). Partners: the council for, the trust against (a half).
    const membersPass = ballot({ amara: "for", ben: "for", chen: "against" });
    expect(decide({ method: "two_thirds", basis: "per_member", votes: membersPass })).toMatchObject({ status: "agreed" });
    expect(decide({ method: "two_thirds", basis: "per_partner", votes: membersPass })).toEqual({
      ok: true,
      status: "rejected",
      tally: { for: 1, against: 1, abstain: 0 },
      explanation: "1 of 2 partners voting for or against was for: fewer than two-thirds.",
    });
    // Members: 2 for, 2 against (a half). Partners: the council and the trust for, the charity against (two-thirds).
    const partnersPass = ballot({ amara: "for", chen: "for", fola: "against", yas: "against" });
    expect(decide({ method: "two_thirds", basis: "per_member", votes: partnersPass })).toMatchObject({ status: "rejected" });
    expect(decide({ method: "two_thirds", basis: "per_partner", votes: partnersPass })).toMatchObject({
      status: "agreed",
      explanation: "2 of 3 partners voting for or against were for: at least two-thirds.",
    });
  });
});

describe("decisionOutcome: who may vote", () => {
  it("accepts a vote from every member counted at the meeting", () => {
    expect(decide({ votes: ballot({ amara: "for", ben: "for", chen: "for", dee: "against", fola: "against", yas: "abstain" }) })).toMatchObject({ ok: true });
  });

  it("refuses a vote from a member who withdrew from the item, naming them", () => {
    expect(decide({ votes: ballot({ amara: "for", ben: "for", chen: "against" }), recused: ["ben"] })).toEqual({
      ok: false,
      field: "votes",
      message: "Ben withdrew from this item, so cannot vote on it",
    });
  });

  it("says a member withdrew, rather than that they were not counted, when both are true", () => {
    expect(decide({ votes: ballot({ ben: "for" }), recused: ["ben"], counted: ["amara"] })).toMatchObject({ message: "Ben withdrew from this item, so cannot vote on it" });
  });

  it("refuses a vote from someone not counted at the meeting, naming them", () => {
    expect(decide({ votes: ballot({ amara: "for", gita: "for" }) })).toEqual({
      ok: false,
      field: "votes",
      message: "Gita is not a voting member counted at this meeting, so cannot vote",
    });
    expect(decide({ votes: ballot({ amara: "for", ben: "for" }), counted: ["amara"] })).toMatchObject({ ok: false, message: expect.stringContaining("Ben is not a voting member") });
  });

  it("checks who voted under every method and basis, and even when the meeting was inquorate", () => {
    for (const method of voteMethods)
      for (const basis of votingBases)
        for (const quorate of [true, false]) {
          expect(decide({ method, basis, quorate, votes: ballot({ gita: "for" }) }), `${method} ${basis} ${quorate}`).toMatchObject({ ok: false, field: "votes" });
          expect(decide({ method, basis, quorate, votes: ballot({ ben: "for" }), recused: ["ben"] })).toMatchObject({ ok: false, field: "votes" });
        }
  });
});

describe("decisionOutcome: an inquorate meeting", () => {
  it("records a decision agreed on the day as inquorate, keeping the tally and the counts", () => {
    const result = decide({ quorate: false, votes: ballot({ amara: "for", ben: "for", chen: "against" }) });
    expect(result).toEqual({
      ok: true,
      status: "inquorate",
      tally: { for: 2, against: 1, abstain: 0 },
      explanation:
        "The meeting was not quorate, so the decision (agreed on the day) needs ratification at a quorate meeting. 2 members for, 1 against, 0 abstaining: a majority for.",
    });
  });

  it("records a decision rejected on the day as inquorate too, keeping the tally and the counts", () => {
    const result = decide({ quorate: false, votes: ballot({ amara: "for", ben: "for", chen: "against", dee: "against", fola: "against" }) });
    expect(result).toEqual({
      ok: true,
      status: "inquorate",
      tally: { for: 2, against: 3, abstain: 0 },
      explanation:
        "The meeting was not quorate, so the decision (not agreed on the day) needs ratification at a quorate meeting. 2 members for, 3 against, 0 abstaining: no majority for.",
    });
  });

  it("does so under every vote method and basis", () => {
    const agreedOnTheDay = ballot({ amara: "for", ben: "for", chen: "for", dee: "for" });
    const rejectedOnTheDay = ballot({ amara: "against", ben: "against", chen: "against", dee: "against" });
    for (const method of voteMethods)
      for (const basis of votingBases) {
        const agreed = decide({ method, basis, quorate: false, votes: agreedOnTheDay });
        expect(agreed, `${method} ${basis}`).toMatchObject({ ok: true, status: "inquorate", tally: { for: basis === "per_partner" ? 2 : 4, against: 0 } });
        expect(agreed.ok && agreed.explanation).toContain("(agreed on the day)");
        const rejected = decide({ method, basis, quorate: false, votes: rejectedOnTheDay });
        expect(rejected, `${method} ${basis}`).toMatchObject({ ok: true, status: "inquorate", tally: { for: 0, against: basis === "per_partner" ? 2 : 4 } });
        expect(rejected.ok && rejected.explanation).toContain("(not agreed on the day)");
      }
  });

  it("records a consensus as inquorate, agreed or not, with no tally", () => {
    expect(decide({ method: "consensus", chosen: "agreed", quorate: false })).toEqual({
      ok: true,
      status: "inquorate",
      tally: null,
      explanation: "The meeting was not quorate, so the decision (agreed on the day) needs ratification at a quorate meeting. Agreed by consensus.",
    });
    expect(decide({ method: "consensus", chosen: "rejected", quorate: false })).toMatchObject({
      status: "inquorate",
      tally: null,
      explanation: expect.stringContaining("(not agreed on the day)"),
    });
  });

  it("still refuses what it would refuse at a quorate meeting", () => {
    expect(decide({ quorate: false })).toMatchObject({ ok: false, message: "Record at least one vote" });
    expect(decide({ quorate: false, chosen: "agreed" })).toMatchObject({ ok: false, field: "outcome" });
    expect(decide({ quorate: false, method: "consensus", chosen: "agreed", votes: ballot({ amara: "for" }) })).toMatchObject({ ok: false, field: "votes" });
    expect(decide({ quorate: false, basis: "per_partner", votes: ballot({ amara: "for", ben: "against" }) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("Members for Northshire Council voted differently"),
    });
  });
});

describe("allowedStatusChanges", () => {
  it("allows exactly these changes from each status", () => {
    const table = Object.fromEntries(decisionStatuses.map((s) => [s, allowedStatusChanges(s)]));
    expect(table).toEqual({
      proposed: ["deferred", "rejected"],
      deferred: ["proposed"],
      inquorate: ["agreed", "rejected"],
      agreed: ["superseded", "rescinded"],
      rejected: [],
      superseded: [],
      rescinded: [],
    });
  });

  it("lets a later quorate meeting ratify an inquorate decision, or not", () => {
    expect(allowedStatusChanges("inquorate")).toContain("agreed");
    expect(allowedStatusChanges("inquorate")).toContain("rejected");
  });

  it("does not let a proposal be agreed without being decided at a meeting", () => {
    expect(allowedStatusChanges("proposed")).not.toContain("agreed");
    expect(allowedStatusChanges("deferred")).not.toContain("agreed");
  });

  it("ends at rejected, superseded and rescinded", () => {
    for (const terminal of ["rejected", "superseded", "rescinded"] as const) expect(allowedStatusChanges(terminal), terminal).toEqual([]);
  });

  it("never offers a change to the same status", () => {
    for (const status of decisionStatuses) expect(allowedStatusChanges(status), status).not.toContain(status as DecisionStatus);
  });
});

describe("ratificationSummary", () => {
  const rows = (counts: { awaiting?: number; ratified?: number; refused?: number }) =>
    (["ratified", "awaiting", "refused"] as const).flatMap((status) => Array.from({ length: counts[status] ?? 0 }, () => ({ status })));

  it("counts the partners still to ratify", () => {
    expect(ratificationSummary(rows({ awaiting: 3, ratified: 5 }))).toEqual({
      total: 8,
      awaiting: 3,
      refused: 0,
      complete: false,
      text: "Awaiting ratification by 3 of 8",
    });
    expect(ratificationSummary(rows({ awaiting: 8 })).text).toBe("Awaiting ratification by 8 of 8");
    expect(ratificationSummary(rows({ awaiting: 1, ratified: 7 })).text).toBe("Awaiting ratification by 1 of 8");
  });

  it("is complete once every partner has ratified", () => {
    expect(ratificationSummary(rows({ ratified: 8 }))).toEqual({ total: 8, awaiting: 0, refused: 0, complete: true, text: "Ratified by all 8" });
  });

  it("reports a refusal before anything still awaited", () => {
    expect(ratificationSummary(rows({ refused: 1, awaiting: 2, ratified: 5 }))).toEqual({
      total: 8,
      awaiting: 2,
      refused: 1,
      complete: false,
      text: "Refused by 1 of 8",
    });
    expect(ratificationSummary(rows({ refused: 1, ratified: 7 }))).toMatchObject({ complete: false, text: "Refused by 1 of 8" });
    expect(ratificationSummary(rows({ refused: 8 })).text).toBe("Refused by 8 of 8");
  });

  it("does not depend on the order of the rows", () => {
    const mixed = [{ status: "ratified" }, { status: "awaiting" }, { status: "refused" }, { status: "ratified" }] as const;
    expect(ratificationSummary(mixed)).toEqual(ratificationSummary([...mixed].reverse()));
    expect(ratificationSummary(mixed).text).toBe("Refused by 1 of 4");
  });

  it("has no text, and is not complete, when nothing needs ratifying", () => {
    expect(ratificationSummary([])).toEqual({ total: 0, awaiting: 0, refused: 0, complete: false, text: null });
  });
});
