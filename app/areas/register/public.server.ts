// The register area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { boardOnDate, listPartnersForRules, listPeopleInPartnership, listSeats, mostSeniorMember, partnershipProblems, toRuleSeat } from "./board.server";
export type { SeatRow } from "./board.server";
export { registerMessages } from "./reminders.server";
export { applyTermsApproval, draftOf, termsInForce } from "./terms.server";
