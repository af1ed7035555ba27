import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inArray } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { remindersSent } from "../../db/schema";
import { startBoss } from "../../jobs/boss";
import { schedulingPass } from "../../jobs/scheduler";
import { messageId } from "../../app/areas/notifications/delivery.server";
import { resetEnvCache } from "../../app/platform/env.server";
import { startWebProcess, startWorkerProcess, type AppProcess, type WebProcess } from "../helpers/app-process";
import { createTestDatabase } from "../helpers/database";
import { oneOffReturn, remindDaysBefore, type ReminderServer } from "../helpers/reminders";
import { HttpClient, type TestServer } from "../helpers/server";
import { startSmtpServer } from "../helpers/smtp";
import { sleep } from "./load";

// The jobs worker killed mid-batch: the web server and the worker each in a
// process of their own on the private cluster, a real SMTP relay. A scheduling
// pass records the reminders due; the worker takes them as one batch, the
// relay accepts the first, takes in the second and never answers, and the
// worker is SIGKILLed while it waits. A new worker delivers the rest. Each
// reminder due reaches the relay exactly once, by its Message-ID: none lost,
// none twice (the one in flight at the kill is left "sending", never resent).

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let web: WebProcess;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let handle: DatabaseHandle;
let boss: PgBoss;
let scratch: string;
const workers: AppProcess[] = [];

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "governance-resilience-test-"));
  smtp = await startSmtpServer();
  database = await createTestDatabase();
  web = await startWebProcess(database);
  // This process records the reminders (as the worker's hourly pass would): the same settings as the processes.
  Object.assign(process.env, { APP_ENV: "test", DATA_DIR: scratch, APP_URL: web.baseUrl });
  resetEnvCache();
  handle = openDatabase({ databaseUrl: database.databaseUrl, dataDir: scratch });
  boss = await startBoss(handle, { cron: false });
});
afterAll(async () => {
  for (const w of workers) await w.stop("SIGKILL");
  await boss?.stop({ graceful: false, wait: true });
  await handle?.close();
  await web?.stop();
  await smtp?.close();
  await database?.drop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

it("a worker SIGKILLed mid-batch and started again delivers every due reminder exactly once", async () => {
  // NELCP's secretariat, through the server's forms: remind 7 days before, and six one-off returns due on one day.
  const secretariat = new HttpClient(web.baseUrl);
  await secretariat.signIn("secretariat@nelcp.example");
  const r = { s: { db: handle.db } as unknown as TestServer, smtp, boss, secretariat } satisfies ReminderServer;
  await remindDaysBefore(r, 7);
  const people = ["j.whitfield@hackney.example", "r.chowdhury@towerhamlets.example", "c.hennessy@walthamforest.example", "k.morris@silverlinedhorizons.example", "m.bellamy@barking-dagenham.example", "member@nelcp.example"];
  for (const [i, email] of people.entries()) await oneOffReturn(r, `Resilience return ${i + 1}`, email, "2027-10-18", email);

  // The pass for the morning a week before: every reminder due is recorded under its unique key and queued.
  const pass = await schedulingPass(handle.db, boss, new Date("2027-10-11T06:00:00Z"));
  const due = await handle.db.select().from(remindersSent).where(inArray(remindersSent.status, ["pending"]));
  expect(pass.created).toBeGreaterThanOrEqual(people.length);
  expect(due.length).toBeGreaterThanOrEqual(pass.created);
  const expectedIds = new Set(due.map((row) => messageId(row.dedupeKey)));
  const statuses = async () => {
    const rows = await handle.db.select({ status: remindersSent.status }).from(remindersSent).where(inArray(remindersSent.id, due.map((row) => row.id)));
    return rows.reduce<Record<string, number>>((tally, row) => ({ ...tally, [row.status]: (tally[row.status] ?? 0) + 1 }), {});
  };
  const receivedOf = () => smtp.messages.filter((m) => m.messageId && expectedIds.has(m.messageId));

  // The relay answers the first message, takes in the second and never answers: the worker is killed while it waits.
  const before = smtp.messages.length;
  smtp.stopAnsweringAfter(before + 1);
  const workerEnv = { SMTP_URL: smtp.url, APP_URL: web.baseUrl };
  const first = startWorkerProcess(database, workerEnv);
  workers.push(first);
  await smtp.received(before + 2, 60_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${first.output()}`);
  });
  const killedAt = Date.now();
  await first.stop("SIGKILL");
  const atKill = await statuses();
  expect(atKill).toEqual({ sent: 1, sending: 1, pending: due.length - 2 });

  smtp.stopAnsweringAfter(Infinity);
  const restartedAt = Date.now();
  const second = startWorkerProcess(database, workerEnv);
  workers.push(second);
  const until = Date.now() + 60_000;
  while (receivedOf().length < due.length || (await statuses()).sent !== due.length - 1) {
    if (Date.now() > until) throw new Error(`After the restart the relay has ${receivedOf().length} of ${due.length} reminders; statuses ${JSON.stringify(await statuses())}\n${second.output()}`);
    await sleep(100);
  }
  const deliveredIn = Date.now() - restartedAt;
  await sleep(3_000); // long enough for a duplicate to show up, were one coming
  await second.stop("SIGTERM");

  const ids = smtp.messages.slice(before).map((m) => m.messageId);
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(String(id), (counts.get(String(id)) ?? 0) + 1);
  const after = await statuses();
  console.log(
    [
      `Resilience — worker killed mid-batch: ${due.length} reminders due (${people.length} for the one-off returns${due.length > people.length ? `, ${due.length - people.length} more the demo owed` : ""}), server pid ${web.pid}, workers pid ${first.pid} (SIGKILLed ${restartedAt - killedAt} ms before the restart, with ${atKill.sent} sent, ${atKill.sending} in flight, ${atKill.pending} waiting) and pid ${second.pid}`,
      `  the restarted worker delivered the rest in ${deliveredIn} ms; the relay received ${ids.length} messages, ${[...counts.values()].filter((n) => n > 1).length} twice; each due reminder exactly once: ${[...expectedIds].filter((id) => counts.get(id) === 1).length}/${expectedIds.size}`,
      `  statuses after: ${JSON.stringify(after)}`,
    ].join("\n"),
  );

  expect(second.output()).toContain("worker running");
  // Every reminder due reached the relay exactly once (the one in flight at the kill included), and nothing reached it twice.
  expect([...expectedIds].filter((id) => counts.get(id) !== 1)).toEqual([]);
  expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
  // The one in flight at the kill stays "sending": never resent by itself (an administrator sees it as uncertain later).
  expect(after).toEqual({ sent: due.length - 1, sending: 1 });
  expect(web.isRunning()).toBe(true);
});
