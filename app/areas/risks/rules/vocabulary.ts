// The shared risk register's vocabularies, in the words of HM Treasury's
// Orange Book (2023) and its Risk Appetite Guidance: stored as text in the
// database, validated with zod at every edge, labelled for people here.

export const riskCategories = [
  "service_delivery",
  "financial",
  "demand",
  "workforce",
  "safeguarding",
  "legal_contractual",
  "reputational",
  "data_information",
  "partnership_relationship",
] as const;
export type RiskCategory = (typeof riskCategories)[number];
export const riskCategoryLabels: Record<RiskCategory, string> = {
  service_delivery: "Service delivery",
  financial: "Financial",
  demand: "Demand",
  workforce: "Workforce",
  safeguarding: "Safeguarding",
  legal_contractual: "Legal and contractual",
  reputational: "Reputational",
  data_information: "Data and information",
  partnership_relationship: "Partnership relationship",
};
/** Hint text for the category field: risks of each kind that partnerships like NELCP, Leicestershire's CIP and Newport carried. */
export const riskCategoryHints: Record<RiskCategory, string> = {
  service_delivery: "For example, providers unwilling to bid under a block contract, or placements far from children's homes",
  financial: "For example, co-investment not matched, a partner investing up front without a guarantee, or funding ending",
  demand: "For example, demand outstripping the family support service, or fewer placements needed than planned",
  workforce: "For example, relying on one implementation lead, or losing staff when contracts are short",
  safeguarding: "For example, pressure to fill a vacant placement with a child it does not suit",
  legal_contractual: "For example, failing to contract a suitable provider in time, or the yearly review of a ten-year agreement",
  reputational: "For example, a service failure reported in the local press or raised by a scrutiny committee",
  data_information: "For example, sharing children's records between partners without an agreement",
  partnership_relationship: "For example, a partner disengaging, or tension between providers bidding against each other",
};

/**
 * Where a risk stands. An escalated risk goes to the board; a transferred
 * risk has moved to a partner's own register (the record says which and why)
 * and is no longer scored or reviewed here, like a closed one.
 */
export const riskStatuses = ["open", "escalated", "closed", "transferred"] as const;
export type RiskStatus = (typeof riskStatuses)[number];
export const riskStatusLabels: Record<RiskStatus, string> = {
  open: "Open",
  escalated: "Escalated to the board",
  closed: "Closed",
  transferred: "Transferred to a partner's register",
};
/** Statuses whose risks are still managed here: scored, reviewed, reminded and escalated. */
export const liveRiskStatuses: readonly RiskStatus[] = ["open", "escalated"];
export const isLiveRisk = (status: RiskStatus) => liveRiskStatuses.includes(status);

/** Status changes allowed, and what each means: a closed or transferred risk can be reopened (it came back). */
const statusTransitions: Record<RiskStatus, readonly RiskStatus[]> = {
  open: ["escalated", "closed", "transferred"],
  escalated: ["open", "closed", "transferred"], // back to open: the board de-escalated it
  closed: ["open"],
  transferred: ["open"],
};
export function allowedRiskStatusChanges(from: RiskStatus): readonly RiskStatus[] {
  return statusTransitions[from];
}

/** Whether the risk is held for the whole partnership or is one partner's own. */
export const riskScopes = ["shared", "partner_only"] as const;
export type RiskScope = (typeof riskScopes)[number];
export const riskScopeLabels: Record<RiskScope, string> = {
  shared: "Shared by the partnership",
  partner_only: "One partner's only",
};

/** The Orange Book's risk appetite levels, from least to most willing to take risk. */
export const appetiteLevels = ["averse", "minimal", "cautious", "open", "eager"] as const;
export type AppetiteLevel = (typeof appetiteLevels)[number];
export const appetiteLevelLabels: Record<AppetiteLevel, string> = {
  averse: "Averse",
  minimal: "Minimal",
  cautious: "Cautious",
  open: "Open",
  eager: "Eager",
};
/** Plain-English versions of the Orange Book Risk Appetite Guidance's definitions. */
export const appetiteLevelDescriptions: Record<AppetiteLevel, string> = {
  averse: "Avoid risk and uncertainty. Only do what carries virtually no risk, even if that means doing less.",
  minimal: "Prefer very safe options with little risk, even if the benefit is small.",
  cautious: "Prefer safe options, but accept some risk where there is a clear and significant benefit.",
  open: "Consider every option and choose the one most likely to succeed and give good value, accepting the risk that comes with it.",
  eager: "Seek out new ways of working and the biggest benefits, accepting that some will carry a high risk.",
};

/** How well a control works, as the owner last judged it. */
export const controlEffectivenessRatings = ["effective", "partly_effective", "ineffective", "not_assessed"] as const;
export type ControlEffectiveness = (typeof controlEffectivenessRatings)[number];
export const controlEffectivenessLabels: Record<ControlEffectiveness, string> = {
  effective: "Effective",
  partly_effective: "Partly effective",
  ineffective: "Ineffective",
  not_assessed: "Not yet assessed",
};
export const controlEffectivenessDescriptions: Record<ControlEffectiveness, string> = {
  effective: "Designed well and working as intended: it reduces the risk as expected.",
  partly_effective: "Works some of the time, or only reduces part of the risk: it needs improving.",
  ineffective: "Does not reduce the risk in practice: it needs replacing or a new control.",
  not_assessed: "Nobody has yet checked whether it works.",
};

/** Where a mitigating action stands: planned and in-progress actions are open (they can still reduce the score). */
export const mitigationStatuses = ["planned", "in_progress", "completed", "cancelled"] as const;
export type MitigationStatus = (typeof mitigationStatuses)[number];
export const mitigationStatusLabels: Record<MitigationStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
};
export const isOpenMitigation = (status: MitigationStatus) => status === "planned" || status === "in_progress";

/** How often a risk is reviewed: a number of calendar months. */
export const reviewFrequencies = ["monthly", "quarterly", "half_yearly", "annually"] as const;
export type ReviewFrequency = (typeof reviewFrequencies)[number];
export const reviewFrequencyLabels: Record<ReviewFrequency, string> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  half_yearly: "Every six months",
  annually: "Every year",
};
export const reviewFrequencyMonths: Record<ReviewFrequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, annually: 12 };
/** One cycle, as said mid-sentence: "more than a month overdue". */
export const reviewCycleNouns: Record<ReviewFrequency, string> = {
  monthly: "a month",
  quarterly: "three months",
  half_yearly: "six months",
  annually: "a year",
};

/** The three RAG bands a score falls in. */
export const ragBands = ["green", "amber", "red"] as const;
export type RagBand = (typeof ragBands)[number];
export const ragBandLabels: Record<RagBand, string> = { green: "Green", amber: "Amber", red: "Red" };

/** Which of a risk's three assessments: before any controls, now, and where the partnership aims to get it. */
export const scoreKinds = ["inherent", "current", "target"] as const;
export type ScoreKind = (typeof scoreKinds)[number];
export const scoreKindLabels: Record<ScoreKind, string> = {
  inherent: "Inherent (before controls)",
  current: "Current (with controls in place)",
  target: "Target (after the planned actions)",
};

/** A score's movement from one review to the next. */
export const trendDirections = ["up", "down", "same"] as const;
export type TrendDirection = (typeof trendDirections)[number];
export const trendDirectionLabels: Record<TrendDirection, string> = { up: "Rising", down: "Falling", same: "No change" };
