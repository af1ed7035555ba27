import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "../../../db/client";
import { participationPolicies } from "../../../db/schema/participation";
import { appendAudit } from "../../audit/append.server";
import { versionField, wholeNumber } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import { conflict, ok, refuse, transact } from "../../platform/write-result";
import { DEFAULT_ADULT_CONSENT_UNDER } from "./rules/consent";
import { DEFAULT_UPPER_AGE, UPPER_AGE_RANGE } from "./rules/accounts";
import { DEFAULT_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from "./rules/suppression";

// Each partnership's participation policy: below which age an adult's consent
// is needed too, and the smallest count adults may see (never below 3).

export const policySchema = z.object({
  adultConsentUnder: wholeNumber("The age below which an adult's consent is needed", 10, 18),
  suppressionThreshold: wholeNumber("The smallest count adults may see", MIN_SUPPRESSION_THRESHOLD, 20),
  upperAge: wholeNumber("The oldest age that takes part", UPPER_AGE_RANGE.min, UPPER_AGE_RANGE.max),
  version: versionField,
});

/** The policy as a form shows it, with its version (0: never saved, the defaults). */
export async function policyForForm(db: Queryable, partnershipId: string) {
  const [row] = await db.select().from(participationPolicies).where(eq(participationPolicies.partnershipId, partnershipId));
  return {
    adultConsentUnder: row?.adultConsentUnder ?? DEFAULT_ADULT_CONSENT_UNDER,
    suppressionThreshold: row?.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    upperAge: row?.upperAge ?? DEFAULT_UPPER_AGE,
    version: row?.version ?? 0,
  };
}

export async function savePolicy(db: Db, scope: PartnershipScope, input: z.output<typeof policySchema>) {
  return transact(db, async (tx) => {
    const before = await policyForForm(tx, scope.partnership.id);
    if (before.version !== input.version) refuse(conflict("policy"));
    const values = { adultConsentUnder: input.adultConsentUnder, suppressionThreshold: input.suppressionThreshold, upperAge: input.upperAge };
    if (before.version === 0) {
      const inserted = await tx.insert(participationPolicies).values({ partnershipId: scope.partnership.id, ...values }).onConflictDoNothing().returning();
      if (inserted.length === 0) refuse(conflict("policy"));
    } else {
      const updated = await tx
        .update(participationPolicies)
        .set({ ...values, version: sql`${participationPolicies.version} + 1` })
        .where(sql`${participationPolicies.partnershipId} = ${scope.partnership.id} and ${participationPolicies.version} = ${input.version}`)
        .returning();
      if (updated.length === 0) refuse(conflict("policy"));
    }
    await appendAudit(tx, {
      action: "participation_policy.update",
      actorUserId: scope.user.id,
      entityId: scope.partnership.id,
      partnershipId: scope.partnership.id,
      before: { adultConsentUnder: before.adultConsentUnder, suppressionThreshold: before.suppressionThreshold, upperAge: before.upperAge },
      after: values,
    });
    return ok(null);
  });
}
