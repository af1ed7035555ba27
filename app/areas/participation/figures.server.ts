import { z } from "zod";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { consultations, participationConsents, youngPeople } from "../../../db/schema/participation";
import { participationPolicy } from "./accounts.server";
import { ageBands, type AgeBand } from "./rules/accounts";
import { consentState, type ConsentGiver, type ConsentScope } from "./rules/consent";
import { suppressCount, suppressList, type ShownCount } from "./rules/suppression";
import { answeredWithin30Days } from "./rules/moderation";
import { usableContributions } from "./contributions.server";

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

export type ConsultationFigures = {
  threshold: number;
  consultations: { id: string; title: string; closesOn: string | null; answered: ShownCount; quotes: { text: string; by: string | null }[] }[];
  /** Share of published contributions answered within 30 days (whole %), or null when none can be judged yet. */
  answeredWithin30Days: number | null;
};

/**
 * What adults see of consultations: how many young people answered each
 * (suppressed), and quotes only from those who agreed to be quoted (named only
 * with that consent). Only published contributions of young people taking
 * part now count: a withdrawal takes theirs out at once.
 */
export async function consultationFigures(db: Queryable, partnershipId: string, now = new Date()): Promise<ConsultationFigures> {
  const policy = await participationPolicy(db, partnershipId);
  const [list, usable] = await Promise.all([
    db.select({ id: consultations.id, title: consultations.title, closesOn: consultations.closesOn }).from(consultations).where(eq(consultations.partnershipId, partnershipId)).orderBy(desc(consultations.createdAt)),
    usableContributions(db, partnershipId),
  ]);
  return {
    threshold: policy.suppressionThreshold,
    consultations: list.map((c) => {
      const mine = usable.filter((u) => u.consultationId === c.id);
      const people = new Set(mine.map((u) => u.youngPersonId)).size;
      const quotes = mine
        .filter((u) => u.consents.some((x) => x.givenBy === "young_person" && x.scope === "quote"))
        .map((u) => ({ text: u.text, by: u.consents.some((x) => x.givenBy === "young_person" && x.scope === "quote_with_name") ? u.displayName : null }));
      return { ...c, answered: suppressCount(people, policy.suppressionThreshold), quotes };
    }),
    answeredWithin30Days: answeredWithin30Days(usable, now),
  };
}

export type DecisionInput = { threshold: number; youngPeople: ShownCount; quotes: { text: string; by: string | null }[] };

/** Whether young people's input informed a decision: how many (suppressed) and, with quoting consent, what they said. Null when none did. */
export async function decisionInput(db: Queryable, partnershipId: string, decisionId: string): Promise<DecisionInput | null> {
  if (!z.uuid().safeParse(decisionId).success) return null;
  const usable = await usableContributions(db, partnershipId, { decisionId });
  if (usable.length === 0) return null;
  const policy = await participationPolicy(db, partnershipId);
  return {
    threshold: policy.suppressionThreshold,
    youngPeople: suppressCount(new Set(usable.map((u) => u.youngPersonId)).size, policy.suppressionThreshold),
    quotes: usable.filter((u) => u.consents.some((x) => x.givenBy === "young_person" && x.scope === "quote")).map((u) => ({ text: u.text, by: u.consents.some((x) => x.givenBy === "young_person" && x.scope === "quote_with_name") ? u.displayName : null })),
  };
}
