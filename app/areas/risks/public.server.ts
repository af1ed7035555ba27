// The risks area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { getRisk, listRisks, listRisksWithDecisions, loadAppetite, riskAttention, riskSettingsOf } from "./register.server";
export type { RiskDetail, RiskFilters } from "./register.server";
export { escalateRisks, linkEscalationDecision, deferRiskEscalation, deferSchema, escalationsOnAgenda } from "./escalations.server";
export { changeRiskStatus, controlSchema, createRisk, newRiskSchema, reviewRisk, riskReviewSchema, riskStatusSchema, saveControl } from "./risks.server";
export { approveAppetite, appetiteApprovalSchema } from "./appetite.server";
export { riskReviewMessages } from "./reminders.server";
