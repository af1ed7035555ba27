import type { DatabaseHandle } from "../db/client";
import type PgBoss from "pg-boss";
import type { Db } from "../db/client";
import { deliverReminder } from "../app/areas/notifications/public.server";
import { packRunJob, preparePackRun, removeOldPackRuns, requeueWaitingPackRuns } from "../app/areas/scrutiny/public.server";
import { appNow } from "../app/platform/clock.server";
import { purgeExpired } from "./housekeeping";
import { queues, startBoss } from "./boss";
import { log } from "../app/platform/log.server";
import { schedulingPass, sendDigests, sweepPending } from "./scheduler";

/**
 * The long-lived job runtime: pg-boss cron schedules (in London time) and
 * the workers that serve them. Runs in the worker process (fly.toml), or in
 * the web process when the database is the embedded PGlite, which only one
 * process can open.
 */
export async function startJobRuntime(handle: DatabaseHandle, say: (line: string) => void = (line) => log().info(line)) {
  const boss = await startBoss(handle, { cron: true });
  const db = handle.db;
  const tz = "Europe/London";
  await boss.schedule(queues.schedule, "5 * * * *", {}, { tz });
  await boss.schedule(queues.sweep, "* * * * *", {}, { tz });
  await boss.schedule(queues.digest, "30 7 * * *", {}, { tz });
  await boss.schedule(queues.housekeeping, "17 * * * *", {}, { tz });

  const guard = (name: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn();
    } catch (error) {
      log().error({ err: error, job: name }, "job failed");
      throw error;
    }
  };
  await boss.work(queues.schedule, guard("scheduling pass", async () => say(`reminders: ${JSON.stringify(await schedulingPass(db, boss, new Date()))}`)));
  await boss.work(
    queues.sweep,
    guard("sweep", async () => {
      await sweepPending(db, boss, new Date());
      // Scrutiny packs whose job may have been lost (sent after the page's commit) or whose worker stopped.
      await requeueWaitingPackRuns(db, new Date(), (runId) => sendPackRun(boss, runId));
    }),
  );
  await boss.work<{ id: string }>(queues.deliver, { batchSize: 10 }, async (jobs) => {
    for (const job of jobs) await deliverReminder(db, job.data.id, new Date());
  });
  await workPackRuns(boss, db);
  await boss.work(queues.digest, guard("digest", () => sendDigests(db, new Date())));
  await boss.work(
    queues.housekeeping,
    guard("housekeeping", async () => {
      const removed = await purgeExpired(db);
      const packs = await removeOldPackRuns(db);
      if (packs) say(`housekeeping: removed ${packs} scrutiny pack PDFs older than 30 days`);
      say(`housekeeping: removed ${removed.sessions} sessions, ${removed.tokens} links, ${removed.rateLimitWindows} rate-limit windows`);
    }),
  );
  // A worker that replaces one that stopped (crash, deploy) queues at once
  // whatever was recorded but not yet sent, rather than waiting for the
  // minute's sweep. Queuing twice is harmless: delivery claims each row once.
  const waiting = await sweepPending(db, boss, new Date());
  if (waiting) say(`reminders: ${waiting} waiting messages queued on start`);
  // Likewise scrutiny packs whose job was lost or whose worker stopped part-way.
  const packs = await requeueWaitingPackRuns(db, new Date(), (runId) => sendPackRun(boss, runId));
  if (packs.length) say(`scrutiny packs: ${packs.length} queued again on start`);
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

async function sendPackRun(boss: PgBoss, runId: string) {
  const job = packRunJob(runId);
  await boss.send(job.name, job.data, job.options);
}

/**
 * The scrutiny pack's worker: one pack at a time (a year of the busiest
 * partnership is hundreds of pages in memory). A failed attempt throws, so
 * pg-boss retries it; preparePackRun has put the run back in the queue with
 * its message. Tests start it on their own pg-boss.
 */
export async function workPackRuns(boss: PgBoss, db: Db, options: { pollingIntervalSeconds?: number } = {}) {
  await boss.work<{ runId: string }>(queues.scrutinyPack, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
    for (const job of jobs) {
      const outcome = await preparePackRun(db, job.data.runId, { now: appNow() });
      log().info({ runId: job.data.runId, outcome }, "scrutiny pack run");
    }
  });
}
