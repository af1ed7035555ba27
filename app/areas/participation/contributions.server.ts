import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "../../../db/client";
import { consultationQuestions, consultations, contributions, youngPeople } from "../../../db/schema/participation";
import { appendAudit } from "../../audit/append.server";
import { checkbox, optionalDate, optionalText, requiredText } from "../../platform/forms";
import { findDecision } from "../decisions/public.server";
import { findAction } from "../actions/public.server";
import type { PartnershipScope } from "../../platform/guard.server";
import { uuidv7 } from "../../platform/ids";
import { fail, ok, transact } from "../../platform/write-result";
import { participationPolicy, type PortalPerson } from "./accounts.server";
import { currentConsents } from "./consent.server";
import type { AgeBand } from "./rules/accounts";
import { consentState, type ConsentGiver, type ConsentScope, type CurrentConsent } from "./rules/consent";
import { contributionText, personalDetailFlags, type ContributionStatus, type ideaSchema, type moderationSchema, type PersonalDetailKind } from "./rules/moderation";

// Consultations, what young people write in answer, its moderation and the
// response ("you said, we did"). Adults other than the partnership's
// participation workers see none of this directly: only figures.server.ts's
// suppressed counts and, with quoting consent, quotes.

export const consultationSchema = z.object({
  title: requiredText("Enter a title", 120, "The title"),
  introduction: requiredText("Say in plain words what the consultation is about", 1000, "The introduction"),
  questions: z
    .string({ error: "Enter at least one question" })
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((q) => q.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(300, { error: "Each question must be 300 characters or fewer" }))
        .min(1, { error: "Enter at least one question" })
        .max(10, { error: "Ask 10 questions at most" }),
    ),
  closesOn: optionalDate("The closing date"),
  allowAnonymous: checkbox,
});

export async function createConsultation(db: Db, scope: PartnershipScope, input: z.output<typeof consultationSchema>, today: string) {
  if (input.closesOn && input.closesOn < today) return fail("closesOn", "The closing date must be today or later");
  return transact(db, async (tx) => {
    const id = uuidv7();
    await tx.insert(consultations).values({ id, partnershipId: scope.partnership.id, title: input.title, introduction: input.introduction, closesOn: input.closesOn, allowAnonymous: input.allowAnonymous, createdBy: scope.user.id });
    await tx.insert(consultationQuestions).values(input.questions.map((text, i) => ({ id: uuidv7(), consultationId: id, position: i + 1, text })));
    await appendAudit(tx, {
      action: "consultation.create",
      actorUserId: scope.user.id,
      entityId: id,
      partnershipId: scope.partnership.id,
      after: { title: input.title, questions: input.questions.length, closesOn: input.closesOn, allowAnonymous: input.allowAnonymous },
    });
    return ok({ consultationId: id });
  });
}

/** The partnership's consultations, newest first, with how many answers wait for moderation (workers' list). */
export async function listConsultations(db: Queryable, partnershipId: string) {
  return db
    .select({
      id: consultations.id,
      title: consultations.title,
      closesOn: consultations.closesOn,
      createdAt: consultations.createdAt,
      waiting: sql<number>`(select count(*)::int from ${contributions} where ${contributions.consultationId} = ${consultations.id} and ${contributions.status} = 'pending')`,
    })
    .from(consultations)
    .where(eq(consultations.partnershipId, partnershipId))
    .orderBy(desc(consultations.createdAt));
}

/** Consultations a young person can answer today. */
export async function openConsultations(db: Queryable, person: PortalPerson, today: string) {
  return db
    .select({ id: consultations.id, title: consultations.title, closesOn: consultations.closesOn })
    .from(consultations)
    .where(and(eq(consultations.partnershipId, person.partnershipId), sql`(${consultations.closesOn} is null or ${consultations.closesOn} >= ${today})`))
    .orderBy(desc(consultations.createdAt));
}

/** One consultation as the young person sees it: its questions and their own answers, with what happened to each. */
export async function consultationForPortal(db: Queryable, person: PortalPerson, consultationId: string) {
  if (!z.uuid().safeParse(consultationId).success) return null;
  const [c] = await db
    .select()
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), eq(consultations.partnershipId, person.partnershipId)));
  if (!c) return null;
  const [questions, mine] = await Promise.all([
    db.select().from(consultationQuestions).where(eq(consultationQuestions.consultationId, c.id)).orderBy(asc(consultationQuestions.position)),
    db
      .select({ questionId: contributions.questionId, text: contributions.text, status: contributions.status, moderationNote: contributions.moderationNote, response: contributions.response, anonymous: contributions.anonymous })
      .from(contributions)
      .where(and(eq(contributions.youngPersonId, person.id), eq(contributions.consultationId, c.id))),
  ]);
  const byQuestion = new Map(mine.map((m) => [m.questionId, { ...m, status: m.status as ContributionStatus }]));
  return { consultation: c, questions: questions.map((q) => ({ id: q.id, text: q.text, mine: byQuestion.get(q.id) ?? null })) };
}

