// The risks area's pure rules and vocabulary that pages and other areas use: the only file of its rules they import.

export type {
  AppetiteLevel,
  ControlEffectiveness,
  MitigationStatus,
  RagBand,
  ReviewFrequency,
  RiskCategory,
  RiskScope,
  RiskStatus,
  ScoreKind,
  TrendDirection,
} from "./rules/vocabulary";
export {
  allowedRiskStatusChanges,
  appetiteLevelDescriptions,
  appetiteLevelLabels,
  appetiteLevels,
  controlEffectivenessDescriptions,
  controlEffectivenessLabels,
  controlEffectivenessRatings,
  isLiveRisk,
  isOpenMitigation,
  liveRiskStatuses,
  mitigationStatusLabels,
  mitigationStatuses,
  ragBandLabels,
  ragBands,
  reviewCycleNouns,
  reviewFrequencies,
  reviewFrequencyLabels,
  reviewFrequencyMonths,
  riskCategories,
  riskCategoryHints,
  riskCategoryLabels,
  riskScopeLabels,
  riskScopes,
  riskStatusLabels,
  riskStatuses,
  scoreKindLabels,
  scoreKinds,
  trendDirectionLabels,
  trendDirections,
} from "./rules/vocabulary";

export type {
  AppetiteCheck,
  AppetiteMaxima,
  AppetiteStatement,
  BandRange,
  BandThresholds,
  LevelDefinition,
  LevelDefinitions,
  LevelKey,
  Rating,
  RiskLevel,
  RiskSettings,
  RiskSettingsInput,
} from "./rules/scoring";
export {
  DEFAULT_ESCALATION_THRESHOLD,
  MAX_SCORE,
  MIN_SCORE,
  appetiteCheck,
  appetiteMaximum,
  appetiteStatementSchema,
  bandRanges,
  defaultAppetiteMaxima,
  defaultBandThresholds,
  defaultImpactDefinitions,
  defaultLikelihoodDefinitions,
  defaultRiskSettings,
  describeRating,
  isAboveAppetite,
  isPossibleScore,
  isRiskLevel,
  levelDefinition,
  levelKeys,
  possibleScores,
  ragBand,
  riskLevels,
  riskScore,
  riskSettingsSchema,
  settingsProblems,
} from "./rules/scoring";

export type { PlannedReviewReminder, ReviewReminderStage, ReviewState, RiskForReviewReminders } from "./rules/reviews";
export {
  REVIEW_DUE_SOON_DAYS,
  addMonths,
  describeReviewDue,
  describeReviewReminderStage,
  isReviewOverdue,
  isReviewOverdueByMoreThanOneCycle,
  lastDayWithinOneCycle,
  nextReviewDate,
  plannedReviewReminders,
  reviewReminderDates,
  reviewReminderStages,
  reviewState,
  reviewStateLabels,
  reviewStates,
} from "./rules/reviews";

export type { ReviewScores, TrendPoint } from "./rules/trend";
export { scoreTrend, trendDirection } from "./rules/trend";

export type { AssessedRisk, CellCount, HeatMap, HeatMapCell, HeatMapRow, PlacedRating, RiskMovement } from "./rules/heat-map";
export { heatMap, heatMapCell, heatMapOfCounts, riskMovements } from "./rules/heat-map";

export type { MitigationForReachability, ReachabilityReason, ReachabilityReasonKey, TargetReachability } from "./rules/reachability";
export { reachabilityReasonKeys, targetReachability } from "./rules/reachability";

export type { BoardMeetingChoice, DeferralResult, EscalationReason, EscalationReasonKey, RiskForEscalation, UpcomingMeeting } from "./rules/escalation";
export {
  MAX_ESCALATION_DEFERRALS,
  boardMeetingForEscalation,
  canDeferEscalation,
  deferEscalation,
  escalatedStatus,
  escalationReasonKeys,
  escalationReasonLabels,
  escalationReasons,
  nextBoardMeeting,
} from "./rules/escalation";

export { formatRiskReference, nextRiskNumber, parseRiskReference, riskReferencePrefix } from "./rules/references";

export type { RiskInput, RiskReviewInput, RiskStatusChangeInput } from "./rules/forms";
export {
  checkRisk,
  checkRiskReview,
  checkRiskStatusChange,
  escalationDeferralSchema,
  escalationDeferralShape,
  ratingsOf,
  reviewProblems,
  riskProblems,
  riskReviewSchema,
  riskReviewShape,
  riskSchema,
  riskSettingsFormFields,
  riskSettingsFormSchema,
  riskSettingsFormValues,
  riskShape,
  riskStatusChangeSchema,
  riskStatusChangeShape,
  statusChangeProblems,
} from "./rules/forms";
