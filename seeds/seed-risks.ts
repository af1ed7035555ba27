import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { agendaItems, decisionColumns, decisions, decisionStatusChanges, meetings, partnerships, riskDecisions, riskEscalations, risks, users } from "../db/schema";
import { appendAudit } from "../app/audit/append.server";
import { addDays, daysBetween, londonTimeToInstant } from "../app/platform/time/dates";
import { scopeFor } from "../app/platform/guard.server";
import type { WriteResult } from "../app/platform/write-result";
import { outsideMeetingSchema, recordOutsideMeeting } from "../app/areas/decisions/public.server";
import {
  appetiteApprovalSchema,
  approveAppetite,
  changeRiskStatus,
  controlSchema,
  createRisk,
  newRiskSchema,
  reviewRisk,
  riskReviewSchema,
  riskStatusSchema,
  saveControl,
} from "../app/areas/risks/public.server";
import type { AppetiteLevel, ControlEffectiveness, ReviewFrequency, RiskCategory, RiskScope } from "../app/areas/risks/public";
import { STORY_TODAY } from "./story-dates";

// Each partnership's demo risk register, written as of the story's today and
// moved to the day the demo is loaded, recorded through the same operations
// the pages use: risks raised a year or so ago, reviewed on their cadence
// since, their controls, and the appetite the board approved (after the
// risks, so none is escalated to a meeting long past). One risk went to the
// board when a review took it over the escalation threshold, and the board's
// decision at that meeting answered it: that meeting's minutes are approved
// and locked, so its item and the link are written here, with their audit
// events, rather than through the agenda builder.

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
  /** Which review took it to the board; the past board meeting's item and decision that answered it; when it was reopened. */
  escalated?: { review: number; itemTitle: string; decisionTitle: string; reopened: { on: string; reason: string } };
};

export type SeedRiskRegister = {
  recordedBy: string;
  appetite?: { decision: { title: string; text: string; decidedOn: string }; levels: Partial<Record<RiskCategory, AppetiteLevel>> };
  risks: SeedRisk[];
};

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
    for (const [i, review] of (r.reviews ?? []).entries()) {
      const escalation = r.escalated?.review === i ? r.escalated : undefined;
      // Already on its way to the board when this review was recorded (see the note at the top).
      if (escalation) await db.update(risks).set({ status: "escalated", version: (await versionOf(riskId)) + 1 }).where(eq(risks.id, riskId));
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
      if (escalation) {
        await linkPastEscalation(tx, partnership.id, riskId, escalation, day(review.on));
        const reopen = riskStatusSchema.parse({ version: String(await versionOf(riskId)), toStatus: "open", reason: escalation.reopened.reason, transferredToOrganisationId: "", transferredToRegister: "" });
        must(await changeRiskStatus(db, scope, riskId, reopen, day(escalation.reopened.on)), `reopening "${r.title}"`);
      }
    }
  }

  const appetite = input.register.appetite;
  if (appetite) {
    const decidedOn = day(appetite.decision.decidedOn);
    const decision = outsideMeetingSchema.parse({ title: appetite.decision.title, text: appetite.decision.text, rationale: "", optionsConsidered: "", route: "written_procedure", outcome: "agreed", decidedOn });
    const decisionId = must(await recordOutsideMeeting(db, scope, decision), "the appetite decision");
    // Recorded on the day it was decided, as the meetings' decisions are.
    await db.update(decisionStatusChanges).set({ changedAt: londonTimeToInstant(decidedOn, "12:00") }).where(eq(decisionStatusChanges.decisionId, decisionId));
    const form: Record<string, string> = { decisionId };
    for (const [category, level] of Object.entries(appetite.levels)) form[`appetite-${category}`] = level;
    must(await approveAppetite(db, scope, appetiteApprovalSchema.parse(form), decidedOn), "the appetite");
  }
}

/** The escalation of a risk to a past board meeting, answered by the decision recorded there: the item marked, the link, and their audit events. */
async function linkPastEscalation(tx: Tx, partnershipId: string, riskId: string, e: NonNullable<SeedRisk["escalated"]>, escalatedOn: string) {
  const [item] = await tx
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(meetings.partnershipId, partnershipId), eq(agendaItems.title, e.itemTitle)));
  const [decision] = item ? await tx.select(decisionColumns).from(decisions).where(and(eq(decisions.agendaItemId, item.id), eq(decisions.title, e.decisionTitle))) : [];
  if (!item || !decision?.decidedOn) throw new Error(`Demo risks: no item "${e.itemTitle}" with a decision "${e.decisionTitle}"`);
  const [risk] = await tx.select().from(risks).where(eq(risks.id, riskId));
  const reasons = [`Its current score of ${risk.currentScore} is at or above the partnership's escalation threshold of 15.`];
  const escalationId = crypto.randomUUID();
  await tx.update(agendaItems).set({ riskId }).where(eq(agendaItems.id, item.id));
  await tx.insert(riskEscalations).values({ id: escalationId, riskId, partnershipId, reasons, escalatedOn, escalatedBy: null, meetingId: item.meetingId, agendaItemId: item.id, decisionId: decision.id });
  await tx.insert(riskDecisions).values({ riskId, decisionId: decision.id, linkedBy: null });
  const meetingDate = decision.decidedOn;
  await appendAudit(tx, {
    actorUserId: null,
    action: "risk.escalate",
    entityId: riskId,
    partnershipId,
    before: { status: "open" },
    after: { reference: risk.reference, escalationId, reasons, meetingId: item.meetingId, meetingDate, agendaItemId: item.id },
  });
  await appendAudit(tx, {
    actorUserId: null,
    action: "risk.escalation_decided",
    entityId: riskId,
    partnershipId,
    before: null,
    after: { reference: risk.reference, escalationId, decisionId: decision.id, decisionReference: decision.reference, decidedOn: meetingDate },
  });
}
