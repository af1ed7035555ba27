// The partnerships area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { listCurrentPartnerOrganisations, listMyPartnerships, listPartners } from "./partnerships.server";
