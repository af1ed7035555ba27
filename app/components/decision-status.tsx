import type { DecisionStatus } from "../domain/vocabulary";
import type { TagColour } from "./forms";

export const decisionStatusColour = (s: DecisionStatus): TagColour =>
  s === "agreed" ? "green" : s === "inquorate" || s === "rejected" ? "red" : s === "proposed" || s === "deferred" ? "yellow" : "grey";
