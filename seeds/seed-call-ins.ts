import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { callIns, decisionStatusChanges, decisions, partnerships, users } from "../db/schema";
import { outsideMeetingSchema, recordOutsideMeeting } from "../app/areas/decisions/public.server";
import { considerCallIn, considerCallInSchema, signCallIn, startCallIn } from "../app/areas/scrutiny/public.server";
import { scopeFor } from "../app/platform/guard.server";
import { addDays, londonTimeToInstant } from "../app/platform/time/dates";
import { addWorkingDays } from "../app/platform/time/working-days";
import type { WriteResult } from "../app/platform/write-result";

// A decision called in by the partnership's scrutiny members and referred back
// by their committee, waiting for the board to reconsider it: dated back from
// the day the demo is loaded, through the same operations people use.

export type SeedCallIn = {
  recordedBy: string;
  decision: { title: string; text: string; rationale: string; financialImplicationGbp: number; decidedDaysAgo: number };
  grounds: string;
  /** The scrutiny members who sign, in order, the first starting it; one working day apart. */
  signers: string[];
  /** The committee's consideration, this many working days after it was called in. */
  considered: { afterWorkingDays: number; recommendations: string };
};

function must<T>(result: WriteResult<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo call-in: ${what} was refused: ${result.field}: ${result.message}`);
  return result.value;
}

export async function seedCallIn(tx: Tx, input: { slug: string; callIn: SeedCallIn; today: string }) {
  const db = tx as unknown as Db;
  const [partnership] = await db.select().from(partnerships).where(eq(partnerships.slug, input.slug));
  const scopeOf = async (email: string, role: "chair" | "scrutiny_member") => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return scopeFor({ id: u.id, email: u.email, name: u.name, kind: "adult", isPlatformAdmin: false }, partnership, [{ role, organisationId: partnership.leadOrganisationId }]);
  };
  const chair = await scopeOf(input.callIn.recordedBy, "chair");
  const d = input.callIn.decision;
  // Published on a working day, so the story's working-day arithmetic reads naturally.
  const decidedOn = addWorkingDays(addDays(input.today, -d.decidedDaysAgo), 0);
  const form = outsideMeetingSchema.parse({ title: d.title, text: d.text, rationale: d.rationale, optionsConsidered: "", route: "written_procedure", outcome: "agreed", decidedOn, financialImplicationGbp: String(d.financialImplicationGbp), keyDecision: "yes" });
  const decisionId = must(await recordOutsideMeeting(db, chair, form), "the decision");
  // Recorded on the day it was decided, as the meetings' decisions are.
  await db.update(decisionStatusChanges).set({ changedAt: londonTimeToInstant(decidedOn, "12:00") }).where(eq(decisionStatusChanges.decisionId, decisionId));
  let day = decidedOn;
  for (const [i, email] of input.callIn.signers.entries()) {
    day = addWorkingDays(day, 1);
    const member = await scopeOf(email, "scrutiny_member");
    if (i === 0) must(await startCallIn(db, member, decisionId, { grounds: input.callIn.grounds }, day), "starting the call-in");
    else must(await signCallIn(db, member, decisionId, day), "signing the call-in");
  }
  const [row] = await db.select().from(callIns).where(and(eq(callIns.decisionId, decisionId), eq(callIns.partnershipId, partnership.id)));
  const consideredOn = addWorkingDays(row.calledInOn!, input.callIn.considered.afterWorkingDays);
  const consider = considerCallInSchema.parse({ version: String(row.version), outcome: "referred_back", consideredOn, recommendations: input.callIn.considered.recommendations });
  must(await considerCallIn(db, chair, decisionId, consider, consideredOn), "the committee's consideration");
  return (await db.select({ reference: decisions.reference }).from(decisions).where(eq(decisions.id, decisionId)))[0].reference;
}
