import { and, asc, count, desc, eq, inArray, max, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "../../../db/client";
import { challengeReplies, challenges, decisions, meetings, obligations, organisations, partnerships, risks, users } from "../../../db/schema";
import { appendAudit } from "../../audit/append.server";
import { optionalText, requiredDate, requiredText, versionField } from "../../platform/forms";
import type { PartnershipScope } from "../../platform/guard.server";
import { uuidv7 } from "../../platform/ids";
import { formatDate, londonDate } from "../../platform/time/dates";
import { versionedUpdate } from "../../platform/versioned-update.server";
import { conflict, fail, ok, transact, type WriteResult } from "../../platform/write-result";
import type { ChallengesPanel } from "./challenges-panel";
import { challengeKindLabels, challengeStanding, challengeStandingWords, challengeSubjectLabels, dueDateProblem, standingColour, type ChallengeKind, type ChallengeStatus, type ChallengeSubjectType } from "./rules/challenges";

// Formal questions and challenges from scrutiny to the chair: raised on a
// decision, risk, return or meeting; answered by the chair or secretariat by
// the date asked; followed up (with a new date) or closed by scrutiny. Every
// step is audited; the dates' rules are in rules/challenges.ts, the reminders
// and the escalation of late answers in challenge-reminders.server.ts.

export const challengeSubjectTypes = ["decision", "risk", "obligation", "meeting"] as const satisfies readonly ChallengeSubjectType[];

export const raiseChallengeSchema = z.object({
  kind: z.enum(["question", "challenge"], { error: "Choose whether this is a question or a challenge" }),
  title: requiredText("Enter a short title", 150, "The title"),
  question: requiredText("Enter your question or challenge", 5000, "The question"),
  dueOn: requiredDate("Enter the date the partnership should answer by"),
});

export const answerChallengeSchema = z.object({ version: versionField, answer: requiredText("Enter the answer", 10000, "The answer") });

export const followUpChallengeSchema = z.object({
  version: versionField,
  question: requiredText("Enter your follow-up question", 5000, "The follow-up question"),
  dueOn: requiredDate("Enter the date the partnership should answer by"),
});

export const closeChallengeSchema = z.object({ version: versionField, closingNote: optionalText(2000, "The closing note") });

/** The record a question is about: `decision:<uuid>` and the like, as links and forms carry it. */
export const subjectParam = z
  .string({ error: "Choose the record to question" })
  .regex(/^(decision|risk|obligation|meeting):[0-9a-f-]{36}$/i, { error: "Raise a question from the decision, risk, return or meeting it is about" })
  .transform((v) => {
    const [type, id] = v.split(":") as [ChallengeSubjectType, string];
    return { type, id: id.toLowerCase() };
  })
  .refine((s) => z.uuid().safeParse(s.id).success, { error: "Raise a question from the decision, risk, return or meeting it is about" });

export type ChallengeSubject = { type: ChallengeSubjectType; id: string; name: string; path: string };

const paths: Record<ChallengeSubjectType, string> = { decision: "decisions", risk: "risks", obligation: "obligations", meeting: "meetings" };

/** The records questions are about, named as their pages name them, a query per kind of record; records outside the partnership are left out. */
export async function subjectsNamed(db: Queryable, partnershipId: string, slug: string, wanted: readonly { type: ChallengeSubjectType; id: string }[]): Promise<Map<string, ChallengeSubject>> {
  const idsOf = (type: ChallengeSubjectType) => [...new Set(wanted.filter((w) => w.type === type).map((w) => w.id))];
  const read = async (type: ChallengeSubjectType, query: (ids: string[]) => Promise<{ id: string; name: string }[]>) => {
    const ids = idsOf(type);
    return (ids.length ? await query(ids) : []).map((r) => ({ ...r, type }));
  };
  const rows = (
    await Promise.all([
      read("decision", (ids) =>
        db
          .select({ id: decisions.id, name: sql<string>`coalesce(${decisions.reference} || ' ', '') || ${decisions.title}` })
          .from(decisions)
          .where(and(eq(decisions.partnershipId, partnershipId), inArray(decisions.id, ids))),
      ),
      read("risk", (ids) =>
        db
          .select({ id: risks.id, name: sql<string>`${risks.reference} || ' ' || ${risks.title}` })
          .from(risks)
          .where(and(eq(risks.partnershipId, partnershipId), inArray(risks.id, ids))),
      ),
      read("obligation", (ids) => db.select({ id: obligations.id, name: obligations.title }).from(obligations).where(and(eq(obligations.partnershipId, partnershipId), inArray(obligations.id, ids)))),
      read("meeting", async (ids) =>
        (
          await db
            .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
            .from(meetings)
            .where(and(eq(meetings.partnershipId, partnershipId), inArray(meetings.id, ids)))
        ).map((m) => ({ id: m.id, name: `${m.title}, ${formatDate(londonDate(m.startsAt))}` })),
      ),
    ])
  ).flat();
  return new Map(rows.map((r) => [`${r.type}:${r.id}`, { type: r.type, id: r.id, name: r.name, path: `/p/${slug}/${paths[r.type]}/${r.id}` }]));
}

export async function findSubject(db: Queryable, partnershipId: string, slug: string, subject: { type: ChallengeSubjectType; id: string }) {
  return (await subjectsNamed(db, partnershipId, slug, [subject])).get(`${subject.type}:${subject.id}`);
}

export type ChallengeRow = typeof challenges.$inferSelect & { status: ChallengeStatus; kind: ChallengeKind; subjectType: ChallengeSubjectType };

const asRow = (r: typeof challenges.$inferSelect) => r as ChallengeRow;

/** The lead body, to which late answers are escalated. */
export async function leadBodyName(db: Queryable, partnershipId: string) {
  const [row] = await db.select({ name: organisations.name }).from(partnerships).innerJoin(organisations, eq(organisations.id, partnerships.leadOrganisationId)).where(eq(partnerships.id, partnershipId));
  return row?.name ?? "the lead body";
}

/** The partnership's questions and challenges, newest first, optionally only those in one state, with the records they are about. */
export async function listChallenges(db: Db, partnershipId: string, slug: string, filter: { status: ChallengeStatus | null }) {
  const rows = await db
    .select({ c: challenges, raisedByName: users.name })
    .from(challenges)
    .innerJoin(users, eq(users.id, challenges.raisedBy))
    .where(and(eq(challenges.partnershipId, partnershipId), filter.status ? eq(challenges.status, filter.status) : undefined))
    .orderBy(desc(challenges.number));
  const subjects = await subjectsNamed(db, partnershipId, slug, rows.map((r) => ({ type: r.c.subjectType as ChallengeSubjectType, id: r.c.subjectId })));
  return rows.map((r) => ({ ...asRow(r.c), raisedByName: r.raisedByName, subject: subjects.get(`${r.c.subjectType}:${r.c.subjectId}`) ?? null }));
}

/** How many questions and challenges are in each state (for the list's filter). */
export async function challengeCounts(db: Db, partnershipId: string) {
  const rows = await db.select({ status: challenges.status, n: count() }).from(challenges).where(eq(challenges.partnershipId, partnershipId)).groupBy(challenges.status);
  return new Map(rows.map((r) => [r.status as ChallengeStatus, r.n]));
}

/** One question or challenge with its exchange, oldest first. */
export async function challengeDetail(db: Db, partnershipId: string, slug: string, challengeId: string) {
  if (!z.uuid().safeParse(challengeId).success) return null;
  const [row] = await db
    .select({ c: challenges, raisedByName: users.name })
    .from(challenges)
    .innerJoin(users, eq(users.id, challenges.raisedBy))
    .where(and(eq(challenges.id, challengeId), eq(challenges.partnershipId, partnershipId)));
  if (!row) return null;
  const [replies, subject, closedBy] = await Promise.all([
    db
      .select({ id: challengeReplies.id, kind: challengeReplies.kind, body: challengeReplies.body, onDate: challengeReplies.onDate, dueOn: challengeReplies.dueOn, late: challengeReplies.late, authorName: users.name })
      .from(challengeReplies)
      .innerJoin(users, eq(users.id, challengeReplies.authorId))
      .where(eq(challengeReplies.challengeId, row.c.id))
      .orderBy(asc(challengeReplies.createdAt), asc(challengeReplies.id)),
    findSubject(db, partnershipId, slug, { type: row.c.subjectType as ChallengeSubjectType, id: row.c.subjectId }),
    row.c.closedBy ? db.select({ name: users.name }).from(users).where(eq(users.id, row.c.closedBy)) : Promise.resolve([]),
  ]);
  return { ...asRow(row.c), raisedByName: row.raisedByName, subject: subject ?? null, replies: replies.map((r) => ({ ...r, kind: r.kind as "answer" | "follow_up" })), closedByName: closedBy[0]?.name ?? null };
}

/** The questions and challenges on one record, for its page. */
export async function challengesOn(db: Queryable, partnershipId: string, subjectType: ChallengeSubjectType, subjectId: string) {
  const rows = await db
    .select({ id: challenges.id, number: challenges.number, kind: challenges.kind, title: challenges.title, status: challenges.status, dueOn: challenges.dueOn, closedOn: challenges.closedOn })
    .from(challenges)
    .where(and(eq(challenges.partnershipId, partnershipId), eq(challenges.subjectType, subjectType), eq(challenges.subjectId, subjectId)))
    .orderBy(asc(challenges.number));
  return rows.map((r) => ({ ...r, kind: r.kind as ChallengeKind, status: r.status as ChallengeStatus }));
}

async function lockedChallenge(tx: Tx, partnershipId: string, challengeId: string) {
  if (!z.uuid().safeParse(challengeId).success) return undefined;
  const [row] = await tx.select().from(challenges).where(and(eq(challenges.id, challengeId), eq(challenges.partnershipId, partnershipId))).for("update");
  return row ? asRow(row) : undefined;
}

/** A scrutiny member raises a question or challenge to the chair on a record of the partnership. */
export async function raiseChallenge(
  db: Db,
  scope: PartnershipScope,
  subject: { type: ChallengeSubjectType; id: string },
  input: z.output<typeof raiseChallengeSchema>,
  today: string,
): Promise<WriteResult<{ id: string; number: number }>> {
  const problem = dueDateProblem(input.dueOn, today);
  if (problem) return fail("dueOn", problem);
  return transact(db, async (tx) => {
    const found = await findSubject(tx, scope.partnership.id, scope.partnership.slug, subject);
    if (!found) return fail("form", `That ${challengeSubjectLabels[subject.type].toLowerCase()} is not in this partnership's records`);
    // Numbers run within the partnership: the partnership's row is locked so two raised at once take the next two.
    await tx.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.id, scope.partnership.id)).for("update");
    const [{ last }] = await tx.select({ last: max(challenges.number) }).from(challenges).where(eq(challenges.partnershipId, scope.partnership.id));
    const number = (last ?? 0) + 1;
    const id = uuidv7();
    await tx.insert(challenges).values({
      id,
      partnershipId: scope.partnership.id,
      number,
      kind: input.kind,
      subjectType: subject.type,
      subjectId: found.id,
      title: input.title,
      question: input.question,
      raisedBy: scope.user.id,
      raisedOn: today,
      firstDueOn: input.dueOn,
      dueOn: input.dueOn,
      status: "awaiting_answer",
    });
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "challenge.raise",
      entityId: id,
      partnershipId: scope.partnership.id,
      after: { number, kind: input.kind, subjectType: subject.type, subjectId: found.id, title: input.title, question: input.question, dueOn: input.dueOn },
    });
    return ok({ id, number });
  });
}

