import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db } from "../../../db/client";
import { partnershipPartners, partnershipRoles, users } from "../../../db/schema";
import { partnershipRoleLabels, partnershipRoles as roleValues } from "../../platform/permissions";
import { env } from "../../platform/env.server";
import { emailSchema, findUserByEmail, INVITATION_LIFETIME_DAYS, issueToken } from "./auth.server";
import { deliverSoon, recordReminders } from "../notifications/public.server";
import type { SessionUser } from "../../platform/request-context";

export const invitationSchema = z.object({
  name: z
    .string({ error: "Enter the person's name" })
    .trim()
    .min(1, { error: "Enter the person's name" })
    .max(120, { error: "Name must be 120 characters or fewer" }),
  email: emailSchema,
  role: z
    .enum(roleValues, { error: "Choose the role they will have in this partnership" })
    // Young people have no email account: a participation worker gives them a portal code.
    .refine((r) => r !== "young_person", { error: "Young people join through the portal, not by email: a participation worker adds them on the Young people page and gives them a code" }),
  organisationId: z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.uuid({ error: "Choose an organisation from the list" }).nullable()),
});
export type InvitationInput = z.output<typeof invitationSchema>;

export type InvitationResult =
  | { ok: true; userId: string; emailed: "invitation" | "added" }
  | { ok: false; field: keyof InvitationInput; message: string };

/**
 * Invites a person into a partnership with a role. A new person gets an
 * account without a password and a single-use link to set one; someone who
 * already has an account is given the role and told by email.
 */
export async function invitePerson(
  db: Db,
  actor: SessionUser,
  partnership: { id: string; name: string },
  input: InvitationInput,
): Promise<InvitationResult> {
  if (input.organisationId) {
    const [member] = await db
      .select({ id: partnershipPartners.id })
      .from(partnershipPartners)
      .where(and(eq(partnershipPartners.partnershipId, partnership.id), eq(partnershipPartners.organisationId, input.organisationId)));
    if (!member) return { ok: false, field: "organisationId", message: "Choose an organisation that is a partner in this partnership" };
  }
  const existing = await findUserByEmail(db, input.email);
  if (existing?.kind === "young_person") {
    return { ok: false, field: "email", message: "This email belongs to an old young person's account, which cannot be given an adult's role" };
  }

  const outcome = await db.transaction(async (tx) => {
    let userId = existing?.id;
    if (!userId) {
      userId = crypto.randomUUID();
      await tx.insert(users).values({
        id: userId,
        email: input.email,
        name: input.name,
        kind: "adult",
      });
      // Reference the person, never their name or email: audit rows cannot be erased.
      await appendAudit(tx, {
        actorUserId: actor.id,
        action: "user.create",
        entityId: userId,
        after: { kind: "adult" },
      });
    }
    const inserted = await tx
      .insert(partnershipRoles)
      .values({ id: crypto.randomUUID(), partnershipId: partnership.id, userId, role: input.role, organisationId: input.organisationId })
      .onConflictDoNothing()
      .returning({ id: partnershipRoles.id });
    if (inserted.length === 0) return { duplicate: true as const };
    await appendAudit(tx, {
      actorUserId: actor.id,
      action: "partnership_role.grant",
      entityId: inserted[0].id,
      partnershipId: partnership.id,
      after: { userId, role: input.role, organisationId: input.organisationId },
    });
    const issued = existing?.passwordHash ? null : await issueToken(tx, userId, "invitation", actor.id);
    if (issued) await appendAudit(tx, { actorUserId: actor.id, action: "user.invite", entityId: userId, partnershipId: partnership.id });
    // Recorded with the role and the link, so the email goes (and is retried) like every other message.
    const messages = await recordReminders(tx, [
      {
        kind: "invitation",
        partnershipId: partnership.id,
        subjectId: inserted[0].id,
        periodKey: "-",
        stage: issued ? "invitation" : "added",
        recipient: { userId, email: input.email, name: existing?.name ?? input.name, emailDigest: false },
        urgent: true,
        template: "invitation",
        subject: issued ? `Invitation to join ${partnership.name}` : `You have been added to ${partnership.name}`,
        props: {
          recipientName: existing?.name ?? input.name,
          inviterName: actor.name,
          partnershipName: partnership.name,
          roleLabel: partnershipRoleLabels[input.role].toLowerCase(),
          link: issued ? `${env().APP_URL}/invitation/${issued.token}` : `${env().APP_URL}/sign-in`,
          expiresInDays: INVITATION_LIFETIME_DAYS,
        },
        sensitiveProps: issued ? ["link"] : [],
      },
    ]);
    return { duplicate: false as const, userId, invited: Boolean(issued), messages };
  });
  if (outcome.duplicate) return { ok: false, field: "role", message: "This person already has that role in this partnership" };
  deliverSoon(db, outcome.messages);
  return { ok: true, userId: outcome.userId, emailed: outcome.invited ? "invitation" : "added" };
}