/** A young person's answers: new ones wait for moderation; one sent back for a change can be changed; a published or withheld one stays. */
export async function submitAnswers(db: Db, person: PortalPerson, consultationId: string, form: FormData, today: string, now = new Date()) {
  const found = await consultationForPortal(db, person, consultationId);
  if (!found) return fail("form", "That consultation is not open to you.");
  const { consultation, questions } = found;
  if (consultation.closesOn && consultation.closesOn < today) return fail("form", "This consultation has closed.");
  const consents = await currentConsents(db, person.id);
  if (!consents.some((c) => c.scope === "take_part" && c.givenBy === "young_person")) return fail("form", "Before you answer, tell us what you agree to on the ‘What you agree to’ page.");
  const anonymous = consultation.allowAnonymous && form.get("anonymous") === "yes";
  const answers: { questionId: string; text: string }[] = [];
  for (const q of questions) {
    const parsed = contributionText.safeParse(form.get(`answer-${q.id}`) ?? "");
    if (!parsed.success) return fail(`answer-${q.id}`, parsed.error.issues[0].message);
    if (parsed.data === "") continue;
    if (q.mine && (q.mine.status === "published" || q.mine.status === "withheld")) continue;
    answers.push({ questionId: q.id, text: parsed.data });
  }
  if (answers.length === 0) return fail(`answer-${questions.find((q) => !q.mine || q.mine.status === "changes_requested" || q.mine.status === "pending")?.id ?? questions[0].id}`, "Write an answer to at least one question");
  return transact(db, async (tx) => {
    for (const a of answers) {
      const flags = personalDetailFlags(a.text);
      await tx
        .insert(contributions)
        .values({ id: uuidv7(now.getTime()), partnershipId: person.partnershipId, youngPersonId: person.id, consultationId, questionId: a.questionId, text: a.text, anonymous, flags, submittedAt: now })
        .onConflictDoUpdate({
          target: [contributions.youngPersonId, contributions.questionId],
          set: { text: a.text, anonymous, flags, status: "pending", moderationNote: null, submittedAt: now, version: sql`${contributions.version} + 1` },
          setWhere: sql`${contributions.status} in ('pending', 'changes_requested')`,
        });
    }
    await appendAudit(tx, { action: "young_person.answered", actorUserId: null, entityId: person.id, partnershipId: person.partnershipId, after: { consultationId, answers: answers.length } });
    return ok({ answers: answers.length });
  });
}

/** An idea or feedback of their own, outside any consultation: moderated like an answer before any adult sees it. */
export async function submitIdea(db: Db, person: PortalPerson, input: z.output<typeof ideaSchema>, now = new Date()) {
  const consents = await currentConsents(db, person.id);
  if (!consents.some((c) => c.scope === "take_part" && c.givenBy === "young_person")) return fail("form", "Before you send anything, tell us what you agree to on the ‘What you agree to’ page.");
  return transact(db, async (tx) => {
    const id = uuidv7(now.getTime());
    await tx.insert(contributions).values({ id, partnershipId: person.partnershipId, youngPersonId: person.id, kind: input.kind, text: input.text, flags: personalDetailFlags(input.text), submittedAt: now });
    await appendAudit(tx, { action: "young_person.sent_idea", actorUserId: null, entityId: person.id, partnershipId: person.partnershipId, after: { kind: input.kind } });
    return ok({ contributionId: id });
  });
}

/** The ideas and feedback a young person has sent, newest first, with what happened to each. */
export async function myIdeas(db: Queryable, person: PortalPerson) {
  const rows = await db
    .select({ id: contributions.id, kind: contributions.kind, text: contributions.text, status: contributions.status, moderationNote: contributions.moderationNote, response: contributions.response, submittedAt: contributions.submittedAt })
    .from(contributions)
    .where(and(eq(contributions.youngPersonId, person.id), sql`${contributions.kind} in ('idea', 'feedback')`))
    .orderBy(desc(contributions.submittedAt));
  return rows.map((r) => ({ ...r, status: r.status as ContributionStatus }));
}

