import { z } from "zod";
import { decisionRouteLabels, decisionRoutes, decisionStatusLabels, decisionStatuses, ratificationStatusLabels, ratificationStatuses, votes } from "../../areas/decisions/public";
import { decisionMethods, termsSectionKeys } from "../../areas/register/public";
import { because, defineAction, id, isoDate, on, quoted, text } from "../define";

const decision = {
  id: id.optional(),
  partnershipId: id.optional(),
  reference: text.optional(),
  route: z.enum(decisionRoutes),
  meetingId: id.nullable(),
  agendaItemId: id.nullable(),
  title: text,
  text,
  rationale: text.nullable(),
  optionsConsidered: text.nullable(),
  method: z.enum(decisionMethods),
  status: z.enum(decisionStatuses),
  decidedOn: isoDate.nullable(),
  termsVersion: z.number().int().nullable(),
  delegatedAuthority: text.nullable(),
  financialImplicationGbp: z.number().int().nullable(),
  financialNote: text.nullable(),
  termsSections: z.array(z.enum(termsSectionKeys)),
  reviewDate: isoDate.nullable(),
  // Added with call-in: events written before hold neither.
  keyDecision: z.boolean().optional(),
  urgentReason: text.nullable().optional(),
  approvesTermsId: id.nullable(),
  approvesMinutesOfMeetingId: id.nullable(),
  proposedBy: id.nullable().optional(),
  proposedByOrganisationId: id.nullable().optional(),
  recordedBy: id.nullable().optional(),
  /** Whether the meeting was quorate when it was taken (null: not taken at a meeting). */
  quorate: z.boolean().nullable(),
  votes: z.array(z.strictObject({ seatId: id, vote: z.enum(votes), deputySeatId: id.nullable() })),
  ratifyingOrganisationIds: z.array(id),
};
const wording = { title: text, text, rationale: text.nullable(), optionsConsidered: text.nullable() };
const ref = (e: { subject: string | null; after?: unknown }, fallback = "A decision") => {
  const r = (e.after as { reference?: string } | null)?.reference ?? e.subject;
  return r ? `Decision ${r}` : fallback;
};

export const decisionsActions = {
  "decision.propose": defineAction({
    entity: "decision",
    label: "Decision proposed",
    before: null,
    after: z.strictObject(decision),
    describe: (e) => `${ref(e, "A decision")} ${quoted(e.after.title)} proposed by ${e.actor}`,
  }),
  "decision.record": defineAction({
    entity: "decision",
    label: "Decision recorded",
    // Set when a proposal is decided: what it said before.
    before: z.strictObject({ status: z.literal("proposed"), title: text, text }).nullable(),
    after: z.strictObject(decision),
    describe: (e) =>
      `${ref(e)} ${quoted(e.after.title)} recorded as ${decisionStatusLabels[e.after.status].toLowerCase()} by ${e.actor}` +
      `${e.after.route === "meeting" ? (e.after.quorate === false ? " at an inquorate meeting" : "") : ` (${decisionRouteLabels[e.after.route].toLowerCase()})`}` +
      `${e.after.financialImplicationGbp ? `, £${e.after.financialImplicationGbp.toLocaleString("en-GB")}` : ""}` +
      `${e.after.keyDecision ? ", a key decision" : ""}${e.after.urgentReason ? `, marked urgent (${e.after.urgentReason})` : ""}${because(e.reason)}`,
  }),
  "decision.update": defineAction({
    entity: "decision",
    label: "Proposal reworded",
    before: z.strictObject(wording),
    after: z.strictObject(wording),
    describe: (e) => `${ref(e, "A proposal")} reworded by ${e.actor}${e.before.title !== e.after.title ? `: ${quoted(e.before.title)} → ${quoted(e.after.title)}` : ""}`,
  }),
  "decision.status": defineAction({
    entity: "decision",
    label: "Decision status changed",
    before: z.strictObject({ status: z.enum(decisionStatuses) }),
    after: z.strictObject({ status: z.enum(decisionStatuses), supersededById: id.nullable() }),
    describe: (e) => `${ref(e)} ${decisionStatusLabels[e.before.status].toLowerCase()} → ${decisionStatusLabels[e.after.status].toLowerCase()} by ${e.actor}${because(e.reason)}`,
  }),
  "decision.ratification": defineAction({
    entity: "decision",
    label: "Ratification recorded",
    before: z.strictObject({ organisationId: id, status: z.enum(ratificationStatuses), decidedOn: isoDate.nullable() }),
    after: z.strictObject({ organisationId: id, status: z.enum(ratificationStatuses), body: text.nullable(), decidedOn: isoDate.nullable(), note: text.nullable() }),
    describe: (e) =>
      `${ref(e)}: ${e.after.body ?? "a partner's own body"} ${ratificationStatusLabels[e.after.status].toLowerCase()}${e.after.decidedOn ? ` on ${on(e.after.decidedOn)}` : ""}, recorded by ${e.actor}${because(e.after.note)}`,
  }),
};
