// The meetings area's pure rules and vocabulary that other areas use: the only file of its rules they import.

export type { AgendaPurpose, MeetingType } from "./rules/vocabulary";
export { agendaPurposes, meetingTypeLabels, meetingTypes } from "./rules/vocabulary";
