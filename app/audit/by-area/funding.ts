import { z } from "zod";
import { bidOutcomeLabels, bidOutcomes, formatPence, fundingLineKindLabels, fundingLineKinds, isFinancialYear } from "../../areas/funding/public";
import { defineAction, id, isoDate, on, quoted, text } from "../define";

// The partnership's money: funding lines and joint bids, commitments agreed by decisions, and what was paid.

const pence = z.number().int().nonnegative();
const financialYear = z.string().refine(isFinancialYear);
const authority = z.enum(["within", "above", "no_limit", "no_approver"]);

export const fundingActions = {
  "funding_line.create": defineAction({
    entity: "funding_line",
    label: "Funding line added",
    before: null,
    after: z.strictObject({
      id,
      partnershipId: id,
      kind: z.enum(fundingLineKinds),
      title: text,
      description: text.nullable(),
      organisationId: id.nullable(),
      decisionId: id.nullable(),
      capBasisPoints: z.number().int().positive().max(10_000).nullable(),
      capOfLineId: id.nullable(),
      actualsObligationId: id.nullable(),
      actualsFieldKey: text.nullable(),
      funder: text.nullable(),
      amountSoughtPence: pence.nullable(),
      submittedOn: isoDate.nullable(),
      outcome: z.enum(bidOutcomes).nullable(),
      outcomeOn: isoDate.nullable(),
      amountWonPence: pence.nullable(),
      createdBy: id,
    }),
    describe: (e) =>
      e.after.kind === "joint_bid"
        ? `Joint funding bid ${quoted(e.after.title)} to ${e.after.funder ?? "a funder"} for ${formatPence(e.after.amountSoughtPence ?? 0)} recorded by ${e.actor}${e.after.submittedOn ? `, submitted on ${on(e.after.submittedOn)}` : ""}`
        : `${fundingLineKindLabels[e.after.kind]} ${quoted(e.after.title)} added to the partnership's funding by ${e.actor}${e.after.actualsFieldKey ? `, its actuals taken from accepted returns (${e.after.actualsFieldKey})` : ""}`,
  }),
  "funding_commitment.create": defineAction({
    entity: "funding_commitment",
    label: "Funding committed",
    before: null,
    after: z.strictObject({
      id,
      lineId: id,
      organisationId: id,
      financialYear,
      amountPence: pence,
      decisionId: id,
      approvedBySeatId: id.nullable(),
      note: text.nullable(),
      authority,
    }),
    describe: (e) =>
      `${formatPence(e.after.amountPence)} committed for ${e.after.financialYear}${e.subject ? ` to ${quoted(e.subject)}` : ""}, recorded by ${e.actor} under a decision of the partnership${e.after.authority === "above" ? "; above the approving member's delegated financial authority" : ""}`,
  }),
  "funding_actual.record": defineAction({
    entity: "funding_actual",
    label: "Payment recorded",
    before: null,
    after: z.strictObject({
      id,
      lineId: id,
      organisationId: id,
      financialYear,
      amountPence: pence,
      paidOn: isoDate,
      note: text.nullable(),
      source: z.literal("recorded"),
    }),
    describe: (e) => `${formatPence(e.after.amountPence)} paid on ${on(e.after.paidOn)} (${e.after.financialYear})${e.subject ? ` on ${quoted(e.subject)}` : ""}, recorded by ${e.actor}`,
  }),
  "funding_bid.record_outcome": defineAction({
    entity: "funding_line",
    label: "Bid outcome recorded",
    before: z.strictObject({ outcome: z.enum(bidOutcomes), outcomeOn: isoDate.nullable(), amountWonPence: pence.nullable() }),
    after: z.strictObject({ outcome: z.enum(bidOutcomes), outcomeOn: isoDate.nullable(), amountWonPence: pence.nullable() }),
    describe: (e) =>
      `${e.subject ? `The joint bid ${quoted(e.subject)}` : "A joint bid"}: ${bidOutcomeLabels[e.after.outcome].toLowerCase()}${e.after.outcome === "won" && e.after.amountWonPence !== null ? `, ${formatPence(e.after.amountWonPence)}` : ""}${e.after.outcomeOn ? ` on ${on(e.after.outcomeOn)}` : ""}, recorded by ${e.actor}`,
  }),
};
