import { addWorkingDays } from "../../../platform/time/working-days";
import type { CallInRule } from "../../register/public";

// Call-in, as the terms of reference set it (register/rules/terms-of-reference.ts):
// which decisions scrutiny may call in, until when, who must sign, and by when a
// call-in is considered and a decision referred back reconsidered. Every
// period is in working days in England and Wales after the day that starts it
// (that day itself not counted), so a decision published on a Saturday or
// a bank holiday starts its count on the next working day.

export type CallInDecision = {
  /** A key decision, in the council's sense (significant spending or effect on communities). */
  keyDecision: boolean;
  /** Marked urgent, with this reason: not subject to call-in. */
  urgentReason: string | null;
  /** The day the decision was published (recorded): the call-in period counts from it. */
  publishedOn: string;
};

export type Subjection = { subject: true } | { subject: false; why: string };

/** Whether a decision may be called in at all under the rule. */
export function subjectToCallIn(rule: CallInRule, d: Pick<CallInDecision, "keyDecision" | "urgentReason">): Subjection {
  if (rule.appliesTo === "none") return { subject: false, why: "The terms of reference make no decisions subject to call-in" };
  if (d.urgentReason && d.urgentReason.trim() !== "") return { subject: false, why: `It was marked urgent: ${d.urgentReason.trim()}` };
  if (rule.appliesTo === "key_decisions" && !d.keyDecision) return { subject: false, why: "Only key decisions may be called in, and this is not one" };
  return { subject: true };
}

/** The last day a call-in may be made, and the first day the decision may be implemented if none is. */
export function callInPeriod(rule: CallInRule, publishedOn: string) {
  const lastDay = addWorkingDays(publishedOn, rule.windowWorkingDays);
  return { lastDay, implementableFrom: addWorkingDays(lastDay, 1) };
}

/** Whether a call-in may still be made today (the publication day through the last day, inclusive). */
export function callInOpen(rule: CallInRule, d: CallInDecision, today: string): boolean {
  if (!subjectToCallIn(rule, d).subject) return false;
  return today >= d.publishedOn && today <= callInPeriod(rule, d.publishedOn).lastDay;
}

export type Signatory = { userId: string; isCommitteeChair: boolean };

/**
 * Whether the signatures make a valid call-in: enough different scrutiny
 * members, or the committee's chair alone where the rule allows it. A person
 * who signs twice counts once.
 */
export function enoughSignatures(rule: CallInRule, signatories: readonly Signatory[]): { enough: true } | { enough: false; needed: number } {
  const distinct = new Map(signatories.map((s) => [s.userId, s]));
  if (rule.chairAlone && [...distinct.values()].some((s) => s.isCommitteeChair)) return { enough: true };
  return distinct.size >= rule.signatories ? { enough: true } : { enough: false, needed: rule.signatories - distinct.size };
}

/** What is wrong with a call-in's grounds under the rule, or null. */
export function groundsProblem(rule: CallInRule, grounds: string | null | undefined): string | null {
  if (rule.groundsRequired && (!grounds || grounds.trim() === "")) return "Give the grounds for calling the decision in";
  return null;
}

/** By when a call-in made on a day must be considered. */
export const considerBy = (rule: CallInRule, calledInOn: string) => addWorkingDays(calledInOn, rule.considerWithinWorkingDays);
/** By when a decision referred back on a day must be reconsidered. */
export const reconsiderBy = (rule: CallInRule, referredBackOn: string) => addWorkingDays(referredBackOn, rule.reconsiderWithinWorkingDays);

export const callInOutcomes = ["no_further_action", "referred_back", "confirmed", "changed"] as const;
export type CallInOutcome = (typeof callInOutcomes)[number];
export type CallInStatus = "gathering" | "called_in" | CallInOutcome;
/** Where a call-in stands, mid-sentence ("LCIP-2026-004 …: referred back to the board, …"). */
export const callInStatusWords: Record<CallInStatus, string> = {
  gathering: "signatures being gathered",
  called_in: "called in, waiting for the scrutiny committee",
  no_further_action: "the committee took no further action",
  referred_back: "referred back to the board, waiting for it to reconsider",
  confirmed: "reconsidered and confirmed by the board",
  changed: "reconsidered and changed by a new decision",
};

export type CallInRecord = { calledInOn: string; outcome: CallInOutcome | null; outcomeOn: string | null; reconsideredOn?: string | null };

export type ImplementationState =
  | { state: "not_subject"; why: string }
  | { state: "in_period"; lastDay: string; implementableFrom: string }
  | { state: "implementable"; from: string }
  | { state: "called_in"; considerBy: string; overdue: boolean }
  | { state: "referred_back"; reconsiderBy: string; overdue: boolean }
  | { state: "replaced" };

/**
 * Where a decision stands under call-in on a day: not subject to it; inside
 * its call-in period (not to be implemented yet); implementable; called in
 * (suspended until considered); referred back (suspended until
 * reconsidered); or replaced by the decision that changed it.
 */
export function implementationState(rule: CallInRule, d: CallInDecision, callIn: CallInRecord | null, today: string): ImplementationState {
  if (callIn) {
    if (callIn.outcome === null) {
      const by = considerBy(rule, callIn.calledInOn);
      return { state: "called_in", considerBy: by, overdue: today > by };
    }
    if (callIn.outcome === "no_further_action" || callIn.outcome === "confirmed") return { state: "implementable", from: callIn.outcomeOn ?? callIn.calledInOn };
    if (callIn.outcome === "changed") return { state: "replaced" };
    const by = reconsiderBy(rule, callIn.outcomeOn ?? callIn.calledInOn);
    return { state: "referred_back", reconsiderBy: by, overdue: today > by };
  }
  const subject = subjectToCallIn(rule, d);
  if (!subject.subject) return { state: "not_subject", why: subject.why };
  const period = callInPeriod(rule, d.publishedOn);
  return today < period.implementableFrom ? { state: "in_period", ...period } : { state: "implementable", from: period.implementableFrom };
}
