import { z } from "zod";
import { partnershipRoleLabels, partnershipRoles } from "../../platform/permissions";
import { defineAction, id } from "../define";

export const identityActions = {
  "user.create": defineAction({
    entity: "user",
    label: "Account created",
    before: null,
    // Never a name or an email: accounts of young people are referenced, not described.
    after: z.strictObject({ kind: z.enum(["adult", "young_person"]), isPlatformAdmin: z.boolean().optional() }),
    describe: (e) => `${e.after.kind === "young_person" ? "A young person's" : "An"} account${e.subject ? ` for ${e.subject}` : ""} created by ${e.actor}${e.after.isPlatformAdmin ? " as a platform administrator" : ""}`,
  }),
  "user.invite": defineAction({
    entity: "user",
    label: "Invitation sent",
    before: null,
    after: null,
    describe: (e) => `${e.actor} invited ${e.subject ?? "a person"} to set a password and join`,
  }),
  "user.accept_invitation": defineAction({
    entity: "user",
    label: "Invitation accepted",
    before: null,
    after: null,
    describe: (e) => `${e.actor} accepted an invitation and set a password`,
  }),
  "user.request_password_reset": defineAction({
    entity: "user",
    label: "Password reset requested",
    before: null,
    after: null,
    describe: (e) => `A password reset link was requested for ${e.subject ?? "an account"}`,
  }),
  "user.reset_password": defineAction({
    entity: "user",
    label: "Password reset",
    before: null,
    after: null,
    describe: (e) => `${e.actor} set a new password with a reset link`,
  }),
  "user.sign_in": defineAction({ entity: "user", label: "Signed in", before: null, after: null, describe: (e) => `${e.actor} signed in` }),
  "user.sign_out": defineAction({ entity: "user", label: "Signed out", before: null, after: null, describe: (e) => `${e.actor} signed out` }),
  "user.email_preferences": defineAction({
    entity: "user",
    label: "Email preferences changed",
    before: z.strictObject({ emailDigest: z.boolean() }),
    after: z.strictObject({ emailDigest: z.boolean() }),
    describe: (e) => `${e.actor} chose to get non-urgent reminders ${e.after.emailDigest ? "in a daily digest" : "as they happen"}`,
  }),
  "calendar_feed.reset": defineAction({
    entity: "user",
    label: "Calendar address created",
    before: z.strictObject({ active: z.boolean() }),
    after: z.strictObject({ active: z.literal(true) }),
    describe: (e) => (e.before.active ? `${e.actor} replaced their calendar feed address; the old address stopped working` : `${e.actor} created a calendar feed address`),
  }),
  "calendar_feed.revoke": defineAction({
    entity: "user",
    label: "Calendar address turned off",
    before: z.strictObject({ active: z.literal(true) }),
    after: z.strictObject({ active: z.literal(false) }),
    describe: (e) => `${e.actor} turned off their calendar feed address`,
  }),
  "partnership_role.grant": defineAction({
    entity: "partnership_role",
    label: "Role granted",
    before: null,
    after: z.strictObject({ id: id.optional(), partnershipId: id.optional(), userId: id, role: z.enum(partnershipRoles), organisationId: id.nullable() }),
    describe: (e) => `${e.actor} gave ${e.subject ?? "a person"} the role of ${partnershipRoleLabels[e.after.role].toLowerCase()}`,
  }),
};
