// The decisions area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { insertDecision } from "./decision-records.server";
export { DECISION_FORM_ARRAYS, changeDecisionStatus, findDecision, decisionFormSchema, decisionLogQuerySchema, listDecisionLog, listProposals, outsideMeetingSchema, parseVotes, recordMeetingDecision, recordOutsideMeeting, updateRatification } from "./decisions.server";
export { approveTermsDraft, approveTermsSchema } from "./terms-approval.server";
