import { z } from "zod";
import { cadences, dueRuleSchema, obligationTypeLabels, obligationTypes, reminderScheduleSchema, returnFieldListSchema } from "../../areas/obligations/public";
import { organisationTypes } from "../../areas/partnerships/public";
import { because, defineAction, id, instant, isoDate, on, quoted, text } from "../define";

// A return's answers, keyed by field: partners' figures, never a young person's details.
const answers = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.union([z.number(), z.string().max(500), z.boolean()]));

export const obligationsActions = {
  "obligation.create": defineAction({
    entity: "obligation",
    label: "Obligation created",
    before: null,
    after: z.strictObject({
      id,
      partnershipId: id,
      type: z.enum(obligationTypes),
      title: text,
      instructions: text.nullable(),
      owedByOrganisationId: id.nullable(),
      owedByOrganisationType: z.enum(organisationTypes).nullable(),
      cadence: z.enum(cadences),
      dueRule: dueRuleSchema,
      startsOn: isoDate,
      endsOn: isoDate.nullable(),
      createdBy: id,
    }),
    describe: (e) => `${obligationTypeLabels[e.after.type]} ${quoted(e.after.title)} set up by ${e.actor}, ${e.after.cadence.replace("_", "-")} from ${on(e.after.startsOn)}`,
  }),
  "obligation.responsible": defineAction({
    entity: "obligation",
    label: "Person made responsible",
    before: null,
    after: z.strictObject({ organisationId: id, userId: id }),
    describe: (e) => `A person named as responsible for ${e.subject ? quoted(e.subject) : "a return"} by ${e.actor}`,
  }),
  "submission.create": defineAction({
    entity: "submission",
    label: "Return submitted",
    before: null,
    after: z.strictObject({
      id,
      obligationId: id,
      organisationId: id,
      periodKey: text,
      dueDate: isoDate,
      submittedAt: instant,
      submittedOn: isoDate,
      submittedBy: id,
      comment: text.nullable(),
      figures: answers.nullable(),
      fieldSetId: id.nullable().optional(), // absent from returns made before returns had fields
      filename: text.nullable(),
      contentType: text.nullable(),
      size: z.number().int().nullable(),
      status: z.literal("submitted"),
    }),
    describe: (e) => `A return for ${e.after.periodKey} (due ${on(e.after.dueDate)}) submitted by ${e.actor} on ${on(e.after.submittedOn)}${e.after.submittedOn > e.after.dueDate ? ", late" : ""}${e.after.filename ? ` with ${quoted(e.after.filename)}` : ""}`,
  }),
  "submission.accept": defineAction({
    entity: "submission",
    label: "Return accepted",
    before: z.strictObject({ status: z.literal("submitted") }),
    after: z.strictObject({ status: z.literal("accepted") }),
    describe: (e) => `${e.subject ? `The return ${quoted(e.subject)}` : "A return"} accepted by ${e.actor}${because(e.reason)}`,
  }),
  "submission.return": defineAction({
    entity: "submission",
    label: "Return sent back",
    before: z.strictObject({ status: z.literal("submitted") }),
    after: z.strictObject({ status: z.literal("returned") }),
    describe: (e) => `${e.subject ? `The return ${quoted(e.subject)}` : "A return"} sent back for changes by ${e.actor}${because(e.reason)}`,
  }),
  "obligation.fields": defineAction({
    entity: "obligation",
    label: "Return's fields changed",
    before: z.strictObject({ number: z.number().int(), fields: returnFieldListSchema }).nullable(),
    after: z.strictObject({ id, number: z.number().int().min(1), appliesFrom: isoDate, fields: returnFieldListSchema }),
    describe: (e) =>
      `Version ${e.after.number} of the fields ${e.subject ? `${quoted(e.subject)} asks for` : "a return asks for"} set by ${e.actor}, from the period ending ${on(e.after.appliesFrom)}: ${e.after.fields.length ? e.after.fields.map((f) => f.label).join(", ") : "no fields"}`,
  }),
  "submission.save_draft": defineAction({
    entity: "obligation",
    label: "Return saved as a draft",
    before: null,
    after: z.strictObject({ organisationId: id, periodKey: isoDate, fieldSetId: id.nullable(), figures: answers, comment: text.nullable() }),
    describe: (e) => `A draft return for the period ending ${on(e.after.periodKey)} saved by ${e.actor}${e.subject ? ` for ${quoted(e.subject)}` : ""}`,
  }),
  "reminder_schedule.update": defineAction({
    entity: "partnership",
    label: "Reminder schedule changed",
    before: z.strictObject({ stages: reminderScheduleSchema }),
    after: z.strictObject({ stages: reminderScheduleSchema }),
    describe: (e) => `When partners are reminded changed by ${e.actor}: ${e.after.stages.map((s) => (s.offset === 0 ? "on the day" : `${Math.abs(s.offset)} ${s.unit === "working_days" ? "working days" : "days"} ${s.offset < 0 ? "before" : "after"}${s.escalate ? " (escalated)" : ""}`)).join(", ")}`,
  }),
};
