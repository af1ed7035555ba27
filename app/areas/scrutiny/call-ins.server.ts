import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../../db/client";
import { callIns, callInSignatures, decisionColumns, decisions, users } from "../../../db/schema";
import { appendAudit } from "../../audit/append.server";
import { uuidv7 } from "../../platform/ids";
import { optionalText, versionField } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import { formatDate } from "../../platform/time/dates";
import { versionedUpdate } from "../../platform/versioned-update.server";
import { fail, ok, transact, type WriteResult } from "../../platform/write-result";
import { findDecision } from "../decisions/public.server";
import { termsInForce } from "../register/public.server";
import { callInOpen, callInPeriod, enoughSignatures, groundsProblem, subjectToCallIn, type CallInOutcome, type CallInRecord, type CallInStatus } from "./rules/call-in";

// Call-ins of decisions: scrutiny members start one (with grounds) and sign it;
// with enough signatures the decision is called in and suspended. The chair or
// secretariat records the committee's consideration (no further action, or
// referred back with recommendations) and, if referred back, the board's
// reconsideration (confirmed, or changed by a new decision). Every step is
// audited; the rules are in rules/call-in.ts, the rule itself in the terms of
// reference in force when the decision was taken.


const isoDay = (label: string) => z.string({ error: `Enter ${label}` }).trim().pipe(z.iso.date({ error: `Enter ${label} as a real date, for example 2026-06-17` }));

export const startCallInSchema = z.object({ grounds: optionalText(5000, "The grounds") });

export const considerCallInSchema = z
  .object({
    version: versionField,
    outcome: z.enum(["no_further_action", "referred_back"], { error: "Choose what the committee decided" }),
    consideredOn: isoDay("the date the committee considered it"),
    recommendations: optionalText(5000, "The recommendations"),
  })
  .refine((f) => f.outcome !== "referred_back" || f.recommendations, { path: ["recommendations"], error: "Give the committee's recommendations to the board" });

export const reconsiderCallInSchema = z
  .object({
    version: versionField,
    outcome: z.enum(["confirmed", "changed"], { error: "Choose what the board decided" }),
    reconsideredOn: isoDay("the date the board reconsidered it"),
    newDecision: optionalText(40, "The new decision's reference"),
  })
  .refine((f) => f.outcome !== "changed" || f.newDecision, { path: ["newDecision"], error: "Enter the reference of the decision that changed it, for example LCIP-2026-007" });

/** A decision's call-in as its page shows it: the row, who signed, and the rule that governs it. */
export async function callInForDecision(db: Db, partnershipId: string, decisionId: string) {
  const [row] = await db.select().from(callIns).where(and(eq(callIns.partnershipId, partnershipId), eq(callIns.decisionId, decisionId)));
  if (!row) return null;
  const [signatures, [newDecision]] = await Promise.all([
    db
      .select({ userId: callInSignatures.userId, name: users.name, signedAt: callInSignatures.signedAt })
      .from(callInSignatures)
      .innerJoin(users, eq(users.id, callInSignatures.userId))
      .where(eq(callInSignatures.callInId, row.id))
      .orderBy(asc(callInSignatures.signedAt)),
    row.newDecisionId ? db.select({ id: decisions.id, reference: decisions.reference }).from(decisions).where(eq(decisions.id, row.newDecisionId)) : Promise.resolve([]),
  ]);
  return { ...row, status: row.status as CallInStatus, signatures, newDecision: newDecision ?? null };
}

/** What the call-in rules read of a call-in: only once it has enough signatures does it suspend the decision. */
export function callInRecord(row: { status: string; calledInOn: string | null; consideredOn: string | null; reconsideredOn: string | null } | null): CallInRecord | null {
  if (!row || row.status === "gathering" || !row.calledInOn) return null;
  const outcome = row.status === "called_in" ? null : (row.status as CallInOutcome);
  const outcomeOn = outcome === "confirmed" || outcome === "changed" ? row.reconsideredOn : row.consideredOn;
  return { calledInOn: row.calledInOn, outcome, outcomeOn };
}

/** A signature as the rules read it: whether it is the scrutiny committee's chair's (recorded on the partnership). */
const signatory = (scope: PartnershipScope, userId: string) => ({ userId, isCommitteeChair: userId === scope.partnership.scrutinyChairUserId });

