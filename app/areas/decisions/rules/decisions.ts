import type { DecisionMethod, VotingBasis } from "../../register/public";
import type { DecisionStatus, RatificationStatus, Vote } from "./vocabulary";

// Decision rules as plain functions: references, how votes decide an
// outcome under the terms of reference, which status changes are allowed,
// and how far ratification by partners' own bodies has got.

/** PREFIX-YEAR-NNN, e.g. NELCP-2026-014. */
export function formatReference(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(3, "0")}`;
}

/** The prefix for a partnership's decision references: its own, or its short name in capitals. */
export function referencePrefix(p: { referencePrefix: string | null; shortName: string }): string {
  if (p.referencePrefix) return p.referencePrefix;
  const letters = p.shortName
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]/g, "")
    .toUpperCase();
  return letters.slice(0, 12) || "DEC";
}

const methodPhrase: Record<DecisionMethod, string> = {
  consensus: "by consensus",
  simple_majority: "by simple majority",
  two_thirds: "by a two-thirds majority",
  unanimous: "unanimously",
};

export type CastVote = { seatId: string; organisationId: string; personName: string; organisationName: string; vote: Vote };

/** What the chair records: the outcome for a consensus, or "decide by the votes" for a vote; deferral at any time. */
export type ChosenOutcome = "agreed" | "rejected" | "deferred" | "by_votes";

export type OutcomeResult =
  | {
      ok: true;
      status: Extract<DecisionStatus, "agreed" | "rejected" | "deferred" | "inquorate">;
      tally: { for: number; against: number; abstain: number } | null;
      explanation: string;
    }
  | { ok: false; field: "votes" | "outcome"; message: string };

const tallyOf = (list: readonly Vote[]) => ({
  for: list.filter((v) => v === "for").length,
  against: list.filter((v) => v === "against").length,
  abstain: list.filter((v) => v === "abstain").length,
});

/**
 * The outcome of a decision at a meeting. Only members counted in the quorum
 * for the item may vote; an inquorate meeting cannot agree (or reject)
 * anything: the decision is recorded as inquorate and needs ratification.
 * Votes are cast per member, or per partner when the terms say so (a
 * partner's members must then vote the same way).
 */
export function decisionOutcome(input: {
  method: DecisionMethod;
  votingBasis: VotingBasis;
  chosen: ChosenOutcome;
  votes: readonly CastVote[];
  eligibleSeatIds: readonly string[];
  recusedSeatIds?: readonly string[];
  quorate: boolean;
}): OutcomeResult {
  const { method, votingBasis, chosen, votes, quorate } = input;
  if (chosen === "deferred") return { ok: true, status: "deferred", tally: null, explanation: "Deferred to a later meeting." };

  const recused = new Set(input.recusedSeatIds ?? []);
  const eligible = new Set(input.eligibleSeatIds);
  for (const v of votes) {
    if (recused.has(v.seatId)) return { ok: false, field: "votes", message: `${v.personName} withdrew from this item, so cannot vote on it` };
    if (!eligible.has(v.seatId)) return { ok: false, field: "votes", message: `${v.personName} is not a voting member counted at this meeting, so cannot vote` };
  }

  let tally: { for: number; against: number; abstain: number } | null = null;
  let status: "agreed" | "rejected";
  let explanation: string;
  if (method === "consensus") {
    if (chosen === "by_votes") return { ok: false, field: "outcome", message: "These terms decide by consensus: record whether the board agreed or rejected it" };
    if (votes.length > 0) return { ok: false, field: "votes", message: "A decision by consensus has no votes: clear the votes, or record it by the method the board used" };
    status = chosen;
    explanation = chosen === "agreed" ? "Agreed by consensus." : "Rejected: the board did not reach consensus.";
  } else {
    if (chosen !== "by_votes") return { ok: false, field: "outcome", message: `These terms decide ${methodPhrase[method]}: record the votes and the outcome follows from them` };
    if (votes.length === 0) return { ok: false, field: "votes", message: "Record at least one vote" };
    let units: Vote[];
    if (votingBasis === "per_partner") {
      const byPartner = new Map<string, CastVote[]>();
      for (const v of votes) byPartner.set(v.organisationId, [...(byPartner.get(v.organisationId) ?? []), v]);
      units = [];
      for (const group of byPartner.values()) {
        if (new Set(group.map((g) => g.vote)).size > 1)
          return { ok: false, field: "votes", message: `Members for ${group[0].organisationName} voted differently: each partner has one vote, so record one position for it` };
        units.push(group[0].vote);
      }
    } else units = votes.map((v) => v.vote);
    tally = tallyOf(units);
    const cast = tally.for + tally.against;
    const noun = votingBasis === "per_partner" ? "partner" : "member";
    const count = (n: number) => `${n} ${noun}${n === 1 ? "" : "s"}`;
    if (method === "simple_majority") {
      status = tally.for > tally.against ? "agreed" : "rejected";
      explanation = `${count(tally.for)} for, ${tally.against} against, ${tally.abstain} abstaining: ${status === "agreed" ? "a majority for" : tally.for === tally.against ? (cast === 0 ? "nobody voted for or against, so not agreed" : "a tie, so not agreed") : "no majority for"}.`;
    } else if (method === "two_thirds") {
      status = cast > 0 && tally.for * 3 >= cast * 2 ? "agreed" : "rejected";
      explanation =
        cast === 0
          ? "Nobody voted for or against, so not agreed."
          : `${tally.for} of ${count(cast)} voting for or against ${tally.for === 1 ? "was" : "were"} for: ${status === "agreed" ? "at least" : "fewer than"} two-thirds.`;
    } else {
      status = tally.for > 0 && tally.against === 0 && tally.abstain === 0 ? "agreed" : "rejected";
      explanation =
        status === "agreed"
          ? tally.for === 1
            ? `The only ${noun} voting was for.`
            : `All ${count(tally.for)} voting were for.`
          : `Not unanimous: ${count(tally.for)} for, ${tally.against} against, ${tally.abstain} abstaining.`;
    }
  }
  if (!quorate)
    return {
      ok: true,
      status: "inquorate",
      tally,
      explanation: `The meeting was not quorate, so the decision (${status === "agreed" ? "agreed" : "not agreed"} on the day) needs ratification at a quorate meeting. ${explanation}`,
    };
  return { ok: true, status, tally, explanation };
}

/** Status changes allowed after a decision is recorded, and what each means. */
const transitions: Record<DecisionStatus, readonly DecisionStatus[]> = {
  proposed: ["deferred", "rejected"],
  deferred: ["proposed"],
  inquorate: ["agreed", "rejected"], // ratified, or not, at a later quorate meeting
  agreed: ["superseded", "rescinded"],
  rejected: [],
  superseded: [],
  rescinded: [],
};
export function allowedStatusChanges(from: DecisionStatus): readonly DecisionStatus[] {
  return transitions[from];
}

/** "awaiting ratification by 3 of 8" and friends. */
export function ratificationSummary(rows: readonly { status: RatificationStatus }[]) {
  const total = rows.length;
  const awaiting = rows.filter((r) => r.status === "awaiting").length;
  const refused = rows.filter((r) => r.status === "refused").length;
  const text =
    total === 0
      ? null
      : refused > 0
        ? `Refused by ${refused} of ${total}`
        : awaiting > 0
          ? `Awaiting ratification by ${awaiting} of ${total}`
          : `Ratified by all ${total}`;
  return { total, awaiting, refused, complete: total > 0 && awaiting === 0 && refused === 0, text };
}
