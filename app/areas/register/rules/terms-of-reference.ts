import { z } from "zod";
import { addDays, formatDate } from "../../../platform/time/dates";
import { boardRoleLabels, boardRoles, decisionMethodLabels, decisionMethods, nonOfficerTiers, officerTiers, seniorityTierLabels, votingBasisLabels, votingBases } from "./vocabulary";
import { organisationTypeLabels, organisationTypes, partnerRoleLabels, partnerRoles } from "../../partnerships/public";

// Terms of reference: the written sections people read, and the rules the
// platform applies (quorum, seniority, decision method). Both are stored as
// JSON on each version and parsed with these schemas whenever they are read,
// so every version, old or new, is checked against one definition.

export const termsSectionKeys = [
  "purpose",
  "scope",
  "membership",
  "chair",
  "quorum",
  "decisionMaking",
  "meetingFrequency",
  "reportingLines",
  "conflictsOfInterest",
  "youngPeoplesRole",
] as const;
export type TermsSectionKey = (typeof termsSectionKeys)[number];
export const termsSectionLabels: Record<TermsSectionKey, string> = {
  purpose: "Purpose",
  scope: "Scope",
  membership: "Membership",
  chair: "Chair",
  quorum: "Quorum",
  decisionMaking: "Decision-making",
  meetingFrequency: "Meeting frequency",
  reportingLines: "Reporting lines",
  conflictsOfInterest: "Conflicts of interest",
  youngPeoplesRole: "Young people's role",
};

export const termsSectionsSchema = z.object(
  Object.fromEntries(termsSectionKeys.map((k) => [k, z.string().max(10_000).default("")])) as Record<
    TermsSectionKey,
    z.ZodDefault<z.ZodString>
  >,
);
export type TermsSections = z.output<typeof termsSectionsSchema>;

export const quorumRuleSchema = z.object({
  /** Voting members who must be present (deputies count only if `deputiesCount`). */
  minVotingMembers: z.int().min(1).max(200),
  /** Partner organisations that must be represented by a counted member. */
  minPartners: z.int().min(0).max(200),
  /** At least one of these seats must be present in person (e.g. the chair or the vice-chair); empty: none required. */
  requiredRolesAnyOf: z.array(z.enum(boardRoles)).default([]),
  /** The lead body must be represented. */
  leadPartnerRequired: z.boolean().default(false),
  /** A deputy standing in with a valid delegation counts for the member they replace. */
  deputiesCount: z.boolean().default(true),
  /** Members below the seniority the terms require are not counted. */
  onlySeniorEnoughCount: z.boolean().default(false),
});
export type QuorumRule = z.output<typeof quorumRuleSchema>;

export const seniorityTargets = ["partner_type", "partner_role", "board_role"] as const;
export type SeniorityTarget = (typeof seniorityTargets)[number];

export const seniorityRuleSchema = z.discriminatedUnion("appliesTo", [
  z.object({
    appliesTo: z.literal("partner_type"),
    value: z.enum(organisationTypes),
    minimumTier: z.enum(officerTiers),
    alsoAccept: z.array(z.enum(nonOfficerTiers)).default([]),
  }),
  z.object({
    appliesTo: z.literal("partner_role"),
    value: z.enum(partnerRoles),
    minimumTier: z.enum(officerTiers),
    alsoAccept: z.array(z.enum(nonOfficerTiers)).default([]),
  }),
  z.object({
    appliesTo: z.literal("board_role"),
    value: z.enum(boardRoles),
    minimumTier: z.enum(officerTiers),
    alsoAccept: z.array(z.enum(nonOfficerTiers)).default([]),
  }),
]);
export type SeniorityRule = z.output<typeof seniorityRuleSchema>;

export const ratificationRefusalEffects = ["decision_falls", "decision_stands"] as const;
export type RatificationRefusalEffect = (typeof ratificationRefusalEffects)[number];
export const ratificationRefusalLabels: Record<RatificationRefusalEffect, string> = {
  decision_falls: "The decision falls: it is recorded as rejected",
  decision_stands: "The decision stands for the others; the refusing partner is not bound by it",
};

export const decisionRuleSchema = z.object({
  method: z.enum(decisionMethods),
  votingBasis: z.enum(votingBases).default("per_member"),
  /** Partners of these types ratify decisions through their own bodies when a decision needs it (e.g. each borough's Cabinet). */
  ratifyingPartnerTypes: z.array(z.enum(organisationTypes)).default([]),
  /** What those bodies are called, e.g. "Cabinet". */
  ratifyingBody: z.string().max(100).default(""),
  /** What one partner's body refusing to ratify does: the decision falls (is rejected), or stands and that partner is not bound. */
  whenRatificationRefused: z.enum(ratificationRefusalEffects).default("decision_falls"),
});
export type DecisionRule = z.output<typeof decisionRuleSchema>;

