import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "../../../db/client";
import { participationConsents, youngPeople } from "../../../db/schema/participation";
import { appendAudit } from "../../audit/append.server";
import type { PartnershipScope } from "../../platform/guard.server";
import { uuidv7 } from "../../platform/ids";
import { fail, ok, transact } from "../../platform/write-result";
import type { PortalPerson } from "./accounts.server";
import { adultConsentGivers, consentChoiceProblem, consentScopes, type ConsentGiver, type ConsentScope, type CurrentConsent } from "./rules/consent";

// Consent: the young person's own, scope by scope, from the portal; an
// adult's, recorded by a worker where the partnership's policy needs it;
// withdrawal in one step, which stops every use at once.

export async function currentConsents(db: Queryable, youngPersonId: string): Promise<CurrentConsent[]> {
  const rows = await db
    .select({ scope: participationConsents.scope, givenBy: participationConsents.givenBy })
    .from(participationConsents)
    .where(and(eq(participationConsents.youngPersonId, youngPersonId), isNull(participationConsents.withdrawnAt)));
  return rows.map((r) => ({ scope: r.scope as ConsentScope, givenBy: r.givenBy as ConsentGiver }));
}

const scopesField = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(consentScopes, { error: "Choose from the list" })));

export const ownConsentSchema = z.object({ scopes: scopesField }).superRefine((v, ctx) => {
  const problem = consentChoiceProblem(v.scopes);
  if (problem) ctx.addIssue({ code: "custom", path: ["scopes"], message: problem });
});

/** Sets what the young person agrees to: new ticks are given, removed ticks withdrawn. */
export async function setOwnConsent(db: Db, person: PortalPerson, input: z.output<typeof ownConsentSchema>, now = new Date()) {
  return transact(db, async (tx) => {
    await tx.select({ id: youngPeople.id }).from(youngPeople).where(eq(youngPeople.id, person.id)).for("update");
    const current = (await currentConsents(tx, person.id)).filter((c) => c.givenBy === "young_person").map((c) => c.scope);
    const given = input.scopes.filter((s) => !current.includes(s));
    const withdrawn = current.filter((s) => !input.scopes.includes(s));
    if (given.length === 0 && withdrawn.length === 0) return ok({ changed: false });
    if (withdrawn.length)
      await tx
        .update(participationConsents)
        .set({ withdrawnAt: now })
        .where(and(eq(participationConsents.youngPersonId, person.id), eq(participationConsents.givenBy, "young_person"), inArray(participationConsents.scope, withdrawn), isNull(participationConsents.withdrawnAt)));
    if (given.length) await tx.insert(participationConsents).values(given.map((scope) => ({ id: uuidv7(now.getTime()), youngPersonId: person.id, scope, givenBy: "young_person", givenAt: now })));
    await appendAudit(tx, { action: "young_person.consent_changed", actorUserId: null, entityId: person.id, partnershipId: person.partnershipId, after: { givenBy: "young_person", given, withdrawn } });
    return ok({ changed: true });
  });
}

/**
 * Withdraws every consent at once, the young person's own and any adult's: what
 * they wrote is hidden from every adult view and export from now on, and nothing
 * new of theirs is used. Figures already reported in aggregate stay as reported.
 */
export async function withdrawAllConsent(db: Db, person: PortalPerson, now = new Date()) {
  return transact(db, async (tx) => {
    const ended = await tx
      .update(participationConsents)
      .set({ withdrawnAt: now })
      .where(and(eq(participationConsents.youngPersonId, person.id), isNull(participationConsents.withdrawnAt)))
      .returning({ scope: participationConsents.scope });
    if (ended.length === 0) return fail("form", "You have not agreed to anything, so there is nothing to take back.");
    await appendAudit(tx, { action: "young_person.consent_withdrawn", actorUserId: null, entityId: person.id, partnershipId: person.partnershipId, after: { scopes: [...new Set(ended.map((e) => e.scope))] } });
    return ok({ withdrawn: ended.length });
  });
}

export const adultConsentSchema = z.object({
  givenBy: z.enum(adultConsentGivers, { error: "Choose who gave consent" }),
  scopes: scopesField.pipe(z.array(z.enum(consentScopes)).min(1, { error: "Choose what the adult agreed to" })),
  confirmed: z.literal("yes", { error: "Confirm you have the adult's consent in writing" }),
});

/** A worker records the consent of a parent, carer or the person with parental responsibility. */
export async function recordAdultConsent(db: Db, scope: PartnershipScope, youngPersonId: string, input: z.output<typeof adultConsentSchema>, now = new Date()) {
  return transact(db, async (tx) => {
    const [person] = await tx
      .select({ status: youngPeople.status })
      .from(youngPeople)
      .where(and(eq(youngPeople.id, youngPersonId), eq(youngPeople.partnershipId, scope.partnership.id)))
      .for("update");
    if (!person || person.status === "erased" || person.status === "closed") return fail("form", "This young person's account is closed.");
    const current = (await currentConsents(tx, youngPersonId)).filter((c) => c.givenBy === input.givenBy).map((c) => c.scope);
    const given = input.scopes.filter((s) => !current.includes(s));
    if (given.length === 0) return fail("scopes", "That consent is already recorded.");
    await tx.insert(participationConsents).values(given.map((s) => ({ id: uuidv7(now.getTime()), youngPersonId, scope: s, givenBy: input.givenBy, recordedBy: scope.user.id, givenAt: now })));
    await appendAudit(tx, { action: "young_person.consent_changed", actorUserId: scope.user.id, entityId: youngPersonId, partnershipId: scope.partnership.id, after: { givenBy: input.givenBy, given, withdrawn: [] } });
    return ok(null);
  });
}
