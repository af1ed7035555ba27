// The participation area's pure door: its vocabulary and the suppression of
// small numbers, for pages and the audit catalogue elsewhere.

export { activityKindLabels, activityKinds, lundyElements, lundyLabels, type ActivityKind } from "./rules/activities";
export { ageBandLabels, ageBands, type AgeBand } from "./rules/accounts";
export { consentGiverLabels, consentGivers, consentScopeShortLabels, consentScopes, type ConsentGiver, type ConsentScope } from "./rules/consent";
export { ideaKinds, type IdeaKind } from "./rules/moderation";
export { DEFAULT_SUPPRESSION_THRESHOLD, showCount, suppressionNote, type ShownCount } from "./rules/suppression";
