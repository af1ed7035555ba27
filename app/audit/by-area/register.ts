import { z } from "zod";
import { boardRoleLabels, boardRoles, interestTypeLabels, interestTypes, seniorityTiers, termsRulesSchema, termsSectionsSchema } from "../../areas/register/public";
import { because, changes, defineAction, id, isoDate, on, someOf, text } from "../define";

const seat = {
  userId: id,
  organisationId: id,
  boardRole: z.enum(boardRoles),
  jobTitle: text.nullable(),
  seniority: z.enum(seniorityTiers),
  hasVote: z.boolean(),
  delegatedAuthorityGbp: z.number().int().nullable(),
  termStart: isoDate,
  termEnd: isoDate.nullable(),
  deputyForSeatId: id.nullable(),
  succeedsSeatId: id.nullable(),
};
const editableSeat = { jobTitle: seat.jobTitle, seniority: seat.seniority, hasVote: seat.hasVote, delegatedAuthorityGbp: seat.delegatedAuthorityGbp, termStart: seat.termStart, termEnd: seat.termEnd };
const termsDraft = { sections: termsSectionsSchema, rules: termsRulesSchema, reviewDate: isoDate.nullable(), changeSummary: text.nullable() };
const version = z.number().int().positive();

export const registerActions = {
  "board_seat.create": defineAction({
    entity: "board_seat",
    label: "Seat created",
    before: null,
    after: z.strictObject({
      ...seat,
      id: id.optional(),
      partnershipId: id.optional(),
      endReason: text.nullable().optional(),
      handoverNote: text.nullable().optional(),
      deputiesMoved: z.array(id).optional(),
    }),
    describe: (e) =>
      `${e.subject ?? "A person"} given a seat as ${boardRoleLabels[e.after.boardRole].toLowerCase()} from ${on(e.after.termStart)}${e.after.termEnd ? ` to ${on(e.after.termEnd)}` : ""} by ${e.actor}${e.after.succeedsSeatId ? ", taking over an earlier holder's seat" : ""}${because(e.reason)}`,
  }),
  "board_seat.update": defineAction({
    entity: "board_seat",
    label: "Seat changed",
    before: someOf(editableSeat),
    after: someOf(editableSeat),
    describe: (e) => `${e.subject ?? "A seat"} changed by ${e.actor} (${changes(e.before, e.after)})${because(e.reason)}`,
  }),
  "board_seat.end": defineAction({
    entity: "board_seat",
    label: "Seat ended",
    before: someOf({ termEnd: isoDate.nullable(), endReason: text.nullable(), handoverNote: text.nullable() }),
    // The handover note itself stays on the seat: the trail only says one was written.
    after: z.strictObject({ termEnd: isoDate, handoverNote: z.literal("recorded").nullable().optional(), succeededBy: id.optional() }),
    describe: (e) => `${e.subject ?? "A seat"} ends on ${on(e.after.termEnd)}, recorded by ${e.actor}${e.after.handoverNote ? ", with a handover note" : ""}${because(e.reason)}`,
  }),
  "declaration.create": defineAction({
    entity: "declaration",
    label: "Interest declared",
    before: null,
    after: z.strictObject({
      id: id.optional(),
      partnershipId: id.optional(),
      userId: id,
      interestType: z.enum(interestTypes),
      description: text,
      relatedOrganisation: text.nullable(),
      declaredOn: isoDate,
      endedOn: isoDate.nullable().optional(),
    }),
    describe: (e) => `${interestTypeLabels[e.after.interestType]} interest declared for ${e.subject ?? "a member"} on ${on(e.after.declaredOn)}${e.after.relatedOrganisation ? ` (${e.after.relatedOrganisation})` : ""}, recorded by ${e.actor}: ${e.after.description}`,
  }),
  "declaration.end": defineAction({
    entity: "declaration",
    label: "Interest ended",
    before: z.strictObject({ endedOn: z.null() }),
    after: z.strictObject({ endedOn: isoDate }),
    describe: (e) => `A declared interest${e.subject ? ` of ${e.subject}` : ""} ended on ${on(e.after.endedOn)}, recorded by ${e.actor}${because(e.reason)}`,
  }),
  "terms_of_reference.create": defineAction({
    entity: "terms_of_reference",
    label: "Terms of reference loaded",
    before: null,
    after: z.strictObject({ versionNumber: version, status: z.enum(["approved", "superseded", "draft"]), effectiveFrom: isoDate.nullable() }),
    describe: (e) => `Version ${e.after.versionNumber} of the terms of reference loaded (${e.after.status}${e.after.effectiveFrom ? `, in force from ${on(e.after.effectiveFrom)}` : ""}) by ${e.actor}`,
  }),
  "terms_of_reference.draft": defineAction({
    entity: "terms_of_reference",
    label: "Terms drafted",
    before: null,
    after: z.strictObject({ versionNumber: version, basedOn: version.nullable() }),
    describe: (e) => `Version ${e.after.versionNumber} of the terms of reference drafted by ${e.actor}${e.after.basedOn ? `, from version ${e.after.basedOn}` : ""}`,
  }),
  "terms_of_reference.update": defineAction({
    entity: "terms_of_reference",
    label: "Draft terms edited",
    before: someOf(termsDraft),
    after: someOf(termsDraft),
    describe: (e) => `${e.subject ?? "The draft terms of reference"} edited by ${e.actor} (${Object.keys(e.after).map((k) => k.replace(/([A-Z])/g, " $1").toLowerCase()).join(", ")} changed)`,
  }),
  "terms_of_reference.approve": defineAction({
    entity: "terms_of_reference",
    label: "Terms approved",
    before: z.strictObject({ status: z.literal("draft") }),
    after: z.strictObject({ status: z.literal("approved"), versionNumber: version, effectiveFrom: isoDate, decision: text }),
    describe: (e) => `Version ${e.after.versionNumber} of the terms of reference approved by decision ${e.after.decision}, in force from ${on(e.after.effectiveFrom)}; recorded by ${e.actor}${because(e.reason)}`,
  }),
  "terms_of_reference.supersede": defineAction({
    entity: "terms_of_reference",
    label: "Terms superseded",
    before: z.strictObject({ status: z.literal("approved") }),
    after: z.strictObject({ status: z.literal("superseded"), supersededBy: version }),
    describe: (e) => `${e.subject ?? "The earlier terms of reference"} superseded by version ${e.after.supersededBy}`,
  }),
  "terms_of_reference.discard": defineAction({
    entity: "terms_of_reference",
    label: "Draft terms discarded",
    before: z.strictObject({ versionNumber: version, status: z.literal("draft") }),
    after: null,
    describe: (e) => `The draft of version ${e.before.versionNumber} of the terms of reference discarded by ${e.actor}`,
  }),
};
