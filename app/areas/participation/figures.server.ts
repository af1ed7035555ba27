import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { participationConsents, youngPeople } from "../../../db/schema/participation";
import { participationPolicy } from "./accounts.server";
import { ageBands, type AgeBand } from "./rules/accounts";
import { consentState, type ConsentGiver, type ConsentScope } from "./rules/consent";
import { suppressList, type ShownCount } from "./rules/suppression";

// Participation figures for adults: every count passes through suppression
// before it leaves this module. Raw counts of young people never do.

export type TakingPartFigures = { threshold: number; byBand: { band: AgeBand; count: ShownCount }[]; total: ShownCount };

/** Young people taking part (joined, with the consent the policy needs), by age band, suppressed. */
export async function youngPeopleTakingPart(db: Queryable, partnershipId: string): Promise<TakingPartFigures> {
  const policy = await participationPolicy(db, partnershipId);
  const rows = await db
    .select({
      id: youngPeople.id,
      ageBand: youngPeople.ageBand,
      consents: sql<{ scope: ConsentScope; givenBy: ConsentGiver }[]>`coalesce(json_agg(json_build_object('scope', ${participationConsents.scope}, 'givenBy', ${participationConsents.givenBy})) filter (where ${participationConsents.id} is not null), '[]')`,
    })
    .from(youngPeople)
    .leftJoin(participationConsents, and(eq(participationConsents.youngPersonId, youngPeople.id), isNull(participationConsents.withdrawnAt)))
    .where(and(eq(youngPeople.partnershipId, partnershipId), eq(youngPeople.status, "active")))
    .groupBy(youngPeople.id);
  const counts = new Map<AgeBand, number>(ageBands.map((b) => [b, 0]));
  for (const r of rows) {
    const band = r.ageBand as AgeBand;
    if (consentState(r.consents, band, policy.adultConsentUnder) === "taking_part") counts.set(band, (counts.get(band) ?? 0) + 1);
  }
  const shown = suppressList(
    ageBands.map((b) => counts.get(b) ?? 0),
    policy.suppressionThreshold,
  );
  return { threshold: policy.suppressionThreshold, byBand: ageBands.map((band, i) => ({ band, count: shown.cells[i] })), total: shown.total };
}
