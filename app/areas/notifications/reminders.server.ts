import { and, eq, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { actions, meetings, minutes, partnerships, remindersSent, termsOfReference, users } from "../../../db/schema";
import { isSeatCurrent } from "../register/rules/board-rules";
import { addDays, formatDate, londonDate } from "../../platform/time/dates";
import { chasedFor, isReminderDue, plannedObligationReminders, reminderKey, reminderWindow } from "../obligations/rules/reminders";
import { possessive } from "../../platform/text/english";
import { workingDaysBetween } from "../../platform/time/working-days";
import { officerTiers, type SeniorityTier } from "../partnerships/rules/vocabulary";
import { env } from "../../platform/env.server";
import { listPartnersForRules, listSeats, type SeatRow } from "../register/board.server";
import { listObligations, listResponsibles, listRoleHolders, owingPartners, reminderScheduleOf, submissionsByPeriod } from "../obligations/obligations.server";

// The scheduler's side of reminders: who should hear about what, today.
// Each kind of reminder is one collector below that turns the records into
// messages; adding a kind means adding a collector. Messages are recorded in
// reminders_sent under a unique key, so a pass that runs twice (or two
// passes at once) records each message once; delivery is jobs/deliver.ts.

export type Recipient = { userId: string | null; email: string; name: string; emailDigest: boolean };

export type ReminderMessage = {
  kind:
    | "obligation"
    | "escalation"
    | "action"
    | "terms_review"
    | "board_term_ending"
    | "deputy_lapsing"
    | "minutes_awaiting_approval"
    | "meeting_invitation"
    | "minutes_circulated";
  partnershipId: string;
  subjectId: string;
  periodKey: string;
  stage: string;
  recipient: Recipient;
  /** Statutory reminders and escalations go at once, whatever the person's digest preference. */
  urgent: boolean;
  template: string;
  subject: string;
  props: Record<string, unknown>;
  /** Facts the compliance view reads back (e.g. the partner chased). */
  facts?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: string }[];
};

type PartnershipRow = typeof partnerships.$inferSelect;

const link = (path: string) => `${env().APP_URL}${path}`;

async function peopleById(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, Recipient>();
  const rows = await db.select({ id: users.id, email: users.email, name: users.name, emailDigest: users.emailDigest, kind: users.kind }).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.filter((r) => r.kind === "adult").map((r) => [r.id, { userId: r.id, email: r.email, name: r.name, emailDigest: r.emailDigest }]));
}

/** The most senior current board member for a partner: highest officer tier, then chair, vice-chair, member. */
export function mostSeniorMember(seats: readonly SeatRow[], organisationId: string, onDate: string) {
  const rank = (t: SeniorityTier) => {
    const i = (officerTiers as readonly string[]).indexOf(t);
    return i < 0 ? officerTiers.length : i;
  };
  const roleRank = (r: string) => ["chair", "vice_chair", "member"].indexOf(r);
  return seats
    .filter((s) => s.organisationId === organisationId && isSeatCurrent(s, onDate) && roleRank(s.boardRole) >= 0)
    .sort((a, b) => rank(a.seniority) - rank(b.seniority) || roleRank(a.boardRole) - roleRank(b.boardRole))[0];
}

const scheduleOf = reminderScheduleOf;

