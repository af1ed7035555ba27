import type { DecisionStatus } from "../rules/vocabulary";
import type { TagColour } from "../../../platform/ui/forms";

export const decisionStatusColour = (s: DecisionStatus): TagColour =>
  s === "agreed" ? "green" : s === "inquorate" || s === "rejected" ? "red" : s === "proposed" || s === "deferred" ? "yellow" : "grey";
