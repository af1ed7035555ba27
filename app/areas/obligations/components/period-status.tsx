import type { PeriodStatus } from "../rules/obligations";
import type { TagColour } from "../../../platform/ui/forms";

export const periodStatusColour = (s: PeriodStatus): TagColour =>
  s === "accepted" ? "green" : s === "submitted" ? "blue" : s === "overdue" || s === "returned" ? "red" : s === "due_soon" ? "yellow" : "grey";
