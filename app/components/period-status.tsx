import type { PeriodStatus } from "../domain/obligations";
import type { TagColour } from "./forms";

export const periodStatusColour = (s: PeriodStatus): TagColour =>
  s === "accepted" ? "green" : s === "submitted" ? "blue" : s === "overdue" || s === "returned" ? "red" : s === "due_soon" ? "yellow" : "grey";