/** Obligations: responsible people are chased at each stage; the escalation stage also goes to the chair and the partner's most senior member. */
export async function obligationMessages(db: Db, p: PartnershipRow, now: Date): Promise<ReminderMessage[]> {
  const today = londonDate(now);
  const [list, partners, seats, roles] = await Promise.all([listObligations(db, p.id), listPartnersForRules(db, p.id), listSeats(db, p.id), listRoleHolders(db, p.id)]);
  if (list.length === 0) return [];
  const [byPeriod, responsibles] = await Promise.all([submissionsByPeriod(db, list.map((o) => o.id)), listResponsibles(db, list.map((o) => o.id))]);
  const latest = new Map([...byPeriod].map(([k, v]) => [k, v[v.length - 1].status]));
  const planned = plannedObligationReminders({
    obligations: list.map((o) => ({ ...o, organisationIds: owingPartners(o, partners, today).map((x) => x.organisationId) })),
    schedule: scheduleOf(p),
    submissions: latest,
    now,
  });
  if (planned.length === 0) return [];
  // The chair on the register today, or failing that whoever holds the chair's role on the platform.
  const chairId = seats.find((s) => s.boardRole === "chair" && isSeatCurrent(s, today))?.userId ?? roles.find((r) => r.role === "chair")?.userId;
  const ids = new Set<string>([...responsibles.map((r) => r.userId), ...roles.map((r) => r.userId), ...seats.map((s) => s.userId)]);
  const people = await peopleById(db, [...ids]);
  const messages: ReminderMessage[] = [];
  for (const r of planned) {
    const o = list.find((x) => x.id === r.obligationId)!;
    const partner = partners.find((x) => x.organisationId === r.organisationId)!;
    const { userIds: chased, named } = chasedFor({ responsibles, roles, seats }, o.id, r.organisationId, today);
    const path = `/p/${p.slug}/obligations/${o.id}`;
    const base = { partnershipId: p.id, subjectId: `${o.id}:${r.organisationId}`, periodKey: r.period.key, stage: r.stage.key, facts: { organisationId: r.organisationId } };
    const stageName = r.stage.offset < 0 ? "due_soon" : r.stage.offset === 0 ? "due_today" : "overdue";
    for (const userId of chased) {
      const person = people.get(userId);
      if (!person) continue;
      messages.push({
        ...base,
        kind: "obligation",
        recipient: person,
        urgent: true,
        template: "obligation-reminder",
        subject: `${p.shortName}: ${o.title} for ${r.period.label} ${stageName === "overdue" ? "is overdue" : stageName === "due_today" ? "is due today" : "is due soon"}`,
        props: {
          recipientName: person.name,
          partnershipName: p.name,
          organisationName: partner.name,
          obligationTitle: o.title,
          periodLabel: r.period.label,
          dueDate: r.period.due,
          stage: stageName,
          daysLate: stageName === "overdue" ? workingDaysBetween(r.period.due, r.sendOn) : undefined,
          instructions: o.instructions,
          link: link(path),
          reason: named
            ? `You are named as responsible for this return for ${partner.name}.`
            : `You represent ${partner.name} in ${p.name}, and nobody is named as responsible for this return.`,
        },
      });
    }
    if (!r.stage.escalate) continue;
    const senior = mostSeniorMember(seats, r.organisationId, today);
    const escalateTo = [chairId, senior?.userId].filter((x): x is string => Boolean(x));
    for (const userId of new Set(escalateTo)) {
      const person = people.get(userId);
      if (!person) continue;
      messages.push({
        ...base,
        kind: "escalation",
        recipient: person,
        urgent: true,
        template: "escalation",
        subject: `${p.shortName}: ${possessive(partner.name)} ${o.title.toLowerCase()} for ${r.period.label} is late`,
        props: {
          recipientName: person.name,
          partnershipName: p.name,
          organisationName: partner.name,
          obligationTitle: o.title,
          periodLabel: r.period.label,
          dueDate: r.period.due,
          workingDaysLate: workingDaysBetween(r.period.due, r.sendOn),
          responsibleNames: [...new Set(chased)].map((id) => people.get(id)?.name).filter(Boolean),
          remindersSent: scheduleOf(p).filter((s) => s.offset < r.stage.offset).length,
          link: link(path),
          reason: userId === chairId ? `You chair ${p.name}.` : `You are ${possessive(partner.name)} most senior member on the board of ${p.name}.`,
        },
      });
    }
  }
  return messages;
}

