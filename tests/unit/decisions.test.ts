import { describe, expect, it } from "vitest";
import { allowedStatusChanges, decisionOutcome, formatReference, ratificationSummary, referencePrefix, type CastVote } from "../../app/domain/decisions";
import { actionState } from "../../app/domain/actions";
import { csvField, toCsv } from "../../app/domain/csv";
import type { Vote } from "../../app/domain/vocabulary";

const vote = (seatId: string, v: Vote, organisationId = seatId): CastVote => ({ seatId, organisationId, personName: `Member ${seatId}`, organisationName: `Partner ${organisationId}`, vote: v });
const eligible = ["a", "b", "c", "d", "e", "f"];
const decide = (over: Partial<Parameters<typeof decisionOutcome>[0]>) =>
  decisionOutcome({ method: "simple_majority", votingBasis: "per_member", chosen: "by_votes", votes: [], eligibleSeatIds: eligible, quorate: true, ...over });

describe("references", () => {
  it("numbers decisions per partnership and year", () => {
    expect(formatReference("NELCP", 2026, 14)).toBe("NELCP-2026-014");
    expect(formatReference("NELCP", 2026, 1234)).toBe("NELCP-2026-1234");
    expect(referencePrefix({ referencePrefix: "NCC-BC", shortName: "Newport–Barnardo's" })).toBe("NCC-BC");
    expect(referencePrefix({ referencePrefix: null, shortName: "Newport–Barnardo's" })).toBe("NEWPORTBARNA");
    expect(referencePrefix({ referencePrefix: null, shortName: "–" })).toBe("DEC");
  });
});

describe("how votes decide", () => {
  it("by simple majority: more for than against; a tie is not agreed; abstentions do not count", () => {
    const agreed = decide({ votes: [vote("a", "for"), vote("b", "for"), vote("c", "against"), vote("d", "abstain"), vote("e", "abstain")] });
    expect(agreed).toMatchObject({ ok: true, status: "agreed", tally: { for: 2, against: 1, abstain: 2 } });
    expect(decide({ votes: [vote("a", "for"), vote("b", "against")] })).toMatchObject({ ok: true, status: "rejected" });
    const tie = decide({ votes: [vote("a", "for"), vote("b", "against")] });
    expect(tie.ok && tie.explanation).toContain("a tie, so not agreed");
  });

  it("by two-thirds: exactly two-thirds passes, just under fails, nothing cast fails", () => {
    expect(decide({ method: "two_thirds", votes: [vote("a", "for"), vote("b", "for"), vote("c", "against")] })).toMatchObject({ status: "agreed" });
    expect(decide({ method: "two_thirds", votes: [vote("a", "for"), vote("b", "for"), vote("c", "against"), vote("d", "against")] })).toMatchObject({ status: "rejected" });
    expect(decide({ method: "two_thirds", votes: [vote("a", "abstain")] })).toMatchObject({ status: "rejected" });
  });

  it("unanimously: one abstention or one vote against is enough to fail", () => {
    expect(decide({ method: "unanimous", votes: [vote("a", "for"), vote("b", "for")] })).toMatchObject({ status: "agreed" });
    expect(decide({ method: "unanimous", votes: [vote("a", "for"), vote("b", "abstain")] })).toMatchObject({ status: "rejected" });
    expect(decide({ method: "unanimous", votes: [vote("a", "for"), vote("b", "against")] })).toMatchObject({ status: "rejected" });
  });

  it("per partner: each partner counts once, and its members must agree", () => {
    const sameWay = decide({ votingBasis: "per_partner", votes: [vote("a", "for", "x"), vote("b", "for", "x"), vote("c", "against", "y")] });
    expect(sameWay).toMatchObject({ status: "rejected", tally: { for: 1, against: 1, abstain: 0 } });
    expect(decide({ votingBasis: "per_partner", votes: [vote("a", "for", "x"), vote("b", "against", "x")] })).toEqual({
      ok: false,
      field: "votes",
      message: "Members for Partner x voted differently: each partner has one vote, so record one position for it",
    });
  });

  it("refuses votes from people who withdrew or are not counted, and a vote method without votes", () => {
    expect(decide({ votes: [vote("a", "for")], recusedSeatIds: ["a"] })).toMatchObject({ ok: false, message: "Member a withdrew from this item, so cannot vote on it" });
    expect(decide({ votes: [vote("z", "for")] })).toMatchObject({ ok: false, message: "Member z is not a voting member counted at this meeting, so cannot vote" });
    expect(decide({ votes: [] })).toMatchObject({ ok: false, field: "votes", message: "Record at least one vote" });
    expect(decide({ chosen: "agreed" })).toMatchObject({ ok: false, field: "outcome" });
  });

  it("by consensus: the chair records the outcome, with no votes", () => {
    expect(decide({ method: "consensus", chosen: "agreed" })).toMatchObject({ ok: true, status: "agreed", tally: null });
    expect(decide({ method: "consensus", chosen: "rejected" })).toMatchObject({ ok: true, status: "rejected" });
    expect(decide({ method: "consensus", chosen: "agreed", votes: [vote("a", "for")] })).toMatchObject({ ok: false, field: "votes" });
    expect(decide({ method: "consensus", chosen: "by_votes" })).toMatchObject({ ok: false, field: "outcome" });
  });

  it("an inquorate meeting cannot agree or reject: both become inquorate, keeping the tally; deferral stays a deferral", () => {
    const agreed = decide({ quorate: false, votes: [vote("a", "for"), vote("b", "for")] });
    expect(agreed).toMatchObject({ ok: true, status: "inquorate", tally: { for: 2, against: 0, abstain: 0 } });
    expect(agreed.ok && agreed.explanation).toContain("agreed on the day");
    expect(decide({ quorate: false, votes: [vote("a", "against")] })).toMatchObject({ status: "inquorate" });
    expect(decide({ quorate: false, chosen: "deferred" })).toMatchObject({ status: "deferred" });
  });
});

