import type { ActionStatus } from "../partnerships/rules/vocabulary";

/** What an action's owner sees: open actions past their due date are overdue. */
export function actionState(status: ActionStatus, dueDate: string, today: string): ActionStatus | "overdue" {
  return status === "open" && dueDate < today ? "overdue" : status;
}