/** A young person changes an idea the worker sent back: it waits for moderation again. */
export async function changeIdea(db: Db, person: PortalPerson, contributionId: string, text: string, now = new Date()) {
  return transact(db, async (tx) => {
    const updated = await tx
      .update(contributions)
      .set({ text, flags: personalDetailFlags(text), status: "pending", moderationNote: null, submittedAt: now, version: sql`${contributions.version} + 1` })
      .where(and(eq(contributions.id, contributionId), eq(contributions.youngPersonId, person.id), sql`${contributions.kind} in ('idea', 'feedback')`, sql`${contributions.status} in ('pending', 'changes_requested')`))
      .returning({ kind: contributions.kind });
    if (updated.length === 0) return fail(`text-${contributionId}`, "This can no longer be changed: it has been checked already.");
    await appendAudit(tx, { action: "young_person.sent_idea", actorUserId: null, entityId: person.id, partnershipId: person.partnershipId, after: { kind: updated[0].kind as "idea" | "feedback" } });
    return ok(null);
  });
}

// ------------------------------------------------------------------ moderation and responses

type ConsentRow = { scope: ConsentScope; givenBy: ConsentGiver };
const consentsOfAuthor = sql<ConsentRow[]>`coalesce((select json_agg(json_build_object('scope', pc.scope, 'givenBy', pc.given_by)) from participation_consents pc where pc.young_person_id = ${contributions.youngPersonId} and pc.withdrawn_at is null), '[]')`;

/** What waits for the worker: newest last, with the personal details spotted; an anonymous author is not named. */
export async function moderationQueue(db: Queryable, partnershipId: string) {
  const policy = await participationPolicy(db, partnershipId);
  const rows = await db
    .select({
      id: contributions.id,
      kind: contributions.kind,
      text: contributions.text,
      flags: contributions.flags,
      anonymous: contributions.anonymous,
      submittedAt: contributions.submittedAt,
      displayName: youngPeople.displayName,
      ageBand: youngPeople.ageBand,
      consultation: consultations.title,
      question: consultationQuestions.text,
      consents: consentsOfAuthor,
    })
    .from(contributions)
    .innerJoin(youngPeople, eq(youngPeople.id, contributions.youngPersonId))
    .leftJoin(consultations, eq(consultations.id, contributions.consultationId))
    .leftJoin(consultationQuestions, eq(consultationQuestions.id, contributions.questionId))
    .where(and(eq(contributions.partnershipId, partnershipId), eq(contributions.status, "pending")))
    .orderBy(asc(contributions.submittedAt));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: r.text,
    flags: r.flags as { kind: PersonalDetailKind; found: string }[],
    author: r.anonymous ? null : r.displayName,
    submittedAt: r.submittedAt,
    consultation: r.consultation,
    question: r.question,
    usable: consentState(r.consents, r.ageBand as AgeBand, policy.adultConsentUnder) === "taking_part",
  }));
}

/** Publish, ask for a change, or withhold with a reason. One decision per submission: a second gets a clear refusal. */
export async function moderateContribution(db: Db, scope: PartnershipScope, input: z.output<typeof moderationSchema>, now = new Date()) {
  return transact(db, async (tx) => {
    const [row] = await tx
      .select({ status: contributions.status, youngPersonId: contributions.youngPersonId, ageBand: youngPeople.ageBand })
      .from(contributions)
      .innerJoin(youngPeople, eq(youngPeople.id, contributions.youngPersonId))
      .where(and(eq(contributions.id, input.contributionId), eq(contributions.partnershipId, scope.partnership.id)))
      .for("update");
    if (!row) return fail("form", "That contribution is not in this partnership.");
    if (row.status !== "pending") return { ok: false as const, field: "form", message: "Someone has already moderated this contribution. Reload the queue to see what is left.", conflict: true };
    if (input.decision === "publish") {
      const policy = await participationPolicy(tx, scope.partnership.id);
      const consents = await currentConsents(tx, row.youngPersonId);
      if (consentState(consents, row.ageBand as AgeBand, policy.adultConsentUnder) !== "taking_part")
        return fail("decision", "Their consent does not allow this to be used yet: it cannot be published. Ask them to change something, or wait.");
    }
    const status: ContributionStatus = input.decision === "publish" ? "published" : input.decision === "withhold" ? "withheld" : "changes_requested";
    await tx
      .update(contributions)
      .set({ status, moderationNote: input.note || null, moderatedBy: scope.user.id, moderatedAt: now, version: sql`${contributions.version} + 1` })
      .where(eq(contributions.id, input.contributionId));
    // The decision only: the note is for the young person and may quote them.
    await appendAudit(tx, { action: "contribution.moderate", actorUserId: scope.user.id, entityId: input.contributionId, partnershipId: scope.partnership.id, after: { decision: status } });
    return ok(null);
  });
}