/** The decision, locked for this transaction, with the call-in rule of the terms in force when it was taken. */
async function lockedDecision(tx: Tx, partnershipId: string, decisionId: string) {
  if (!z.uuid().safeParse(decisionId).success) return undefined;
  const [d] = await tx.select(decisionColumns).from(decisions).where(and(eq(decisions.id, decisionId), eq(decisions.partnershipId, partnershipId))).for("update");
  if (!d) return undefined;
  const terms = d.decidedOn ? await termsInForce(tx, partnershipId, d.decidedOn) : undefined;
  return { d, rule: terms?.rules.callIn };
}

/** A scrutiny member calls a decision in: the call-in starts with their signature, and is made at once if one signature is enough (or theirs is the committee chair's, where the rule lets the chair act alone). */
export async function startCallIn(db: Db, scope: PartnershipScope, decisionId: string, input: z.output<typeof startCallInSchema>, today: string): Promise<WriteResult<CallInStatus>> {
  return transact(db, async (tx) => {
    const found = await lockedDecision(tx, scope.partnership.id, decisionId);
    if (!found) return fail("form", "That decision is not in this partnership's log");
    const { d, rule } = found;
    if (d.status !== "agreed" || !d.decidedOn || !rule) return fail("form", "Only an agreed decision can be called in");
    const facts = { keyDecision: d.keyDecision, urgentReason: d.urgentReason, publishedOn: d.decidedOn };
    const subject = subjectToCallIn(rule, facts);
    if (!subject.subject) return fail("form", `This decision cannot be called in. ${subject.why}.`);
    if (!callInOpen(rule, facts, today)) return fail("form", `The call-in period ended on ${formatDate(callInPeriod(rule, d.decidedOn).lastDay)}, so it can no longer be called in`);
    const [existing] = await tx.select({ status: callIns.status }).from(callIns).where(eq(callIns.decisionId, d.id));
    if (existing) return fail("form", existing.status === "gathering" ? "A call-in of this decision has already been started: add your signature to it" : "This decision has already been called in");
    const problem = groundsProblem(rule, input.grounds);
    if (problem) return fail("grounds", problem);
    const calledIn = enoughSignatures(rule, [signatory(scope, scope.user.id)]).enough;
    const id = uuidv7();
    await tx.insert(callIns).values({ id, partnershipId: scope.partnership.id, decisionId: d.id, grounds: input.grounds, status: calledIn ? "called_in" : "gathering", startedBy: scope.user.id, startedOn: today, calledInOn: calledIn ? today : null });
    await tx.insert(callInSignatures).values({ callInId: id, userId: scope.user.id, signedAt: new Date() });
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "call_in.start",
      entityId: id,
      partnershipId: scope.partnership.id,
      after: { decisionId: d.id, grounds: input.grounds, status: calledIn ? "called_in" : "gathering", signatures: 1, calledInOn: calledIn ? today : null },
    });
    return ok(calledIn ? "called_in" : "gathering");
  });
}

/** Another scrutiny member signs a call-in still gathering signatures; the one that makes enough calls the decision in. */
export async function signCallIn(db: Db, scope: PartnershipScope, decisionId: string, today: string): Promise<WriteResult<CallInStatus>> {
  return transact(db, async (tx) => {
    const found = await lockedDecision(tx, scope.partnership.id, decisionId);
    if (!found) return fail("form", "That decision is not in this partnership's log");
    const { d, rule } = found;
    const [row] = await tx.select().from(callIns).where(eq(callIns.decisionId, d.id));
    if (!row || !rule || !d.decidedOn) return fail("form", "No call-in of this decision has been started");
    if (row.status !== "gathering") return fail("form", "This decision has already been called in: no more signatures are needed");
    if (!callInOpen(rule, { keyDecision: d.keyDecision, urgentReason: d.urgentReason, publishedOn: d.decidedOn }, today))
      return fail("form", `The call-in period ended on ${formatDate(callInPeriod(rule, d.decidedOn).lastDay)} without enough signatures, so the decision may be implemented`);
    const added = await tx.insert(callInSignatures).values({ callInId: row.id, userId: scope.user.id, signedAt: new Date() }).onConflictDoNothing().returning({ userId: callInSignatures.userId });
    if (!added.length) return fail("form", "You have already signed this call-in");
    const signers = await tx.select({ userId: callInSignatures.userId }).from(callInSignatures).where(eq(callInSignatures.callInId, row.id));
    const calledIn = enoughSignatures(rule, signers.map((s) => signatory(scope, s.userId))).enough;
    if (calledIn) await versionedUpdate(tx, callIns, eq(callIns.id, row.id), row.version, { status: "called_in", calledInOn: today }, "call-in");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "call_in.sign",
      entityId: row.id,
      partnershipId: scope.partnership.id,
      after: { status: calledIn ? "called_in" : "gathering", signatures: signers.length, calledInOn: calledIn ? today : null },
    });
    return ok(calledIn ? "called_in" : "gathering");
  });
}

