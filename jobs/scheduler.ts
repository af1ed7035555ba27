import { and, eq, lte, or } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "../db/client";
import { remindersSent } from "../db/schema";
import { deliverReminder, markUncertain, sendDigests, type DeliveryOutcome, type Send } from "../app/areas/notifications/public.server";
import { sendEmail } from "../app/platform/mail/mailer.server";
import { collectReminders, recordReminders } from "../app/areas/notifications/public.server";
import { checkpointMessages } from "../app/audit/checkpoints.server";
import { escalateRisks } from "../app/areas/risks/public.server";
import { closeAccountsAtUpperAge } from "../app/areas/participation/public.server";
import { londonDate } from "../app/platform/time/dates";
import { queues } from "./boss";
import { reminderCollectors } from "./collectors";

/**
 * One scheduling pass for an instant: works out every reminder due, records
 * each under its unique key (skipping keys already taken), and queues one
 * delivery job per new message.
 */
export async function schedulingPass(db: Db, boss: PgBoss, now: Date) {
  const uncertain = await markUncertain(db, now);
  // Risks that now have a reason to go to the board go on its next agenda before anyone is reminded of anything.
  await escalateRisks(db, londonDate(now));
  // Young people's accounts close on the day they pass the upper age (the portal told them 30 days before).
  await closeAccountsAtUpperAge(db, londonDate(now));
  // The day's audit checkpoints go out through the same exactly-once log.
  const messages = [...(await collectReminders(db, now, reminderCollectors)), ...(await checkpointMessages(db, now))];
  const created = await recordReminders(db, messages);
  await queueDeliveries(boss, created);
  return { due: messages.length, created: created.length, alreadyRecorded: messages.length - created.length, uncertain };
}

export async function queueDeliveries(boss: PgBoss, ids: readonly string[]) {
  for (let i = 0; i < ids.length; i += 500) await boss.insert(ids.slice(i, i + 500).map((id) => ({ name: queues.deliver, data: { id } })));
}

/** Messages recorded by the pages (e.g. meeting invitations) and retries that are due, put on the delivery queue. */
export async function sweepPending(db: Db, boss: PgBoss, now: Date) {
  const rows = await db
    .select({ id: remindersSent.id })
    .from(remindersSent)
    .where(or(eq(remindersSent.status, "pending"), and(eq(remindersSent.status, "retry"), lte(remindersSent.nextAttemptAt, now))));
  await queueDeliveries(
    boss,
    rows.map((r) => r.id),
  );
  return rows.length;
}

export type DeliveryTally = Record<DeliveryOutcome, number>;

/** Works the delivery queue until it is empty: what a one-off tick does, and what workers do continuously. */
export async function drainDeliveries(db: Db, boss: PgBoss, now: Date, send: Send = sendEmail): Promise<DeliveryTally> {
  const tally: DeliveryTally = { sent: 0, skipped: 0, retry: 0, failed: 0 };
  for (;;) {
    const jobs = await boss.fetch<{ id: string }>(queues.deliver, { batchSize: 20 });
    if (!jobs || jobs.length === 0) break;
    for (const job of jobs) {
      tally[await deliverReminder(db, job.data.id, now, send)] += 1;
      await boss.complete(queues.deliver, job.id);
    }
  }
  return tally;
}

export { sendDigests };

/** Everything a one-off tick does for an instant: schedule, queue, deliver, send digests. */
export async function runTick(db: Db, boss: PgBoss, now: Date, send: Send = sendEmail) {
  const pass = await schedulingPass(db, boss, now);
  const queued = await sweepPending(db, boss, now);
  const delivered = await drainDeliveries(db, boss, now, send);
  const digests = await sendDigests(db, now, send);
  return { ...pass, queued, delivered, digests };
}

export function describeTick(now: Date, t: Awaited<ReturnType<typeof runTick>>) {
  return (
    `Scheduling pass at ${now.toISOString()}: ${t.due} reminders due, ${t.created} new, ${t.alreadyRecorded} already recorded` +
    `${t.uncertain ? `, ${t.uncertain} marked uncertain` : ""}. Delivered ${t.delivered.sent}, ${t.delivered.retry} to retry, ` +
    `${t.delivered.failed} failed; ${t.digests} digests sent.`
  );
}
