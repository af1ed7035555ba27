import { eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { partnerships, risks, users } from "../db/schema";
import { addDays, daysBetween } from "../app/platform/time/dates";
import { scopeFor } from "../app/platform/guard.server";
import type { WriteResult } from "../app/platform/write-result";
import { controlSchema, createRisk, newRiskSchema, reviewRisk, riskReviewSchema, saveControl } from "../app/areas/risks/public.server";
import type { ControlEffectiveness, ReviewFrequency, RiskCategory, RiskScope } from "../app/areas/risks/public";
import { STORY_TODAY } from "./story-dates";

// Each partnership's demo risk register, written as of the story's today and
// moved to the day the demo is loaded, recorded through the same operations
// the pages use: risks raised a year or so ago, reviewed on their cadence
// since, and their controls.

type Rating = readonly [likelihood: number, impact: number];

export type SeedRisk = {
  title: string;
  cause: string;
  event: string;
  effect: string;
  category: RiskCategory;
  owner: { email: string; orgKey: string };
  scope: RiskScope;
  raisedOn: string;
  reviewFrequency: ReviewFrequency;
  inherent: Rating;
  current: Rating;
  target: Rating;
  targetDate?: string;
  controls?: { description: string; ownerEmail?: string; effectiveness: ControlEffectiveness }[];
  reviews?: { on: string; by: string; current: Rating; target?: Rating; commentary: string }[];
};

export type SeedRiskRegister = { recordedBy: string; risks: SeedRisk[] };

function must<T>(result: WriteResult<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo risks: ${what} was refused: ${result.field}: ${result.message}`);
  return result.value;
}

export async function seedRisks(tx: Tx, input: { slug: string; register: SeedRiskRegister; orgIds: Map<string, string>; userIds: Map<string, string>; today: string }) {
  const db = tx as unknown as Db;
  const [partnership] = await db.select().from(partnerships).where(eq(partnerships.slug, input.slug));
  const [recorder] = await db.select().from(users).where(eq(users.email, input.register.recordedBy));
  const asUser = (user: typeof recorder) =>
    scopeFor({ id: user.id, email: user.email, name: user.name, kind: "adult", isPlatformAdmin: false }, partnership, [{ role: "secretariat", organisationId: partnership.leadOrganisationId }]);
  const scope = asUser(recorder);
  // The register is written as of the story's today: every date moves with the demo.
  const shift = daysBetween(STORY_TODAY, input.today);
  const day = (d: string) => addDays(d, shift);
  const person = (email: string) => input.userIds.get(email) ?? (() => { throw new Error(`Demo risks name unknown person ${email}`); })();
  const org = (key: string) => input.orgIds.get(key) ?? (() => { throw new Error(`Demo risks name unknown organisation ${key}`); })();
  const versionOf = async (id: string) => (await db.select({ version: risks.version }).from(risks).where(eq(risks.id, id)))[0].version;

  for (const r of input.register.risks) {
    const form = {
      title: r.title,
      cause: r.cause,
      event: r.event,
      effect: r.effect,
      category: r.category,
      ownerUserId: person(r.owner.email),
      ownerOrganisationId: org(r.owner.orgKey),
      scope: r.scope,
      raisedOn: day(r.raisedOn),
      reviewFrequency: r.reviewFrequency,
      inherentLikelihood: String(r.inherent[0]),
      inherentImpact: String(r.inherent[1]),
      currentLikelihood: String(r.current[0]),
      currentImpact: String(r.current[1]),
      targetLikelihood: String(r.target[0]),
      targetImpact: String(r.target[1]),
      targetDate: r.targetDate ? day(r.targetDate) : "",
    };
    const riskId = must(await createRisk(db, scope, newRiskSchema.parse(form), day(r.raisedOn)), `raising "${r.title}"`);
    for (const c of r.controls ?? [])
      must(
        await saveControl(db, scope, riskId, controlSchema.parse({ controlDescription: c.description, controlOwnerUserId: c.ownerEmail ? person(c.ownerEmail) : "", effectiveness: c.effectiveness })),
        `a control of "${r.title}"`,
      );
    for (const review of r.reviews ?? []) {
      const [reviewer] = await db.select().from(users).where(eq(users.id, person(review.by)));
      must(
        await reviewRisk(
          db,
          asUser(reviewer),
          riskId,
          riskReviewSchema.parse({
            version: String(await versionOf(riskId)),
            likelihood: String(review.current[0]),
            impact: String(review.current[1]),
            targetLikelihood: review.target ? String(review.target[0]) : "",
            targetImpact: review.target ? String(review.target[1]) : "",
            commentary: review.commentary,
          }),
          day(review.on),
        ),
        `a review of "${r.title}"`,
      );
    }
  }
}