/**
 * Call-in, as councils' constitutions set it: which decisions scrutiny may
 * call in before they are implemented, for how long after publication, how
 * many scrutiny members must sign (or the committee's chair alone), whether
 * grounds are required, and how soon a call-in is considered and a decision
 * referred back reconsidered. Periods are London working days. An urgent
 * decision (marked so with a reason) is never subject to it.
 */
export const callInScopes = ["none", "key_decisions", "all"] as const;
export type CallInScope = (typeof callInScopes)[number];
export const callInScopeLabels: Record<CallInScope, string> = { none: "No decisions", key_decisions: "Key decisions only", all: "All decisions" };
export const CALL_IN_LIMITS = { window: [1, 20], signatories: [1, 10], consider: [1, 60], reconsider: [1, 60] } as const;
export const callInRuleSchema = z.object({
  appliesTo: z.enum(callInScopes).default("none"),
  windowWorkingDays: z.number().int().min(CALL_IN_LIMITS.window[0]).max(CALL_IN_LIMITS.window[1]).default(5),
  signatories: z.number().int().min(CALL_IN_LIMITS.signatories[0]).max(CALL_IN_LIMITS.signatories[1]).default(2),
  /** The scrutiny committee's chair may call a decision in alone. */
  chairAlone: z.boolean().default(true),
  groundsRequired: z.boolean().default(true),
  considerWithinWorkingDays: z.number().int().min(CALL_IN_LIMITS.consider[0]).max(CALL_IN_LIMITS.consider[1]).default(15),
  reconsiderWithinWorkingDays: z.number().int().min(CALL_IN_LIMITS.reconsider[0]).max(CALL_IN_LIMITS.reconsider[1]).default(10),
});
export type CallInRule = z.output<typeof callInRuleSchema>;

export const termsRulesSchema = z.object({
  quorum: quorumRuleSchema,
  seniority: z.array(seniorityRuleSchema).max(30).default([]),
  decisions: decisionRuleSchema,
  // Terms written before call-in was a rule hold none: no decision is subject to it.
  callIn: callInRuleSchema.prefault({}),
});
export type TermsRules = z.output<typeof termsRulesSchema>;
/** Rules as written before defaults are applied (what seeds and stored JSON may hold). */
export type TermsRulesInput = z.input<typeof termsRulesSchema>;

// Lower-cases a label for use mid-sentence, leaving acronyms ("NHS") alone.
const midSentence = (label: string) => (/^[A-Z]{2,}\b/.test(label) ? label : label.toLowerCase());

/** The target a seniority row applies to, written "kind:value" in the form (e.g. "partner_role:member_authority"). */
export const seniorityTargetValue = (r: Pick<SeniorityRule, "appliesTo" | "value">) => `${r.appliesTo}:${r.value}`;

/** Blank rows the draft form offers for new seniority rules. */
export const SENIORITY_FORM_ROWS_EXTRA = 2;

export function describeSeniorityRule(rule: SeniorityRule): string {
  const who =
    rule.appliesTo === "partner_type"
      ? `Every ${midSentence(organisationTypeLabels[rule.value])} partner's members and deputies`
      : rule.appliesTo === "partner_role"
        ? `Members and deputies of each ${partnerRoleLabels[rule.value].toLowerCase()}`
        : `The ${boardRoleLabels[rule.value].toLowerCase()}`;
  const also = rule.alsoAccept.map((t) => seniorityTierLabels[t].toLowerCase());
  const tier = seniorityTierLabels[rule.minimumTier].toLowerCase();
  const atLeast = rule.minimumTier === "director" ? tier : `${tier} or above`;
  return `${who}: ${atLeast}${also.length ? `, or ${also.join(" or ")}` : ""}`;
}

