// Meetings' vocabularies: stored as text in the database,
// validated with zod at every edge, labelled for people here.

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

export const minutesStatuses = ["draft", "circulated", "approved"] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];
export const minutesStatusLabels: Record<MinutesStatus, string> = {
  draft: "Draft",
  circulated: "Circulated for approval",
  approved: "Approved",
};
