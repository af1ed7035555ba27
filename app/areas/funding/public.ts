// The funding area's pure rules and vocabulary that other areas use: the only file of its rules they import.

export { bidOutcomeLabels, bidOutcomes, financialYearOf, formatPence, fundingLineKindLabels, fundingLineKinds, isFinancialYear } from "./rules/money";
export type { BidOutcome, FinancialYear, FundingLineKind } from "./rules/money";
