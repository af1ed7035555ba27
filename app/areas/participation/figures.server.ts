import { z } from "zod";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { consultations, participationConsents, youngPeople } from "../../../db/schema/participation";
import { participationPolicy } from "./accounts.server";
import { ageBandLabels, ageBands, type AgeBand } from "./rules/accounts";
import { consentState, type ConsentGiver, type ConsentScope } from "./rules/consent";
import { showCount, suppressCount, suppressList, type ShownCount } from "./rules/suppression";
import { activitiesForAdults } from "./activities.server";
import { activityKindLabels, type ActivityKind } from "./rules/activities";
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
  /** Young people whose published ideas or feedback (outside consultations) count now, suppressed. */
  ideasAndFeedback: ShownCount;
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
    ideasAndFeedback: suppressCount(new Set(usable.filter((u) => u.kind !== "answer").map((u) => u.youngPersonId)).size, policy.suppressionThreshold),
    answeredWithin30Days: answeredWithin30Days(usable, now),
  };
}

export type DecisionInput = { threshold: number; youngPeople: ShownCount; quotes: { text: string; by: string | null }[] };

/** Whether young people's input informed a decision: how many (suppressed) and, with quoting consent, what they said. Null when none did. */
export async function decisionInput(db: Queryable, partnershipId: string, decisionId: string): Promise<DecisionInput | null> {
  if (!z.uuid().safeParse(decisionId).success) return null;
  return recordInput(db, partnershipId, { decisionId });
}

/** The same for an action a worker linked young people's contributions to. */
export async function actionInput(db: Queryable, partnershipId: string, actionId: string): Promise<DecisionInput | null> {
  if (!z.uuid().safeParse(actionId).success) return null;
  return recordInput(db, partnershipId, { actionId });
}

/**
 * For exports: every decision young people's input informed, with how many
 * of them (suppressed), read once for the whole export. Each count stands
 * alone (no total is shown with them), so primary suppression keeps each safe.
 */
export async function inputCountsByDecision(db: Queryable, partnershipId: string): Promise<Map<string, ShownCount>> {
  const [policy, usable] = await Promise.all([participationPolicy(db, partnershipId), usableContributions(db, partnershipId)]);
  const people = new Map<string, Set<string>>();
  for (const u of usable) {
    if (!u.decisionId) continue;
    const set = people.get(u.decisionId) ?? new Set<string>();
    set.add(u.youngPersonId);
    people.set(u.decisionId, set);
  }
  return new Map([...people].map(([id, set]) => [id, suppressCount(set.size, policy.suppressionThreshold)]));
}

async function recordInput(db: Queryable, partnershipId: string, only: { decisionId: string } | { actionId: string }): Promise<DecisionInput | null> {
  const usable = await usableContributions(db, partnershipId, only);
  if (usable.length === 0) return null;
  const policy = await participationPolicy(db, partnershipId);
  return {
    threshold: policy.suppressionThreshold,
    youngPeople: suppressCount(new Set(usable.map((u) => u.youngPersonId)).size, policy.suppressionThreshold),
    quotes: usable.filter((u) => u.consents.some((x) => x.givenBy === "young_person" && x.scope === "quote")).map((u) => ({ text: u.text, by: u.consents.some((x) => x.givenBy === "young_person" && x.scope === "quote_with_name") ? u.displayName : null })),
  };
}

/**
 * The participation figures adults may download, one row per figure:
 * section, item, date, and the young people counted, every count already
 * suppressed exactly as on the page (the age table with its secondary
 * suppression). No names, no text: quotes stay on the pages, where consent
 * is checked as they are shown.
 */
export async function participationExportRows(db: Queryable, partnershipId: string, now = new Date()): Promise<[string, string, string, string][]> {
  const [taking, said, activities] = await Promise.all([youngPeopleTakingPart(db, partnershipId), consultationFigures(db, partnershipId, now), activitiesForAdults(db, partnershipId, null)]);
  return [
    ...taking.byBand.map((b): [string, string, string, string] => ["Taking part, by age", ageBandLabels[b.band], "", showCount(b.count)]),
    ["Taking part, by age", "All ages", "", showCount(taking.total)],
    ...said.consultations.map((c): [string, string, string, string] => ["Answered a consultation", c.title, c.closesOn ?? "", showCount(c.answered)]),
    ["Sent ideas or feedback", "Outside consultations", "", showCount(said.ideasAndFeedback)],
    ...activities.map((a): [string, string, string, string] => [`Took part: ${activityKindLabels[a.kind as ActivityKind] ?? a.kind}`, a.title, a.heldOn, showCount(a.participants)]),
    ["Published contributions answered within 30 days", "", "", said.answeredWithin30Days === null ? "none to judge yet" : `${said.answeredWithin30Days}%`],
  ];
}