/** Actions: three days before they are due, and the day after they become overdue. Not urgent: digest if preferred. */
async function actionMessages(db: Db, p: PartnershipRow, now: Date): Promise<ReminderMessage[]> {
  const { from, to } = reminderWindow(now);
  const rows = await db
    .select({ action: actions, meetingTitle: meetings.title, meetingStartsAt: meetings.startsAt })
    .from(actions)
    .leftJoin(meetings, eq(meetings.id, actions.meetingId))
    .where(and(eq(actions.partnershipId, p.id), eq(actions.status, "open"), sql`${actions.dueDate} between ${addDays(from, -1)} and ${addDays(to, 3)}`));
  if (rows.length === 0) return [];
  const roles = await listRoleHolders(db, p.id);
  const messages: ReminderMessage[] = [];
  const stages = [
    { key: "due_in_3_days", offset: -3, overdue: false },
    { key: "overdue", offset: 1, overdue: true },
  ];
  const owners = new Set<string>();
  for (const r of rows) {
    if (r.action.ownerUserId) owners.add(r.action.ownerUserId);
    else roles.filter((x) => x.role === "partner_rep" && x.organisationId === r.action.organisationId).forEach((x) => owners.add(x.userId));
  }
  const people = await peopleById(db, [...owners]);
  for (const r of rows) {
    for (const stage of stages) {
      if (!isReminderDue(addDays(r.action.dueDate, stage.offset), now)) continue;
      const to = r.action.ownerUserId ? [r.action.ownerUserId] : roles.filter((x) => x.role === "partner_rep" && x.organisationId === r.action.organisationId).map((x) => x.userId);
      for (const userId of to) {
        const person = people.get(userId);
        if (!person) continue;
        messages.push({
          kind: "action",
          partnershipId: p.id,
          subjectId: r.action.id,
          periodKey: r.action.dueDate,
          stage: stage.key,
          recipient: person,
          urgent: false,
          template: "action-reminder",
          subject: `${p.shortName}: action ${stage.overdue ? "overdue" : "due soon"}: ${r.action.title}`,
          props: {
            recipientName: person.name,
            partnershipName: p.name,
            actionTitle: r.action.title,
            dueDate: r.action.dueDate,
            overdue: stage.overdue,
            origin: r.meetingTitle && r.meetingStartsAt ? `${r.meetingTitle}, ${formatDate(londonDate(r.meetingStartsAt))}` : null,
            link: link(`/p/${p.slug}/actions/${r.action.id}`),
            reason: r.action.ownerUserId === userId ? "You own this action." : "You represent the partner responsible for this action.",
          },
        });
      }
    }
  }
  return messages;
}

/** Terms reviews, board terms ending, deputies lapsing and minutes waiting for approval: the chair and secretariat hear, with the people concerned. */
async function governanceMessages(db: Db, p: PartnershipRow, now: Date): Promise<ReminderMessage[]> {
  const today = londonDate(now);
  const [roles, seats, terms, awaiting] = await Promise.all([
    listRoleHolders(db, p.id),
    listSeats(db, p.id),
    db.select().from(termsOfReference).where(and(eq(termsOfReference.partnershipId, p.id), eq(termsOfReference.status, "approved"), isNotNull(termsOfReference.reviewDate))),
    db
      .select({ meetingId: minutes.meetingId, circulatedAt: minutes.circulatedAt, title: meetings.title, startsAt: meetings.startsAt })
      .from(minutes)
      .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
      .where(and(eq(meetings.partnershipId, p.id), eq(minutes.status, "circulated"))),
  ]);
  const officers = roles.filter((r) => r.role === "chair" || r.role === "secretariat").map((r) => r.userId);
  const candidates: { kind: ReminderMessage["kind"]; subjectId: string; periodKey: string; stage: string; sendOn: string; to: string[]; subject: string; date: string; path: string }[] = [];
  for (const t of terms) {
    for (const [stage, offset] of [["review_in_30_days", -30], ["review_due", 0]] as const)
      candidates.push({ kind: "terms_review", subjectId: t.id, periodKey: t.reviewDate!, stage, sendOn: addDays(t.reviewDate!, offset), to: officers, subject: `Version ${t.versionNumber} of the terms of reference`, date: t.reviewDate!, path: `/p/${p.slug}/terms` });
  }
  for (const s of seats) {
    if (!s.termEnd || !isSeatCurrent(s, addDays(today, -1))) continue;
    if (s.boardRole === "deputy") {
      const principal = seats.find((x) => x.id === s.deputyForSeatId);
      candidates.push({ kind: "deputy_lapsing", subjectId: s.id, periodKey: s.termEnd, stage: "lapses_in_14_days", sendOn: addDays(s.termEnd, -14), to: [s.userId, principal?.userId ?? "", ...officers].filter(Boolean), subject: `${possessive(s.personName)} delegation as deputy for ${s.deputyForName ?? "a member"}`, date: s.termEnd, path: `/p/${p.slug}/board/${s.id}` });
      continue;
    }
    for (const [stage, offset] of [["ends_in_60_days", -60], ["ends_in_14_days", -14]] as const)
      candidates.push({ kind: "board_term_ending", subjectId: s.id, periodKey: s.termEnd, stage, sendOn: addDays(s.termEnd, offset), to: [s.userId, ...officers], subject: `${possessive(s.personName)} term as ${s.boardRole.replace(/_/g, " ")} for ${s.organisationName}`, date: s.termEnd, path: `/p/${p.slug}/board/${s.id}` });
  }
  if (awaiting.length) {
    const upcoming = await db.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings).where(and(eq(meetings.partnershipId, p.id), sql`${meetings.cancelledAt} is null`));
    for (const m of awaiting) {
      const next = upcoming.filter((x) => x.startsAt > m.startsAt).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
      if (!next) continue;
      const nextDate = londonDate(next.startsAt);
      candidates.push({ kind: "minutes_awaiting_approval", subjectId: m.meetingId, periodKey: nextDate, stage: "next_meeting_in_7_days", sendOn: addDays(nextDate, -7), to: officers, subject: `The minutes of ${m.title}, ${formatDate(londonDate(m.startsAt))}`, date: londonDate(m.circulatedAt ?? m.startsAt), path: `/p/${p.slug}/meetings/${m.meetingId}/minutes` });
    }
  }
  const due = candidates.filter((c) => isReminderDue(c.sendOn, now));
  const people = await peopleById(db, [...new Set(due.flatMap((c) => c.to))]);
  return due.flatMap((c) =>
    [...new Set(c.to)]
      .map((id) => people.get(id))
      .filter((x): x is Recipient => Boolean(x))
      .map((person) => ({
        kind: c.kind,
        partnershipId: p.id,
        subjectId: c.subjectId,
        periodKey: c.periodKey,
        stage: c.stage,
        recipient: person,
        urgent: false,
        template: "governance-reminder",
        subject: `${p.shortName}: ${c.subject}`,
        props: {
          recipientName: person.name,
          partnershipName: p.name,
          kind: c.kind,
          subject: c.subject,
          date: c.date,
          link: link(c.path),
          reason: officers.includes(person.userId ?? "") ? `You chair or run the secretariat of ${p.name}.` : `It concerns your place on the board of ${p.name}.`,
        },
      })),
  );
}

