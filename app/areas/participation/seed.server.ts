import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { activityParticipants, consultationQuestions, consultations, contributions, participationActivities, participationConsents, participationPolicies, youngPeople } from "../../../db/schema/participation";
import { findDecision } from "../decisions/public.server";
import { findAction } from "../actions/public.server";
import { personalDetailFlags, type ContributionStatus, type IdeaKind } from "./rules/moderation";
import { appendAudit } from "../../audit/append.server";
import { uuidv7 } from "../../platform/ids";
import { addDays } from "../../platform/time/dates";
import type { AgeBand } from "./rules/accounts";
import type { ActivityKind } from "./rules/activities";
import type { AdultConsentGiver, ConsentScope } from "./rules/consent";

// The demo's cohort of young people, loaded through the area (seeds may not
// touch its tables): their places, what they agreed to and who withdrew.

export type DemoYoungPerson = {
  /** null: a place whose code has not been used yet. */
  displayName: string | null;
  ageBand: AgeBand;
  own: ConsentScope[];
  adult?: { givenBy: AdultConsentGiver; scopes: ConsentScope[] };
  withdrawn?: boolean;
  joinedDaysAgo: number;
  /** Days from the load until the account closes at the upper age (the portal gives notice from 30 days before). */
  closesInDays?: number;
};

export async function seedYoungPeople(tx: Tx, input: { partnershipId: string; workerUserId: string; cohort: DemoYoungPerson[]; passphraseHash: string; now: Date; today: string }) {
  const { partnershipId, workerUserId, now } = input;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  // The worker is the demo's designated safeguarding lead.
  await tx.insert(participationPolicies).values({ partnershipId, safeguardingLeadUserId: workerUserId });
  await appendAudit(tx, { action: "participation_policy.safeguarding_lead", actorUserId: null, entityId: partnershipId, partnershipId, before: { leadUserId: null }, after: { leadUserId: workerUserId } });
  for (const y of input.cohort) {
    const id = uuidv7(at(y.joinedDaysAgo + 3).getTime());
    const joined = y.displayName !== null;
    await tx.insert(youngPeople).values({
      id,
      partnershipId,
      displayName: y.displayName,
      ageBand: y.ageBand,
      passphraseHash: joined ? input.passphraseHash : null,
      status: joined ? "active" : "invited",
      joinedAt: joined ? at(y.joinedDaysAgo) : null,
      closesOn: y.closesInDays === undefined ? null : addDays(input.today, y.closesInDays),
      createdBy: workerUserId,
      createdAt: at(y.joinedDaysAgo + 3),
    });
    const event = { entityId: id, partnershipId };
    await appendAudit(tx, { ...event, action: "young_person.place_added", actorUserId: workerUserId, after: { ageBand: y.ageBand } });
    if (y.closesInDays !== undefined)
      await appendAudit(tx, { ...event, action: "young_person.closing_date_set", actorUserId: workerUserId, before: { closesOn: null }, after: { closesOn: addDays(input.today, y.closesInDays) } });
    if (!joined) continue;
    await appendAudit(tx, { ...event, action: "young_person.joined", actorUserId: null });
    const withdrawnAt = y.withdrawn ? at(Math.max(1, Math.floor(y.joinedDaysAgo / 3))) : null;
    const rows = [
      ...y.own.map((scope) => ({ scope, givenBy: "young_person", recordedBy: null as string | null })),
      ...(y.adult ? y.adult.scopes.map((scope) => ({ scope, givenBy: y.adult!.givenBy as string, recordedBy: workerUserId as string | null })) : []),
    ];
    if (rows.length)
      await tx.insert(participationConsents).values(rows.map((r) => ({ id: uuidv7(at(y.joinedDaysAgo).getTime()), youngPersonId: id, ...r, givenAt: at(y.joinedDaysAgo), withdrawnAt })));
    if (y.own.length) await appendAudit(tx, { ...event, action: "young_person.consent_changed", actorUserId: null, after: { givenBy: "young_person", given: y.own, withdrawn: [] } });
    if (y.adult) await appendAudit(tx, { ...event, action: "young_person.consent_changed", actorUserId: workerUserId, after: { givenBy: y.adult.givenBy, given: y.adult.scopes, withdrawn: [] } });
    if (y.withdrawn) await appendAudit(tx, { ...event, action: "young_person.consent_withdrawn", actorUserId: null, after: { scopes: [...new Set(rows.map((r) => r.scope))] } });
  }
}

