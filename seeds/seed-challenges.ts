import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { challenges, decisions, meetings, obligations, partnerships, risks, users } from "../db/schema";
import { answerChallenge, closeChallenge, raiseChallenge } from "../app/areas/scrutiny/public.server";
import { scopeFor } from "../app/platform/guard.server";
import { addWorkingDays } from "../app/platform/time/working-days";
import type { WriteResult } from "../app/platform/write-result";

// Scrutiny's questions and challenges to the chair, dated back from the day
// the demo is loaded in working days and made through the same operations
// people use: one answered late and closed, one waiting past its date (so
// escalated to the lead body), one waiting within its date.

export type SeedChallenge = {
  by: string; // a scrutiny member's email
  kind: "question" | "challenge";
  about: { type: "decision" | "risk" | "obligation" | "meeting"; title: string };
  title: string;
  question: string;
  raisedWorkingDaysAgo: number;
  /** Working days after raising that the answer is due (at least 5). */
  dueAfter: number;
  answer?: { by: string; afterWorkingDays: number; text: string };
  closed?: { afterWorkingDays: number; note: string };
};

function must<T>(result: WriteResult<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo challenge: ${what} was refused: ${result.field}: ${result.message}`);
  return result.value;
}

export async function seedChallenges(tx: Tx, input: { slug: string; list: SeedChallenge[]; today: string }) {
  const db = tx as unknown as Db;
  const [partnership] = await db.select().from(partnerships).where(eq(partnerships.slug, input.slug));
  const scopeOf = async (email: string, role: "chair" | "scrutiny_member") => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return scopeFor({ id: u.id, email: u.email, name: u.name, kind: "adult", isPlatformAdmin: false }, partnership, [{ role, organisationId: partnership.leadOrganisationId }]);
  };
  const recordId = async (about: SeedChallenge["about"]) => {
    const table = { decision: decisions, risk: risks, obligation: obligations, meeting: meetings }[about.type];
    const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.partnershipId, partnership.id), eq(table.title, about.title)));
    if (!row) throw new Error(`Demo challenge: no ${about.type} titled "${about.title}" in ${input.slug}`);
    return row.id;
  };
  for (const c of input.list) {
    const raisedOn = addWorkingDays(input.today, -c.raisedWorkingDaysAgo);
    const member = await scopeOf(c.by, "scrutiny_member");
    const form = { kind: c.kind, title: c.title, question: c.question, dueOn: addWorkingDays(raisedOn, c.dueAfter) };
    const { id } = must(await raiseChallenge(db, member, { type: c.about.type, id: await recordId(c.about) }, form, raisedOn), `raising "${c.title}"`);
    if (!c.answer) continue;
    const answeredOn = addWorkingDays(raisedOn, c.answer.afterWorkingDays);
    const chair = await scopeOf(c.answer.by, "chair");
    must(await answerChallenge(db, chair, id, { version: 1, answer: c.answer.text }, answeredOn), `answering "${c.title}"`);
    if (!c.closed) continue;
    const [row] = await db.select({ version: challenges.version }).from(challenges).where(eq(challenges.id, id));
    must(await closeChallenge(db, member, id, { version: row.version, closingNote: c.closed.note }, addWorkingDays(answeredOn, c.closed.afterWorkingDays)), `closing "${c.title}"`);
  }
}