/** The chair or secretariat records what the scrutiny committee decided on a called-in decision. */
export async function considerCallIn(db: Db, scope: PartnershipScope, decisionId: string, input: z.output<typeof considerCallInSchema>, today: string): Promise<WriteResult> {
  return transact(db, async (tx) => {
    const found = await lockedDecision(tx, scope.partnership.id, decisionId);
    if (!found) return fail("form", "That decision is not in this partnership's log");
    const [row] = await tx.select().from(callIns).where(eq(callIns.decisionId, found.d.id));
    if (!row || row.status !== "called_in") return fail("form", "This decision is not waiting for the committee to consider a call-in");
    if (input.consideredOn > today) return fail("consideredOn", "The date the committee considered it cannot be in the future");
    if (row.calledInOn && input.consideredOn < row.calledInOn) return fail("consideredOn", `The committee cannot have considered it before it was called in on ${formatDate(row.calledInOn)}`);
    const recommendations = input.outcome === "referred_back" ? input.recommendations : null;
    await versionedUpdate(tx, callIns, eq(callIns.id, row.id), input.version, { status: input.outcome, consideredOn: input.consideredOn, recommendations }, "call-in");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "call_in.consider",
      entityId: row.id,
      partnershipId: scope.partnership.id,
      before: { status: "called_in" },
      after: { status: input.outcome, consideredOn: input.consideredOn, recommendations },
    });
    return ok();
  });
}

/** The chair or secretariat records the board's reconsideration of a decision referred back: confirmed, or changed by a new decision. */
export async function reconsiderCallIn(db: Db, scope: PartnershipScope, decisionId: string, input: z.output<typeof reconsiderCallInSchema>, today: string): Promise<WriteResult> {
  return transact(db, async (tx) => {
    const found = await lockedDecision(tx, scope.partnership.id, decisionId);
    if (!found) return fail("form", "That decision is not in this partnership's log");
    const [row] = await tx.select().from(callIns).where(eq(callIns.decisionId, found.d.id));
    if (!row || row.status !== "referred_back") return fail("form", "This decision is not waiting for the board to reconsider it");
    if (input.reconsideredOn > today) return fail("reconsideredOn", "The date the board reconsidered it cannot be in the future");
    if (row.consideredOn && input.reconsideredOn < row.consideredOn) return fail("reconsideredOn", `The board cannot have reconsidered it before the committee referred it back on ${formatDate(row.consideredOn)}`);
    let newDecisionId: string | null = null;
    if (input.outcome === "changed") {
      const replacement = await findDecision(tx, scope.partnership.id, { reference: input.newDecision ?? "" });
      if (!replacement) return fail("newDecision", `There is no decision ${input.newDecision} in this partnership's log`);
      if (replacement.id === found.d.id) return fail("newDecision", "Enter the new decision's reference, not this one's");
      newDecisionId = replacement.id;
    }
    await versionedUpdate(tx, callIns, eq(callIns.id, row.id), input.version, { status: input.outcome, reconsideredOn: input.reconsideredOn, newDecisionId }, "call-in");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "call_in.reconsider",
      entityId: row.id,
      partnershipId: scope.partnership.id,
      before: { status: "referred_back" },
      after: { status: input.outcome, reconsideredOn: input.reconsideredOn, newDecisionId },
    });
    return ok();
  });
}
