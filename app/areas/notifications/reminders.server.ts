import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { partnershipRoles, partnerships, remindersSent, users } from "../../../db/schema";
import { env } from "../../platform/env.server";
import { isReminderDue, reminderKey } from "./rules";

// The scheduler's side of reminders: who should hear about what, today.
// Each kind of reminder is a collector in the area that owns its records
// (obligations, actions, the register, meetings), turning them into messages;
// jobs/collectors.ts lists them. Messages are recorded in reminders_sent under
// a unique key, so a pass that runs twice (or two passes at once) records each
// message once; delivery is delivery.server.ts.

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
    | "minutes_circulated"
    | "invitation"
    | "password_reset"
    | "audit_checkpoint"
    | "risk_review"
    | "safeguarding"
    | "call_in"
    | "challenge"
    | "agenda_published";
  /** null: a message about the person's account, not one partnership (a password reset). */
  partnershipId: string | null;
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
  /** Props that carry a credential (a one-time link): blanked in the log once the message has gone or failed. */
  sensitiveProps?: string[];
};

export type PartnershipRow = typeof partnerships.$inferSelect;

/** Turns a partnership's records into the messages due at `now`. */
export type ReminderCollector = (db: Db, p: PartnershipRow, now: Date) => Promise<ReminderMessage[]>;

/** An absolute link for an email. */
export const appLink = (path: string) => `${env().APP_URL}${path}`;

/** Adults by id, as recipients (young people are never emailed). */
export async function peopleById(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, Recipient>();
  const rows = await db.select({ id: users.id, email: users.email, name: users.name, emailDigest: users.emailDigest, kind: users.kind }).from(users).where(inArray(users.id, [...ids]));
  return new Map(rows.filter((r) => r.kind === "adult").map((r) => [r.id, { userId: r.id, email: r.email, name: r.name, emailDigest: r.emailDigest }]));
}

/** Everyone with a role in the partnership, with the organisation it is held for: who reminders can fall back on. */
export async function listRoleHolders(db: Db, partnershipId: string) {
  return db
    .select({ userId: partnershipRoles.userId, role: partnershipRoles.role, organisationId: partnershipRoles.organisationId })
    .from(partnershipRoles)
    .where(eq(partnershipRoles.partnershipId, partnershipId));
}

/** A reminder about a governance date (a review, a term ending) to a list of people. */
export type GovernanceCandidate = { kind: ReminderMessage["kind"]; subjectId: string; periodKey: string; stage: string; sendOn: string; to: string[]; subject: string; date: string; path: string };

/** The governance reminders due at `now`, each to its people; the chair and secretariat (`officers`) are told why they hear. */
export async function governanceMessages(db: Db, p: PartnershipRow, now: Date, candidates: readonly GovernanceCandidate[], officers: readonly string[]): Promise<ReminderMessage[]> {
  const due = candidates.filter((c) => isReminderDue(c.sendOn, now));
  if (due.length === 0) return [];
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
          link: appLink(c.path),
          reason: officers.includes(person.userId ?? "") ? `You chair or run the secretariat of ${p.name}.` : `It concerns your place on the board of ${p.name}.`,
        },
      })),
  );
}

/** The chair and secretariat of a partnership, from its role holders. */
export const officersOf = (roles: readonly { role: string; userId: string }[]) => roles.filter((r) => r.role === "chair" || r.role === "secretariat").map((r) => r.userId);

/** Every message due at `now`, across every partnership, from each collector. */
export async function collectReminders(db: Db, now: Date, collectors: readonly ReminderCollector[], partnershipIds?: readonly string[]) {
  const list = await db.select().from(partnerships).where(partnershipIds ? inArray(partnerships.id, [...partnershipIds]) : sql`true`);
  const messages: ReminderMessage[] = [];
  for (const p of list) {
    if (p.status === "closed") continue;
    for (const collect of collectors) messages.push(...(await collect(db, p, now)));
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
      payload: { template: m.template, subject: m.subject, props: m.props, attachments: m.attachments, sensitiveProps: m.sensitiveProps, ...(m.facts ?? {}) },
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
