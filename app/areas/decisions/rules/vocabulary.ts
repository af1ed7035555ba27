// The decision log's vocabularies: stored as text in the database,
// validated with zod at every edge, labelled for people here.

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
