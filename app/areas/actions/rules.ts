// Actions' vocabulary and rules: pure, shared by pages and the server.

export const actionStatuses = ["open", "done", "cancelled"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusLabels: Record<ActionStatus | "overdue", string> = {
  open: "Open",
  done: "Done",
  cancelled: "Cancelled",
  overdue: "Overdue",
};

/** What an action's owner sees: open actions past their due date are overdue. */
export function actionState(status: ActionStatus, dueDate: string, today: string): ActionStatus | "overdue" {
  return status === "open" && dueDate < today ? "overdue" : status;
}

/** How many of a person's closed actions "my actions" shows: the latest. */
export const RECENTLY_CLOSED = 20;

/** How many open actions "my actions" lists, soonest due first (the count says how many there are in all). */
export const OPEN_SHOWN = 50;
