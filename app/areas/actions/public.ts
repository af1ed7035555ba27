// The actions area's pure rules and vocabulary that other areas use: the only file of its rules they import.

export { actionStatusLabels } from "./rules";
export { actionStatuses } from "./rules";
export type { ActionStatus } from "./rules";
