// The funding area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { actualSchema, bidOutcomeSchema, commitmentSchema, createCommitment, createFundingLine, fundingLineSchema, loadMoney, recordActual, recordBidOutcome } from "./funding.server";