function listOr(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** The rules as sentences, one per line: what people read, and what a comparison shows. */
export function describeRules(rules: TermsRules): string[] {
  const q = rules.quorum;
  const lines = [
    `Quorum: at least ${q.minVotingMembers} voting member${q.minVotingMembers === 1 ? "" : "s"} present`,
    `Quorum: at least ${q.minPartners} partner organisation${q.minPartners === 1 ? "" : "s"} represented`,
    q.requiredRolesAnyOf.length
      ? `Quorum: the ${listOr(q.requiredRolesAnyOf.map((r) => boardRoleLabels[r].toLowerCase()))} must be present`
      : "Quorum: no particular seat must be present",
    q.leadPartnerRequired ? "Quorum: the lead body must be represented" : "Quorum: the lead body need not be represented",
    q.deputiesCount ? "Quorum: deputies with a valid delegation count for their member" : "Quorum: deputies do not count",
    q.onlySeniorEnoughCount
      ? "Quorum: members below the required seniority are not counted"
      : "Quorum: members below the required seniority still count",
    ...(rules.seniority.length ? rules.seniority.map((r) => `Seniority: ${describeSeniorityRule(r)}`) : ["Seniority: no minimum set"]),
    `Decisions: ${decisionMethodLabels[rules.decisions.method].toLowerCase()}, ${votingBasisLabels[rules.decisions.votingBasis].toLowerCase()}`,
    rules.decisions.ratifyingPartnerTypes.length
      ? `Ratification: where a decision needs it, by each ${rules.decisions.ratifyingPartnerTypes.map((t) => midSentence(organisationTypeLabels[t])).join(" or ")} partner's ${rules.decisions.ratifyingBody || "own governing body"}; if one refuses, ${rules.decisions.whenRatificationRefused === "decision_falls" ? "the decision falls" : "the decision stands for the others"}`
      : "Ratification: not needed by partners' own bodies",
    describeCallIn(rules.callIn),
  ];
  return lines;
}

const days = (n: number) => `${n} working day${n === 1 ? "" : "s"}`;

export function describeCallIn(c: CallInRule): string {
  if (c.appliesTo === "none") return "Call-in: no decisions are subject to call-in";
  const who = `${c.signatories} scrutiny member${c.signatories === 1 ? "" : "s"}${c.chairAlone && c.signatories > 1 ? " (or the committee's chair alone)" : ""}`;
  return (
    `Call-in: ${c.appliesTo === "all" ? "every decision" : "key decisions"}, except urgent ones, may be called in within ${days(c.windowWorkingDays)} of publication by ${who}` +
    `${c.groundsRequired ? ", giving grounds" : ""}; considered within ${days(c.considerWithinWorkingDays)}, and a decision referred back reconsidered within ${days(c.reconsiderWithinWorkingDays)}`
  );
}

/** A sensible first version for a new partnership. */
export const defaultTermsRules: TermsRules = {
  quorum: {
    minVotingMembers: 2,
    minPartners: 2,
    requiredRolesAnyOf: ["chair", "vice_chair"],
    leadPartnerRequired: false,
    deputiesCount: true,
    onlySeniorEnoughCount: false,
  },
  seniority: [],
  decisions: { method: "consensus", votingBasis: "per_member", ratifyingPartnerTypes: [], ratifyingBody: "", whenRatificationRefused: "decision_falls" },
  callIn: callInRuleSchema.parse({}),
};

export type TermsVersionSummary = {
  id: string;
  versionNumber: number;
  status: "draft" | "approved" | "superseded";
  effectiveFrom: string | null;
};

/**
 * The version in force on a date: of the versions that were ever approved,
 * the one with the latest effective-from date on or before it. Drafts never
 * govern anything. Returns undefined before the first version took effect.
 */
export function versionInForce<T extends TermsVersionSummary>(versions: readonly T[], onDate: string): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (v.status === "draft" || !v.effectiveFrom || v.effectiveFrom > onDate) continue;
    if (
      !best ||
      v.effectiveFrom > best.effectiveFrom! ||
      (v.effectiveFrom === best.effectiveFrom && v.versionNumber > best.versionNumber)
    )
      best = v;
  }
  return best;
}

export type TermsProblem =
  | { kind: "no_terms_in_force"; message: string }
  | { kind: "terms_review_overdue" | "terms_review_due"; reviewDate: string; message: string };

export const TERMS_REVIEW_WARNING_DAYS = 60;

/** What needs attention about the terms of reference on a date. */
export function termsProblems(inForce: { versionNumber: number; reviewDate: string | null } | undefined, onDate: string): TermsProblem[] {
  if (!inForce)
    return [{ kind: "no_terms_in_force", message: "No approved terms of reference are in force, so quorum and seniority cannot be checked." }];
  const { reviewDate, versionNumber } = inForce;
  if (!reviewDate) return [];
  if (reviewDate < onDate)
    return [{ kind: "terms_review_overdue", reviewDate, message: `The terms of reference (version ${versionNumber}) were due for review on ${formatDate(reviewDate)}.` }];
  if (reviewDate <= addDays(onDate, TERMS_REVIEW_WARNING_DAYS))
    return [{ kind: "terms_review_due", reviewDate, message: `The terms of reference (version ${versionNumber}) are due for review on ${formatDate(reviewDate)}.` }];
  return [];
}