/** The chair or secretariat answers the question waiting for an answer (the first, or a follow-up). */
export async function answerChallenge(db: Db, scope: PartnershipScope, challengeId: string, input: z.output<typeof answerChallengeSchema>, today: string): Promise<WriteResult> {
  return transact(db, async (tx) => {
    const row = await lockedChallenge(tx, scope.partnership.id, challengeId);
    if (!row) return fail("form", "That question is not in this partnership's records");
    if (row.version !== input.version) return conflict("question");
    if (row.status !== "awaiting_answer") return fail("form", row.status === "closed" ? "This question has been closed" : "This question has already been answered: scrutiny may follow it up");
    const late = today > row.dueOn;
    await versionedUpdate(tx, challenges, eq(challenges.id, row.id), input.version, { status: "answered", firstAnsweredOn: row.firstAnsweredOn ?? today }, "question");
    await tx.insert(challengeReplies).values({ id: uuidv7(), challengeId: row.id, kind: "answer", body: input.answer, authorId: scope.user.id, onDate: today, dueOn: null, late });
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "challenge.answer",
      entityId: row.id,
      partnershipId: scope.partnership.id,
      before: { status: "awaiting_answer", dueOn: row.dueOn },
      after: { status: "answered", answer: input.answer, answeredOn: today, late },
    });
    return ok();
  });
}