export type DemoConsultation = {
  title: string;
  introduction: string;
  questions: string[];
  openedDaysAgo: number;
  closesInDays: number;
  answers: { by: string; question: number; text: string; status: ContributionStatus; note?: string; response?: string; daysAgo: number; respondedAfterDays?: number; informedDecision?: string }[];
};

/** A consultation with its answers, moderated and (some) answered, as a worker would have left it. */
export async function seedConsultation(tx: Tx, input: { partnershipId: string; workerUserId: string; consultation: DemoConsultation; now: Date }) {
  const { partnershipId, workerUserId, consultation: c, now } = input;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  const id = uuidv7(at(c.openedDaysAgo).getTime());
  const closesOn = at(-c.closesInDays).toISOString().slice(0, 10);
  await tx.insert(consultations).values({ id, partnershipId, title: c.title, introduction: c.introduction, closesOn, allowAnonymous: true, createdBy: workerUserId, createdAt: at(c.openedDaysAgo) });
  const questionIds = c.questions.map(() => uuidv7(at(c.openedDaysAgo).getTime()));
  await tx.insert(consultationQuestions).values(c.questions.map((text, i) => ({ id: questionIds[i], consultationId: id, position: i + 1, text })));
  await appendAudit(tx, { action: "consultation.create", actorUserId: workerUserId, entityId: id, partnershipId, after: { title: c.title, questions: c.questions.length, closesOn, allowAnonymous: true } });
  for (const a of c.answers) {
    const [author] = await tx.select({ id: youngPeople.id }).from(youngPeople).where(and(eq(youngPeople.partnershipId, partnershipId), eq(youngPeople.displayName, a.by)));
    if (!author) throw new Error(`Demo consultation names unknown young person "${a.by}"`);
    const contributionId = uuidv7(at(a.daysAgo).getTime());
    const moderated = a.status !== "pending";
    const respondedAt = a.response ? at(a.daysAgo - (a.respondedAfterDays ?? 7)) : null;
    const decision = a.informedDecision ? await findDecision(tx, partnershipId, { title: a.informedDecision }) : null;
    if (a.informedDecision && !decision) throw new Error(`Demo consultation names unknown decision "${a.informedDecision}"`);
    await tx.insert(contributions).values({
      id: contributionId,
      partnershipId,
      youngPersonId: author.id,
      consultationId: id,
      questionId: questionIds[a.question],
      text: a.text,
      status: a.status,
      flags: personalDetailFlags(a.text),
      moderationNote: a.note ?? null,
      moderatedBy: moderated ? workerUserId : null,
      moderatedAt: moderated ? at(a.daysAgo - 1) : null,
      response: a.response ?? null,
      decisionId: decision?.id ?? null,
      respondedBy: a.response ? workerUserId : null,
      respondedAt,
      submittedAt: at(a.daysAgo),
    });
    await appendAudit(tx, { action: "young_person.answered", actorUserId: null, entityId: author.id, partnershipId, after: { consultationId: id, answers: 1 } });
    if (moderated) await appendAudit(tx, { action: "contribution.moderate", actorUserId: workerUserId, entityId: contributionId, partnershipId, after: { decision: a.status as "published" | "withheld" | "changes_requested" } });
    if (a.response) await appendAudit(tx, { action: "contribution.respond", actorUserId: workerUserId, entityId: contributionId, partnershipId, after: { decisionId: decision?.id ?? null } });
  }
}

export type DemoActivity = {
  kind: ActivityKind;
  title: string;
  heldDaysAgo: number;
  space: string;
  voice: string;
  audience: string;
  influence: string;
  participants: string[];
  informedDecision?: string;
};

