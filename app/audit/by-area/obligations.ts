import { z } from "zod";
import { cadences, dueRuleSchema, obligationTypeLabels, obligationTypes, reminderScheduleSchema } from "../../areas/obligations/public";
import { organisationTypes } from "../../areas/partnerships/public";
import { because, defineAction, id, instant, isoDate, on, quoted, text } from "../define";

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
      figures: z.strictObject({ placements: z.number().int() }).nullable(),
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
  "reminder_schedule.update": defineAction({
    entity: "partnership",
    label: "Reminder schedule changed",
    before: z.strictObject({ stages: reminderScheduleSchema }),
    after: z.strictObject({ stages: reminderScheduleSchema }),
    describe: (e) => `When partners are reminded changed by ${e.actor}: ${e.after.stages.map((s) => (s.offset === 0 ? "on the day" : `${Math.abs(s.offset)} ${s.unit === "working_days" ? "working days" : "days"} ${s.offset < 0 ? "before" : "after"}${s.escalate ? " (escalated)" : ""}`)).join(", ")}`,
  }),
};