export const responseSchema = z.object({
  contributionId: z.uuid({ error: "Choose a contribution" }),
  response: requiredText("Write what happened, in plain words", 1000, "The response"),
  decisionReference: optionalText(40, "The decision reference"),
  actionAddress: optionalText(300, "The action's web address"),
});

/** "You said, we did": the worker's plain-English answer, shown to the young person in the portal. */
export async function respondToContribution(db: Db, scope: PartnershipScope, input: z.output<typeof responseSchema>, now = new Date()) {
  return transact(db, async (tx) => {
    const decision = input.decisionReference ? await findDecision(tx, scope.partnership.id, { reference: input.decisionReference }) : null;
    if (input.decisionReference && !decision) return fail("decisionReference", `There is no decision ${input.decisionReference} in this partnership's log`);
    const action = input.actionAddress ? await findAction(tx, scope.partnership.id, { address: input.actionAddress }) : null;
    if (input.actionAddress && !action) return fail("actionAddress", "There is no such action in this partnership: open the action and copy its web address from the address bar");
    const updated = await tx
      .update(contributions)
      .set({ response: input.response, decisionId: decision?.id ?? null, actionId: action?.id ?? null, respondedBy: scope.user.id, respondedAt: now, version: sql`${contributions.version} + 1` })
      .where(and(eq(contributions.id, input.contributionId), eq(contributions.partnershipId, scope.partnership.id), eq(contributions.status, "published")))
      .returning({ id: contributions.id });
    if (updated.length === 0) return fail("form", "Only a published contribution in this partnership can be answered.");
    await appendAudit(tx, { action: "contribution.respond", actorUserId: scope.user.id, entityId: input.contributionId, partnershipId: scope.partnership.id, after: { decisionId: decision?.id ?? null, actionId: action?.id ?? null } });
    return ok(null);
  });
}

/** Published contributions still awaiting a response, oldest first, with their age in days (workers' list). */
export async function awaitingResponse(db: Queryable, partnershipId: string, now = new Date()) {
  const rows = await db
    .select({ id: contributions.id, kind: contributions.kind, text: contributions.text, submittedAt: contributions.submittedAt, consultation: consultations.title, question: consultationQuestions.text })
    .from(contributions)
    .leftJoin(consultations, eq(consultations.id, contributions.consultationId))
    .leftJoin(consultationQuestions, eq(consultationQuestions.id, contributions.questionId))
    .where(and(eq(contributions.partnershipId, partnershipId), eq(contributions.status, "published"), isNull(contributions.response)))
    .orderBy(asc(contributions.submittedAt));
  return rows.map((r) => ({ ...r, ageDays: Math.floor((now.getTime() - r.submittedAt.getTime()) / 86_400_000) }));
}

/** Every contribution's author consents, for the adults' figures: only those whose authors are taking part now count. */
export async function usableContributions(db: Queryable, partnershipId: string, only: { decisionId?: string; actionId?: string } = {}) {
  const policy = await participationPolicy(db, partnershipId);
  const rows = await db
    .select({
      id: contributions.id,
      kind: contributions.kind,
      consultationId: contributions.consultationId,
      youngPersonId: contributions.youngPersonId,
      text: contributions.text,
      status: contributions.status,
      submittedAt: contributions.submittedAt,
      respondedAt: contributions.respondedAt,
      decisionId: contributions.decisionId,
      actionId: contributions.actionId,
      displayName: youngPeople.displayName,
      ageBand: youngPeople.ageBand,
      consents: consentsOfAuthor,
    })
    .from(contributions)
    .innerJoin(youngPeople, eq(youngPeople.id, contributions.youngPersonId))
    .where(and(eq(contributions.partnershipId, partnershipId), eq(contributions.status, "published"), only.decisionId ? eq(contributions.decisionId, only.decisionId) : undefined, only.actionId ? eq(contributions.actionId, only.actionId) : undefined));
  return rows
    .map((r) => ({ ...r, consents: r.consents as CurrentConsent[] }))
    .filter((r) => consentState(r.consents, r.ageBand as AgeBand, policy.adultConsentUnder) === "taking_part");
}

