// The register area's pure rules and vocabulary that other areas use: the only file of its rules they import.

export { attendanceStatusLabels, attendanceStatuses, deputyStatus, evaluateQuorum, isPartnerCurrent, isSeatCurrent, seniorityShortfalls } from "./rules/board-rules";
export type { Attendance, AttendanceStatus, QuorumResult } from "./rules/board-rules";
export type { ProblemItem } from "./rules/problems";
export { callInScopeLabels, defaultTermsRules, describeCallIn, termsRulesSchema, termsSectionKeys, termsSectionLabels, termsSectionsSchema } from "./rules/terms-of-reference";
export type { CallInRule, CallInScope, SeniorityRule, TermsRulesInput, TermsSectionKey, TermsSections } from "./rules/terms-of-reference";
export { boardRoleLabels, decisionMethodLabels, seniorityTierLabels } from "./rules/vocabulary";
export type { BoardRole, DecisionMethod, InterestType, SeniorityTier, VotingBasis } from "./rules/vocabulary";
export { boardRoles, decisionMethods, interestTypeLabels, interestTypes, seniorityTiers } from "./rules/vocabulary";
