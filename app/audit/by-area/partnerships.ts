import { z } from "zod";
import { keyDateKindLabels, keyDateKinds, organisationTypes, partnerRoleLabels, partnerRoles, partnershipStatuses, partnershipTypes } from "../../areas/partnerships/public";
import { because, changes, defineAction, id, isoDate, on, someOf, text } from "../define";

const partnershipFields = {
  purpose: text,
  sharedVision: text.nullable(),
  leadAgreement: text.nullable(),
  termYears: z.number().int().nullable(),
  reportsTo: text.nullable(),
  scrutinyChairUserId: id.nullable().optional(),
  name: text,
  shortName: text,
  type: z.enum(partnershipTypes),
  status: z.enum(partnershipStatuses),
  startDate: isoDate,
  referencePrefix: text.nullable(),
};

export const partnershipsActions = {
  "organisation.create": defineAction({
    entity: "organisation",
    label: "Organisation added",
    before: null,
    after: z.strictObject({ name: text, type: z.enum(organisationTypes) }),
    describe: (e) => `${e.after.name} added to the platform's organisations by ${e.actor}`,
  }),
  "partnership.create": defineAction({
    entity: "partnership",
    label: "Partnership created",
    before: null,
    after: z.strictObject({
      ...partnershipFields,
      id,
      slug: text,
      leadOrganisationId: id,
      sharedVision: text.nullable().optional(),
      leadAgreement: text.nullable().optional(),
      termYears: z.number().int().nullable().optional(),
      reportsTo: text.nullable().optional(),
      referencePrefix: text.nullable().optional(),
    }),
    describe: (e) => `${e.after.name} (${e.after.shortName}) created by ${e.actor}, starting ${on(e.after.startDate)}`,
  }),
  "partnership.update": defineAction({
    entity: "partnership",
    label: "Partnership details changed",
    before: someOf(partnershipFields),
    after: someOf(partnershipFields),
    describe: (e) => `${e.subject ?? "The partnership"}'s details changed by ${e.actor} (${changes(e.before, e.after)})${because(e.reason)}`,
  }),
  "key_date.create": defineAction({
    entity: "key_date",
    label: "Key date added",
    before: null,
    after: z.strictObject({ kind: z.enum(keyDateKinds), onDate: isoDate, description: text }),
    describe: (e) => `${keyDateKindLabels[e.after.kind]} on ${on(e.after.onDate)} added by ${e.actor}: ${e.after.description}`,
  }),
  "key_date.remove": defineAction({
    entity: "key_date",
    label: "Key date removed",
    before: z.strictObject({ kind: z.enum(keyDateKinds), onDate: isoDate, description: text }),
    after: null,
    describe: (e) => `${keyDateKindLabels[e.before.kind]} on ${on(e.before.onDate)} removed by ${e.actor}`,
  }),
  "partner.join": defineAction({
    entity: "partnership_partner",
    label: "Partner joined",
    before: null,
    after: z.strictObject({ id, partnershipId: id, organisationId: id, role: z.enum(partnerRoles), joinedOn: isoDate }),
    describe: (e) => `${e.subject ?? "An organisation"} joined as ${partnerRoleLabels[e.after.role].toLowerCase()} on ${on(e.after.joinedOn)}, recorded by ${e.actor}${because(e.reason)}`,
  }),
  "partner.update": defineAction({
    entity: "partnership_partner",
    label: "Partner changed",
    before: someOf({ role: z.enum(partnerRoles), joinedOn: isoDate }),
    after: someOf({ role: z.enum(partnerRoles), joinedOn: isoDate }),
    describe: (e) => `${e.subject ?? "A partner"}'s membership changed by ${e.actor} (${changes(e.before, e.after)})${because(e.reason)}`,
  }),
  "partner.leave": defineAction({
    entity: "partnership_partner",
    label: "Partner left",
    before: z.strictObject({ leftOn: z.null() }),
    after: z.strictObject({ leftOn: isoDate, exitNoticeDate: isoDate.nullable(), exitReason: text, exitHandover: text.nullable() }),
    describe: (e) => `${e.subject ?? "A partner"} leaves on ${on(e.after.leftOn)}${e.after.exitNoticeDate ? ` (notice given ${on(e.after.exitNoticeDate)})` : ""}, recorded by ${e.actor}${because(e.reason)}`,
  }),
};
