import { z } from "zod";
import { defineAction, id, text } from "../define";

export const notificationsActions = {
  "delivery.requeue": defineAction({
    entity: "reminder",
    label: "Failed email sent again",
    before: null,
    after: z.strictObject({ kind: text, partnershipId: id.nullable() }),
    describe: (e) => `A ${e.after.kind.replace(/_/g, " ")} email that had failed was queued to be sent again by ${e.actor}`,
  }),
};
