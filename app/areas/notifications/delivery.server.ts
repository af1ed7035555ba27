import { createHash } from "node:crypto";
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { ReactElement } from "react";
import { appendAudit } from "../../audit/append.server";
import type { Db } from "../../../db/client";
import { remindersSent } from "../../../db/schema";
import { emailTemplates, type TemplateName } from "../../../emails/registry";
import { DigestEmail } from "../../../emails/digest";
import { formatDate, londonDate } from "../../platform/time/dates";
import { env } from "../../platform/env.server";
import { sendEmail, type OutgoingEmail } from "../../platform/mail/mailer.server";
import { runInBackground } from "../../platform/background.server";

// Delivery of recorded reminders. A message is claimed (status "sending")
// in its own committed update before it is sent, so two workers never both
// send it; it is marked "sent" afterwards. A send that fails is retried with
// backoff, then marked "failed". A claim left behind by a worker that died
// mid-send is marked "uncertain", never resent automatically: it may have
// gone. Failed and uncertain messages are listed for administrators.

export const MAX_ATTEMPTS = 4;
export const STALE_CLAIM_MS = 10 * 60 * 1000;
/** Minutes before attempt n+1: 1, 5, 25. */
export const retryDelayMs = (attempts: number) => 60_000 * 5 ** (attempts - 1);

export type Send = (email: OutgoingEmail) => Promise<void>;

type Payload = {
  template: TemplateName;
  subject: string;
  props: Record<string, unknown>;
  attachments?: { filename: string; contentType: string; content: string }[];
  sensitiveProps?: string[];
};

/** The payload without its one-time links, kept once a message has gone or failed (the token itself is only stored hashed). */
function scrubbed(payload: Payload): Payload {
  if (!payload.sensitiveProps?.length) return payload;
  return { ...payload, props: Object.fromEntries(Object.entries(payload.props).map(([k, v]) => [k, payload.sensitiveProps!.includes(k) ? "(removed once sent)" : v])) };
}

/** The Message-ID of a recorded message: the same on every attempt, so a relay or a test can spot a duplicate. */
export const messageId = (key: string) => `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}@partnership-governance>`;

function render(payload: Payload): ReactElement {
  const component = emailTemplates[payload.template] as unknown as (props: Record<string, unknown>) => ReactElement;
  if (!component) throw new Error(`No email template called ${payload.template}`);
  return component(payload.props);
}

export type DeliveryOutcome = "sent" | "skipped" | "retry" | "failed";

/** Delivers one recorded reminder, at most once. */
export async function deliverReminder(db: Db, id: string, now: Date, send: Send = sendEmail): Promise<DeliveryOutcome> {
  const [row] = await db
    .update(remindersSent)
    .set({ status: "sending", claimedAt: now, attempts: sql`${remindersSent.attempts} + 1` })
    .where(and(eq(remindersSent.id, id), or(eq(remindersSent.status, "pending"), and(eq(remindersSent.status, "retry"), lte(remindersSent.nextAttemptAt, now)))))
    .returning();
  if (!row) return "skipped";
  const payload = row.payload as Payload;
  try {
    await send({ to: row.recipientEmail, subject: payload.subject, body: render(payload), attachments: payload.attachments, messageId: messageId(row.dedupeKey) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = row.attempts >= MAX_ATTEMPTS;
    await db
      .update(remindersSent)
      .set({ status: failed ? "failed" : "retry", lastError: message.slice(0, 1000), nextAttemptAt: failed ? null : new Date(now.getTime() + retryDelayMs(row.attempts)), ...(failed ? { payload: scrubbed(payload) } : {}) })
      .where(eq(remindersSent.id, row.id));
    return failed ? "failed" : "retry";
  }
  await db.update(remindersSent).set({ status: "sent", sentAt: now, lastError: null, payload: scrubbed(payload) }).where(eq(remindersSent.id, row.id));
  return "sent";
}

/** Sends recorded messages now, without making the request wait; any that fail are retried by the scheduled jobs. */
export function deliverSoon(db: Db, ids: readonly string[]) {
  for (const id of ids) runInBackground("sending an email", () => deliverReminder(db, id, new Date()));
}

/** Claims left by a worker that stopped mid-send: they may or may not have gone, so an administrator decides. */
export async function markUncertain(db: Db, now: Date) {
  const rows = await db
    .update(remindersSent)
    .set({ status: "uncertain", lastError: "The worker stopped while sending: check with the recipient before sending again" })
    .where(and(eq(remindersSent.status, "sending"), lt(remindersSent.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS))))
    .returning({ id: remindersSent.id });
  return rows.length;
}

/** Sends each person one email gathering their waiting non-urgent reminders. */
export async function sendDigests(db: Db, now: Date, send: Send = sendEmail) {
  const waiting = await db.selectDistinct({ email: remindersSent.recipientEmail }).from(remindersSent).where(eq(remindersSent.status, "digest"));
  let sent = 0;
  for (const { email } of waiting) {
    const rows = await db
      .update(remindersSent)
      .set({ status: "sending", claimedAt: now, attempts: sql`${remindersSent.attempts} + 1` })
      .where(and(eq(remindersSent.status, "digest"), eq(remindersSent.recipientEmail, email)))
      .returning();
    if (rows.length === 0) continue;
    const items = rows.map((r) => {
      const p = r.payload as Payload;
      return { partnershipName: String(p.props.partnershipName ?? ""), title: p.subject, detail: String(p.props.reason ?? ""), link: String(p.props.link ?? env().APP_URL) };
    });
    const name = String((rows[0].payload as Payload).props.recipientName ?? "");
    try {
      await send({
        to: email,
        subject: `Your partnership reminders for ${formatDate(londonDate(now))}`,
        body: DigestEmail({ recipientName: name, date: londonDate(now), items, link: `${env().APP_URL}/actions`, reason: "You chose to get non-urgent reminders once a day. You can change this on your account page." }),
        messageId: messageId(`digest|${email}|${rows.map((r) => r.id).sort().join(",")}`),
      });
      await db.update(remindersSent).set({ status: "sent", sentAt: now }).where(inArray(remindersSent.id, rows.map((r) => r.id)));
      sent += 1;
    } catch (error) {
      // Back into the digest for the next day's attempt.
      await db
        .update(remindersSent)
        .set({ status: "digest", lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error) })
        .where(inArray(remindersSent.id, rows.map((r) => r.id)));
    }
  }
  return sent;
}

/** Deliveries an administrator should look at: failed after every retry, or uncertain. */
export async function listProblemDeliveries(db: Db) {
  return db
    .select()
    .from(remindersSent)
    .where(inArray(remindersSent.status, ["failed", "uncertain"]))
    .orderBy(asc(remindersSent.createdAt))
    .limit(500);
}

/** An administrator sends a failed or uncertain message again (audited on the platform's chain). */
export async function requeueDelivery(db: Db, admin: { id: string }, id: string) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(remindersSent)
      .set({ status: "pending", attempts: 0, nextAttemptAt: null, lastError: null })
      .where(and(eq(remindersSent.id, id), inArray(remindersSent.status, ["failed", "uncertain"])))
      .returning({ id: remindersSent.id, kind: remindersSent.kind, partnershipId: remindersSent.partnershipId });
    if (rows.length !== 1) return false;
    await appendAudit(tx, { actorUserId: admin.id, action: "delivery.requeue", entityId: id, after: { kind: rows[0].kind, partnershipId: rows[0].partnershipId } });
    return true;
  });
}
