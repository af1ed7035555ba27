import { z } from "zod";
import { actionStatusLabels, actionStatuses } from "../../areas/actions/public";
import { defineAction, id, isoDate, on, quoted, text } from "../define";

export const actionsActions = {
  "action.create": defineAction({
    entity: "action",
    label: "Action created",
    before: null,
    after: z.strictObject({
      id,
      partnershipId: id,
      title: text,
      description: text.nullable(),
      ownerUserId: id.nullable(),
      organisationId: id.nullable(),
      dueDate: isoDate,
      status: z.enum(actionStatuses),
      meetingId: id.nullable(),
      agendaItemId: id.nullable(),
      decisionId: id.nullable(),
      // Set when the action mitigates a risk (absent from events written before the risk register).
      riskId: id.nullable().optional(),
      createdBy: id,
    }),
    describe: (e) => `${e.after.riskId ? "Mitigating action" : "Action"} ${quoted(e.after.title)}, due ${on(e.after.dueDate)}, created by ${e.actor}`,
  }),
  "action.update": defineAction({
    entity: "action",
    label: "Action updated",
    before: z.strictObject({ status: z.enum(actionStatuses), dueDate: isoDate }),
    after: z.strictObject({ status: z.enum(actionStatuses), dueDate: isoDate, note: text }),
    describe: (e) =>
      `${e.subject ? `Action ${quoted(e.subject)}` : "An action"} updated by ${e.actor}` +
      `${e.before.status !== e.after.status ? `: ${actionStatusLabels[e.before.status].toLowerCase()} → ${actionStatusLabels[e.after.status].toLowerCase()}` : ""}` +
      `${e.before.dueDate !== e.after.dueDate ? `; due ${on(e.before.dueDate)} → ${on(e.after.dueDate)}` : ""}: “${e.after.note}”`,
  }),
};
