// The actions area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { createAction, findAction, insertAction, listActions, newActionSchema, updateAction } from "./actions.server";
export type { ActionOrigin } from "./actions.server";
export { actionMessages } from "./reminders.server";
