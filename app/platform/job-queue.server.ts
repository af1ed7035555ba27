import type PgBoss from "pg-boss";
import { database, type DatabaseHandle } from "../../db/client";
import { startBoss } from "../../jobs/boss";

// Jobs that a page asks the worker to do (making a long scrutiny pack): the
// web process sends them through a pg-boss of its own that runs no schedules
// and works no queue, started on first use and stopped with the server. The
// worker process (jobs/runtime.ts) works them. Whatever a job is for is
// recorded in the database first, in the page's transaction, so a job lost
// between the commit and the send is sent again by the worker's sweep.

const key = Symbol.for("partnership-governance.job-sender");
type Sender = { handle: DatabaseHandle; boss: Promise<PgBoss> };
// The server and the built app import this module separately: one sender per process.
type GlobalWithSender = typeof globalThis & { [key]?: Sender };
const g = globalThis as GlobalWithSender;

function sender(): Promise<PgBoss> {
  const handle = database();
  const current = g[key];
  if (current && current.handle === handle) return current.boss;
  const next: Sender = { handle, boss: startBoss(handle, { cron: false }) };
  g[key] = next;
  next.boss.catch(() => {
    if (g[key] === next) g[key] = undefined;
  });
  return next.boss;
}

/** Sends a job to a queue (jobs/boss.ts `queues`); its id, or null when pg-boss refused it (a singleton already queued). */
export async function sendJob(queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  return (await sender()).send(queue, data, options);
}

/** Stops the sender's pg-boss, if one was started (the server calls it as it stops). */
export async function stopJobSender() {
  const current = g[key];
  g[key] = undefined;
  if (!current) return;
  const boss = await current.boss.catch(() => null);
  await boss?.stop({ graceful: false, wait: true });
}