/** The scrutiny member follows up: a further question, to be answered by a new date. */
export async function followUpChallenge(db: Db, scope: PartnershipScope, challengeId: string, input: z.output<typeof followUpChallengeSchema>, today: string): Promise<WriteResult> {
  const problem = dueDateProblem(input.dueOn, today);
  if (problem) return fail("dueOn", problem);
  return transact(db, async (tx) => {
    const row = await lockedChallenge(tx, scope.partnership.id, challengeId);
    if (!row) return fail("form", "That question is not in this partnership's records");
    if (row.version !== input.version) return conflict("question");
    if (row.status === "closed") return fail("form", "This question has been closed: raise a new one");
    await versionedUpdate(tx, challenges, eq(challenges.id, row.id), input.version, { status: "awaiting_answer", dueOn: input.dueOn }, "question");
    await tx.insert(challengeReplies).values({ id: uuidv7(), challengeId: row.id, kind: "follow_up", body: input.question, authorId: scope.user.id, onDate: today, dueOn: input.dueOn });
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "challenge.follow_up",
      entityId: row.id,
      partnershipId: scope.partnership.id,
      before: { status: row.status as "awaiting_answer" | "answered", dueOn: row.dueOn },
      after: { status: "awaiting_answer", question: input.question, dueOn: input.dueOn },
    });
    return ok();
  });
}

