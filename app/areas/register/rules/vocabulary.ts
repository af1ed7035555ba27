// The board register's and terms of reference's vocabularies: stored as text in the database,
// validated with zod at every edge, labelled for people here.

export const boardRoles = [
  "chair",
  "vice_chair",
  "member",
  "deputy",
  "young_peoples_rep",
  "scrutiny_rep",
  "adviser",
] as const;
export type BoardRole = (typeof boardRoles)[number];
export const boardRoleLabels: Record<BoardRole, string> = {
  chair: "Chair",
  vice_chair: "Vice-chair",
  member: "Member",
  deputy: "Deputy",
  young_peoples_rep: "Young people's representative",
  scrutiny_rep: "Scrutiny representative",
  adviser: "Adviser (no vote)",
};

// Ordered from most to least senior for officers; elected members and
// trustees are their own categories and are not ranked against officers.
export const seniorityTiers = [
  "director",
  "assistant_director",
  "head_of_service",
  "service_manager",
  "officer",
  "elected_member",
  "trustee",
] as const;
export type SeniorityTier = (typeof seniorityTiers)[number];
export const seniorityTierLabels: Record<SeniorityTier, string> = {
  director: "Chief executive or director",
  assistant_director: "Assistant director",
  head_of_service: "Head of service",
  service_manager: "Service manager",
  officer: "Officer",
  elected_member: "Elected member",
  trustee: "Trustee",
};

/** The officer tiers in order, most senior first (elected members and trustees are not on it). */
export const officerTiers = ["director", "assistant_director", "head_of_service", "service_manager", "officer"] as const;
export type OfficerTier = (typeof officerTiers)[number];

export const nonOfficerTiers = ["elected_member", "trustee"] as const;
export type NonOfficerTier = (typeof nonOfficerTiers)[number];

export const decisionMethods = ["consensus", "simple_majority", "two_thirds", "unanimous"] as const;
export type DecisionMethod = (typeof decisionMethods)[number];
export const decisionMethodLabels: Record<DecisionMethod, string> = {
  consensus: "Consensus",
  simple_majority: "Simple majority",
  two_thirds: "Two-thirds majority",
  unanimous: "Unanimous",
};

export const votingBases = ["per_member", "per_partner"] as const;
export type VotingBasis = (typeof votingBases)[number];
export const votingBasisLabels: Record<VotingBasis, string> = {
  per_member: "One vote per voting member",
  per_partner: "One vote per partner organisation",
};

export const termsStatuses = ["draft", "approved", "superseded"] as const;
export type TermsStatus = (typeof termsStatuses)[number];
export const termsStatusLabels: Record<TermsStatus, string> = {
  draft: "Draft",
  approved: "In force",
  superseded: "Superseded",
};

export const interestTypes = ["financial", "non_financial_professional", "non_financial_personal", "family"] as const;
export type InterestType = (typeof interestTypes)[number];
export const interestTypeLabels: Record<InterestType, string> = {
  financial: "Financial",
  non_financial_professional: "Non-financial professional",
  non_financial_personal: "Non-financial personal",
  family: "Family member or close associate",
};

/** Board roles that represent an organisation in their own right (a deputy stands in for one of these). */
export const representativeBoardRoles: readonly BoardRole[] = ["chair", "vice_chair", "member"];
