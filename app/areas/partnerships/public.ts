// The partnerships area's pure rules and vocabulary that other areas use: the only file of its rules they import.

export { organisationTypeLabels, organisationTypes, partnerRoleLabels, partnerRoles } from "./rules/vocabulary";
export type { KeyDateKind, OrganisationType, PartnerRole, PartnershipStatus, PartnershipType } from "./rules/vocabulary";
export { keyDateKindLabels, keyDateKinds, partnershipStatuses, partnershipTypes } from "./rules/vocabulary";
