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