export const reminderCollectors = [obligationMessages, actionMessages, governanceMessages];

/** Every message due at `now`, across every partnership. */
export async function collectReminders(db: Db, now: Date, partnershipIds?: readonly string[]) {
  const list = await db.select().from(partnerships).where(partnershipIds ? inArray(partnerships.id, [...partnershipIds]) : sql`true`);
  const messages: ReminderMessage[] = [];
  for (const p of list) {
    if (p.status === "closed") continue;
    for (const collect of reminderCollectors) messages.push(...(await collect(db, p, now)));
  }
  return messages;
}

/**
 * Records messages under their unique keys. Returns the ids of the rows this
 * call created: a key already taken (by an earlier pass, or one running at
 * the same moment) is skipped, which is what makes delivery exactly-once.
 */
export async function recordReminders(db: Db, messages: readonly ReminderMessage[]) {
  const created: string[] = [];
  for (let i = 0; i < messages.length; i += 500) {
    const batch = messages.slice(i, i + 500).map((m) => ({
      id: crypto.randomUUID(),
      dedupeKey: reminderKey({ kind: m.kind, subjectId: m.subjectId, periodKey: m.periodKey, stage: m.stage, recipientId: m.recipient.userId ?? m.recipient.email }),
      kind: m.kind,
      partnershipId: m.partnershipId,
      subjectId: m.subjectId,
      periodKey: m.periodKey,
      stage: m.stage,
      recipientUserId: m.recipient.userId,
      recipientEmail: m.recipient.email,
      urgent: m.urgent,
      status: !m.urgent && m.recipient.emailDigest ? "digest" : "pending",
      payload: { template: m.template, subject: m.subject, props: m.props, attachments: m.attachments, ...(m.facts ?? {}) },
    }));
    const rows = await db.insert(remindersSent).values(batch).onConflictDoNothing({ target: remindersSent.dedupeKey }).returning({ id: remindersSent.id, status: remindersSent.status });
    created.push(...rows.filter((r) => r.status === "pending").map((r) => r.id));
  }
  return created;
}

/** Messages waiting to go (new, or due a retry), oldest first. */
export async function pendingReminderIds(db: Db, now: Date, limit = 1000) {
  const rows = await db
    .select({ id: remindersSent.id })
    .from(remindersSent)
    .where(or(eq(remindersSent.status, "pending"), and(eq(remindersSent.status, "retry"), lte(remindersSent.nextAttemptAt, now))))
    .orderBy(remindersSent.createdAt)
    .limit(limit);
  return rows.map((r) => r.id);
}