describe("what happens to a decision after it is recorded", () => {
  it("allows only forward changes", () => {
    expect(allowedStatusChanges("inquorate")).toEqual(["agreed", "rejected"]);
    expect(allowedStatusChanges("agreed")).toEqual(["superseded", "rescinded"]);
    for (const terminal of ["rejected", "superseded", "rescinded"] as const) expect(allowedStatusChanges(terminal)).toEqual([]);
  });

  it("summarises ratification by partners' own bodies", () => {
    const awaiting = Array.from({ length: 3 }, () => ({ status: "awaiting" as const }));
    const ratified = Array.from({ length: 5 }, () => ({ status: "ratified" as const }));
    expect(ratificationSummary([...awaiting, ...ratified]).text).toBe("Awaiting ratification by 3 of 8");
    expect(ratificationSummary(ratified).text).toBe("Ratified by all 5");
    expect(ratificationSummary([...ratified, { status: "refused" }, ...awaiting]).text).toBe("Refused by 1 of 9");
    expect(ratificationSummary([])).toMatchObject({ text: null, complete: false });
  });

  it("shows an open action past its due date as overdue, and nothing else", () => {
    expect(actionState("open", "2026-11-21", "2026-11-22")).toBe("overdue");
    expect(actionState("open", "2026-11-22", "2026-11-22")).toBe("open");
    expect(actionState("done", "2026-01-01", "2026-11-22")).toBe("done");
    expect(actionState("cancelled", "2026-01-01", "2026-11-22")).toBe("cancelled");
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvField('He said "yes", then left')).toBe('"He said ""yes"", then left"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
    expect(toCsv(["a", "b"], [["1", "line\nbreak"]])).toBe('a,b\r\n1,"line\nbreak"\r\n');
  });
});