/** Scrutiny closes a question: satisfied with the answer, or no longer pursuing it. */
export async function closeChallenge(db: Db, scope: PartnershipScope, challengeId: string, input: z.output<typeof closeChallengeSchema>, today: string): Promise<WriteResult> {
  return transact(db, async (tx) => {
    const row = await lockedChallenge(tx, scope.partnership.id, challengeId);
    if (!row) return fail("form", "That question is not in this partnership's records");
    if (row.version !== input.version) return conflict("question");
    if (row.status === "closed") return fail("form", "This question has already been closed");
    await versionedUpdate(tx, challenges, eq(challenges.id, row.id), input.version, { status: "closed", closedOn: today, closedBy: scope.user.id, closingNote: input.closingNote }, "question");
    await appendAudit(tx, {
      actorUserId: scope.user.id,
      action: "challenge.close",
      entityId: row.id,
      partnershipId: scope.partnership.id,
      before: { status: row.status as "awaiting_answer" | "answered" },
      after: { status: "closed", closedOn: today, closingNote: input.closingNote },
    });
    return ok();
  });
}

/** A record's page's panel of questions and challenges: each with where it stands, and the link to ask one for those who may. */
export async function challengesPanel(db: Queryable, scope: PartnershipScope, subjectType: ChallengeSubjectType, subjectId: string, today: string): Promise<ChallengesPanel> {
  const [rows, leadBody] = await Promise.all([challengesOn(db, scope.partnership.id, subjectType, subjectId), leadBodyName(db, scope.partnership.id)]);
  const base = `/p/${scope.partnership.slug}/scrutiny/challenges`;
  return {
    subjectLabel: subjectType === "obligation" ? "return" : subjectType,
    items: rows.map((r) => {
      const standing = challengeStanding(r, today);
      return { number: r.number, label: `${challengeKindLabels[r.kind]} ${r.number}: ${r.title}`, path: `${base}/${r.id}`, standing: challengeStandingWords(standing, leadBody), colour: standingColour(standing) };
    }),
    askPath: scope.permissions.has("scrutiny:challenge") ? `${base}/new?about=${subjectType}:${subjectId}` : null,
  };
}