/** Activities the cohort took part in, with who (kept for the worker) and the decision each fed. */
export async function seedActivities(tx: Tx, input: { partnershipId: string; workerUserId: string; activities: DemoActivity[]; now: Date }) {
  const { partnershipId, workerUserId, now } = input;
  for (const a of input.activities) {
    const heldOn = new Date(now.getTime() - a.heldDaysAgo * 86_400_000).toISOString().slice(0, 10);
    const decision = a.informedDecision ? await findDecision(tx, partnershipId, { title: a.informedDecision }) : null;
    if (a.informedDecision && !decision) throw new Error(`Demo activity names unknown decision "${a.informedDecision}"`);
    const people = a.participants.length ? await tx.select({ id: youngPeople.id }).from(youngPeople).where(and(eq(youngPeople.partnershipId, partnershipId), inArray(youngPeople.displayName, a.participants))) : [];
    if (people.length !== a.participants.length) throw new Error(`Demo activity "${a.title}" names unknown young people`);
    const id = uuidv7(now.getTime() - a.heldDaysAgo * 86_400_000);
    await tx.insert(participationActivities).values({ id, partnershipId, kind: a.kind, title: a.title, heldOn, space: a.space, voice: a.voice, audience: a.audience, influence: a.influence, decisionId: decision?.id ?? null, createdBy: workerUserId });
    if (people.length) await tx.insert(activityParticipants).values(people.map((p) => ({ activityId: id, youngPersonId: p.id })));
    await appendAudit(tx, { action: "activity.record", actorUserId: workerUserId, entityId: id, partnershipId, after: { kind: a.kind, title: a.title, heldOn, participants: people.length, decisionId: decision?.id ?? null } });
  }
}

export type DemoIdea = { by: string; kind: IdeaKind; text: string; status: ContributionStatus; daysAgo: number; response?: string; respondedAfterDays?: number; informedAction?: string };

/** Ideas and feedback sent outside consultations, moderated and (some) answered, one linked to the action it informed. */
export async function seedIdeas(tx: Tx, input: { partnershipId: string; workerUserId: string; ideas: DemoIdea[]; now: Date }) {
  const { partnershipId, workerUserId, now } = input;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  for (const i of input.ideas) {
    const [author] = await tx.select({ id: youngPeople.id }).from(youngPeople).where(and(eq(youngPeople.partnershipId, partnershipId), eq(youngPeople.displayName, i.by)));
    if (!author) throw new Error(`Demo idea names unknown young person "${i.by}"`);
    const action = i.informedAction ? await findAction(tx, partnershipId, { title: i.informedAction }) : null;
    if (i.informedAction && !action) throw new Error(`Demo idea names unknown action "${i.informedAction}"`);
    const id = uuidv7(at(i.daysAgo).getTime());
    const moderated = i.status !== "pending";
    await tx.insert(contributions).values({
      id,
      partnershipId,
      youngPersonId: author.id,
      kind: i.kind,
      text: i.text,
      status: i.status,
      flags: personalDetailFlags(i.text),
      moderatedBy: moderated ? workerUserId : null,
      moderatedAt: moderated ? at(i.daysAgo - 1) : null,
      response: i.response ?? null,
      actionId: action?.id ?? null,
      respondedBy: i.response ? workerUserId : null,
      respondedAt: i.response ? at(i.daysAgo - (i.respondedAfterDays ?? 7)) : null,
      submittedAt: at(i.daysAgo),
    });
    await appendAudit(tx, { action: "young_person.sent_idea", actorUserId: null, entityId: author.id, partnershipId, after: { kind: i.kind } });
    if (moderated) await appendAudit(tx, { action: "contribution.moderate", actorUserId: workerUserId, entityId: id, partnershipId, after: { decision: i.status as "published" | "withheld" | "changes_requested" } });
    if (i.response) await appendAudit(tx, { action: "contribution.respond", actorUserId: workerUserId, entityId: id, partnershipId, after: { decisionId: null, actionId: action?.id ?? null } });
  }
}
