// The platform's controlled vocabularies: stored as text in the database,
// validated with zod at every edge, labelled for people here.

export const organisationTypes = [
  "local_authority",
  "voluntary_sector",
  "private_provider",
  "nhs",
  "police",
  "school",
  "university",
  "funder",
] as const;
export type OrganisationType = (typeof organisationTypes)[number];
export const organisationTypeLabels: Record<OrganisationType, string> = {
  local_authority: "Local authority",
  voluntary_sector: "Voluntary sector",
  private_provider: "Private provider",
  nhs: "NHS",
  police: "Police",
  school: "School",
  university: "University or evaluator",
  funder: "Funder",
};

export const partnerRoles = [
  "lead_authority",
  "member_authority",
  "delivery_partner",
  "co_production_partner",
  "evaluation_partner",
] as const;
export type PartnerRole = (typeof partnerRoles)[number];
export const partnerRoleLabels: Record<PartnerRole, string> = {
  lead_authority: "Lead authority",
  member_authority: "Member authority",
  delivery_partner: "Delivery partner",
  co_production_partner: "Co-production partner",
  evaluation_partner: "Evaluation partner",
};

export const partnershipTypes = [
  "commissioning_partnership",
  "innovation_partnership",
  "strategic_partnership",
] as const;
export type PartnershipType = (typeof partnershipTypes)[number];
export const partnershipTypeLabels: Record<PartnershipType, string> = {
  commissioning_partnership: "Commissioning partnership",
  innovation_partnership: "Innovation partnership",
  strategic_partnership: "Strategic partnership",
};

export const partnershipStatuses = ["forming", "active", "closing", "closed"] as const;
export type PartnershipStatus = (typeof partnershipStatuses)[number];

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

// Access roles a user holds within one partnership (what they may do here),
// distinct from the board role they hold on the register.
export const partnershipRoles = [
  "chair",
  "vice_chair",
  "board_member",
  "partner_rep",
  "secretariat",
  "participation_worker",
  "young_person",
  "scrutiny_member",
  "observer",
] as const;
export type PartnershipRole = (typeof partnershipRoles)[number];
export const partnershipRoleLabels: Record<PartnershipRole, string> = {
  chair: "Chair",
  vice_chair: "Vice-chair",
  board_member: "Board member",
  partner_rep: "Partner representative",
  secretariat: "Secretariat",
  participation_worker: "Participation worker",
  young_person: "Young person",
  scrutiny_member: "Scrutiny member",
  observer: "Observer",
};

/** The officer tiers in order, most senior first (elected members and trustees are not on it). */
export const officerTiers = ["director", "assistant_director", "head_of_service", "service_manager", "officer"] as const;
export type OfficerTier = (typeof officerTiers)[number];
export const nonOfficerTiers = ["elected_member", "trustee"] as const;
export type NonOfficerTier = (typeof nonOfficerTiers)[number];

export const partnershipStatusLabels: Record<PartnershipStatus, string> = {
  forming: "Forming",
  active: "Active",
  closing: "Closing",
  closed: "Closed",
};

// Dates in a partnership's agreement that people must not miss.
export const keyDateKinds = ["review", "break_clause", "extension"] as const;
export type KeyDateKind = (typeof keyDateKinds)[number];
export const keyDateKindLabels: Record<KeyDateKind, string> = {
  review: "Review date",
  break_clause: "Break clause",
  extension: "Extension",
};

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

export const meetingTypes = ["board", "steering_group", "working_group", "contract_review", "quarterly_review"] as const;
export type MeetingType = (typeof meetingTypes)[number];
export const meetingTypeLabels: Record<MeetingType, string> = {
  board: "Board meeting",
  steering_group: "Steering group",
  working_group: "Working group",
  contract_review: "Contract review meeting",
  quarterly_review: "Quarterly review",
};

export const agendaPurposes = ["decision", "discussion", "information"] as const;
export type AgendaPurpose = (typeof agendaPurposes)[number];
export const agendaPurposeLabels: Record<AgendaPurpose, string> = {
  decision: "For decision",
  discussion: "For discussion",
  information: "For information",
};

export const decisionRoutes = ["meeting", "written_procedure", "chairs_action"] as const;
export type DecisionRoute = (typeof decisionRoutes)[number];
export const decisionRouteLabels: Record<DecisionRoute, string> = {
  meeting: "At a meeting",
  written_procedure: "Written procedure",
  chairs_action: "Chair's action",
};

export const decisionStatuses = ["proposed", "agreed", "inquorate", "rejected", "deferred", "superseded", "rescinded"] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];
export const decisionStatusLabels: Record<DecisionStatus, string> = {
  proposed: "Proposed",
  agreed: "Agreed",
  inquorate: "Inquorate – needs ratification",
  rejected: "Rejected",
  deferred: "Deferred",
  superseded: "Superseded",
  rescinded: "Rescinded",
};

export const votes = ["for", "against", "abstain"] as const;
export type Vote = (typeof votes)[number];
export const voteLabels: Record<Vote, string> = { for: "For", against: "Against", abstain: "Abstain" };

export const ratificationStatuses = ["awaiting", "ratified", "refused"] as const;
export type RatificationStatus = (typeof ratificationStatuses)[number];
export const ratificationStatusLabels: Record<RatificationStatus, string> = {
  awaiting: "Awaiting",
  ratified: "Ratified",
  refused: "Refused",
};

export const actionStatuses = ["open", "done", "cancelled"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusLabels: Record<ActionStatus | "overdue", string> = {
  open: "Open",
  done: "Done",
  cancelled: "Cancelled",
  overdue: "Overdue",
};

export const minutesStatuses = ["draft", "circulated", "approved"] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];
export const minutesStatusLabels: Record<MinutesStatus, string> = {
  draft: "Draft",
  circulated: "Circulated for approval",
  approved: "Approved",
};
