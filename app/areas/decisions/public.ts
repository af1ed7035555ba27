// The decisions area's pure rules and vocabulary that other areas use: the only file of its rules they import.

export { referencePrefix } from "./rules/decisions";
export { decisionStatusLabels, voteLabels, votes } from "./rules/vocabulary";
export type { DecisionStatus, RatificationStatus, Vote } from "./rules/vocabulary";
export { decisionRouteLabels, decisionRoutes, decisionStatuses, ratificationStatusLabels, ratificationStatuses } from "./rules/vocabulary";
