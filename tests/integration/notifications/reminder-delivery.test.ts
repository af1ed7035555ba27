import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { and, eq, inArray } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database } from "../../../db/client";
import { remindersSent } from "../../../db/schema";
import { startBoss } from "../../../jobs/boss";
import { drainDeliveries, runTick, schedulingPass, sweepPending } from "../../../jobs/scheduler";
import { deliverReminder, messageId, STALE_CLAIM_MS } from "../../../app/areas/notifications/delivery.server";
import { sendEmail } from "../../../app/platform/mail/mailer.server";
import { pageText, type TestServer } from "../../helpers/server";
import { messagesTo, oneOffReturn, remindDaysBefore, startReminderServer, stopReminderServer, type ReminderServer } from "../../helpers/reminders";

const run = promisify(execFile);

let r: ReminderServer;
let s: TestServer;
let smtp: ReminderServer["smtp"];
let boss: PgBoss;

beforeAll(async () => {
  r = await startReminderServer();
  ({ s, smtp, boss } = r);
});
afterAll(() => stopReminderServer(r ?? {}));

const tick = (iso: string) => runTick(s.db, boss, new Date(iso));
const to = (email: string, subject: string) => messagesTo(smtp, email, subject);
const oneOff = (title: string, orgEmail: string, due: string, responsible?: string) => oneOffReturn(r, title, orgEmail, due, responsible);

// Delivery: exactly once under concurrency and crashes, retries, the tick command and the worker process.

describe("exactly once", () => {
  it("two scheduling passes for the same instant at once deliver each message once", async () => {
    await oneOff("Concurrent return", "c.hennessy@walthamforest.example", "2027-05-20", "c.hennessy@walthamforest.example");
    const second = await startBoss(database(), { cron: false });
    try {
      const [a, b] = await Promise.all([runTick(s.db, boss, new Date("2027-05-06T07:00:00Z")), runTick(s.db, second, new Date("2027-05-06T07:00:00Z"))]);
      expect(a.created + b.created).toBe(a.due);
      expect(a.delivered.sent + b.delivered.sent).toBe(a.due);
    } finally {
      await second.stop({ graceful: false, wait: true });
    }
    expect(to("c.hennessy@walthamforest.example", "Concurrent return")).toHaveLength(1);
    const keys = await s.db.select({ key: remindersSent.dedupeKey }).from(remindersSent);
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
  });

  it("a worker that stops between sending and recording does not send again; the rest still go, and the doubtful one is reported", async () => {
    await oneOff("Crash return A", "j.whitfield@hackney.example", "2027-06-21", "j.whitfield@hackney.example");
    await oneOff("Crash return B", "r.chowdhury@towerhamlets.example", "2027-06-21", "r.chowdhury@towerhamlets.example");
    await oneOff("Crash return C", "chair@nelcp.example", "2027-06-21", "chair@nelcp.example");
    const now = new Date("2027-06-07T07:00:00Z");
    const mine = async () =>
      s.db.select().from(remindersSent).where(and(eq(remindersSent.stage, "due_in_14_days"), eq(remindersSent.periodKey, "2027-06-21")));
    // Record and queue, but deliver with a worker that dies after its second message reaches the relay.
    await runTick(s.db, boss, new Date("2027-06-06T07:00:00Z")); // the day before: nothing due yet
    const pending = await boss.fetch<{ id: string }>("reminders-deliver", { batchSize: 50 });
    expect(pending ?? []).toHaveLength(0);
    await schedulingPass(s.db, boss, now);
    const rows = await mine();
    expect(rows).toHaveLength(3);
    // The worker's process stops just after the relay accepts its second message: it never records that it sent it.
    let sent = 0;
    let died: () => void = () => {};
    const death = new Promise<void>((resolve) => (died = resolve));
    const dying = async (email: Parameters<typeof sendEmail>[0]) => {
      await sendEmail(email);
      sent += 1;
      if (sent === 2) {
        died();
        await new Promise(() => {}); // never returns, as a killed process would not
      }
    };
    const jobs = (await boss.fetch<{ id: string }>("reminders-deliver", { batchSize: 50 }))!;
    const worker = (async () => {
      for (const job of jobs) if (rows.some((r) => r.id === job.data.id)) await deliverReminder(s.db, job.data.id, now, dying);
    })();
    await Promise.race([death, worker]);
    // Restart: a new tick delivers what was never started, and leaves the doubtful one alone.
    await tick("2027-06-07T07:05:00Z");
    const received = ["j.whitfield@hackney.example", "r.chowdhury@towerhamlets.example", "chair@nelcp.example"].map((e) => to(e, "Crash return").length);
    expect(received.reduce((a, b) => a + b)).toBe(3);
    expect(Math.max(...received)).toBe(1);
    const after = await mine();
    expect(after.map((r) => r.status).sort()).toEqual(["sending", "sent", "sent"]);

    // Ten minutes on, the interrupted claim is marked uncertain and shown to administrators, never resent by itself.
    await tick(new Date(now.getTime() + STALE_CLAIM_MS + 60_000).toISOString());
    const uncertain = (await mine()).find((r) => r.status !== "sent")!;
    expect(uncertain.status).toBe("uncertain");
    const admin = s.client();
    await admin.signIn("admin@platform.example");
    const list = await pageText(await admin.get("/admin/deliveries"));
    expect(list).toContain("Uncertain");
    expect(list).toContain("Crash return");
    expect(received.reduce((a, b) => a + b)).toBe(3);
  });
});

describe("failures", () => {
  it("a refused send is retried with backoff, then reported after four tries; an administrator can send it again", async () => {
    await oneOff("Flaky return", "m.castell@ift.example", "2027-07-26", "m.castell@ift.example");
    const castell = () => to("m.castell@ift.example", "Flaky return");
    const row = async () => (await s.db.select().from(remindersSent).where(and(eq(remindersSent.recipientEmail, "m.castell@ift.example"), eq(remindersSent.periodKey, "2027-07-26"))))[0];

    // Only Castell's mail is refused: other messages of the pass (the day's audit checkpoints) go through.
    smtp.failNextDeliveries(1, "m.castell@ift.example");
    await tick("2027-07-12T07:00:00Z");
    expect(castell()).toHaveLength(0);
    expect(await row()).toMatchObject({ status: "retry", attempts: 1 });
    expect((await row()).lastError).toMatch(/Mailbox unavailable/);
    await tick("2027-07-12T07:00:30Z"); // too soon: the first retry waits a minute
    expect(castell()).toHaveLength(0);
    await tick("2027-07-12T07:01:00Z");
    expect(castell()).toHaveLength(1);
    expect((await row()).status).toBe("sent");

    // A relay that keeps refusing: four tries over about half an hour, then failed.
    smtp.failNextDeliveries(20, "m.castell@ift.example");
    await tick("2027-07-23T07:00:00Z"); // three days before
    for (const at of ["2027-07-23T07:01:00Z", "2027-07-23T07:06:00Z", "2027-07-23T07:31:00Z"]) await tick(at);
    const failed = (await s.db.select().from(remindersSent).where(and(eq(remindersSent.recipientEmail, "m.castell@ift.example"), eq(remindersSent.stage, "due_in_3_days"))))[0];
    expect(failed).toMatchObject({ status: "failed", attempts: 4 });
    smtp.failNextDeliveries(0);
    const admin = s.client();
    await admin.signIn("admin@platform.example");
    expect(await pageText(await admin.get("/admin/deliveries"))).toContain("Failed after 4 tries");
    expect((await admin.post("/admin/deliveries", { id: failed.id })).status).toBe(302);
    await tick("2027-07-23T08:00:00Z");
    expect(castell()).toHaveLength(2);
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    expect((await chair.get("/admin/deliveries")).status).toBe(403);
  });
});


describe("the jobs:tick command", () => {
  it("refuses a malformed --now with a clear message and changes nothing", async () => {
    const result = await run("npm", ["run", "--silent", "jobs:tick", "--", "--now", "next Tuesday"], { env: { ...process.env, DATA_DIR: "/nonexistent-data-dir" } }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--now must be an ISO 8601 instant such as 2026-03-31T07:00:00Z");
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("on PostgreSQL, two jobs:tick processes for the same instant deliver each message exactly once", async () => {
    await remindDaysBefore(r, 7);
    await oneOff("Two-process return", "k.morris@silverlinedhorizons.example", "2027-09-13", "k.morris@silverlinedhorizons.example");
    const env = { ...process.env, DATABASE_URL: s.database.databaseUrl!, SMTP_URL: smtp.url, APP_URL: s.baseUrl };
    const cli = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn("npm", ["run", "--silent", "jobs:tick", "--", "--now", "2027-09-06T07:00:00Z"], { env });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
      });
    const outputs = await Promise.all([cli(), cli()]);
    expect(outputs.join("\n")).toMatch(/Scheduling pass at 2027-09-06T07:00:00.000Z/);
    expect(to("k.morris@silverlinedhorizons.example", "Two-process return")).toHaveLength(1);
    const rows = await s.db.select().from(remindersSent).where(inArray(remindersSent.recipientEmail, ["k.morris@silverlinedhorizons.example"]));
    expect(rows.filter((r) => r.periodKey === "2027-09-13").map((r) => r.status)).toEqual(["sent"]);
  });
});

describe("the worker process", () => {
  /** `npm run jobs:worker`, started as node itself so that a kill reaches the process that sends. */
  const startWorker = (env: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, ["--import", "tsx", "jobs/worker.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    return { child, exited, output: () => out };
  };
  const stop = async (w: { child: ChildProcess; exited: Promise<void> }, signal: NodeJS.Signals) => {
    w.child.kill(signal);
    await w.exited;
  };

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("on PostgreSQL, a worker killed mid-batch and restarted delivers the rest, none twice", async () => {
    await remindDaysBefore(r, 7);
    const people = ["j.whitfield@hackney.example", "r.chowdhury@towerhamlets.example", "c.hennessy@walthamforest.example", "k.morris@silverlinedhorizons.example"];
    for (const [i, email] of people.entries()) await oneOff(`Killed worker return ${i + 1}`, email, "2027-10-18", email);
    // Nothing else waiting, so the worker's batch is this pass's messages alone.
    await sweepPending(s.db, boss, new Date("2027-10-11T05:00:00Z"));
    await drainDeliveries(s.db, boss, new Date("2027-10-11T05:00:00Z"));
    const pass = await schedulingPass(s.db, boss, new Date("2027-10-11T06:00:00Z"));
    const recorded = await s.db.select().from(remindersSent).where(eq(remindersSent.status, "pending"));
    expect(recorded.length).toBe(pass.created);
    expect(recorded.filter((r) => people.includes(r.recipientEmail)).length).toBeGreaterThanOrEqual(people.length);
    const statuses = async () => {
      const rows = await s.db.select({ status: remindersSent.status }).from(remindersSent).where(inArray(remindersSent.id, recorded.map((r) => r.id)));
      return rows.reduce<Record<string, number>>((tally, r) => ({ ...tally, [r.status]: (tally[r.status] ?? 0) + 1 }), {});
    };

    // LOG_LEVEL=info: the worker's JSON lines, which the test reads for its start.
    const env = { ...process.env, DATABASE_URL: s.database.databaseUrl!, SMTP_URL: smtp.url, APP_URL: s.baseUrl, LOG_LEVEL: "info" };
    const before = smtp.messages.length;
    // The relay answers the first message, takes in the second and never answers: the worker is killed while it waits.
    smtp.stopAnsweringAfter(before + 1);
    const first = startWorker(env);
    await smtp.received(before + 2);
    await stop(first, "SIGKILL");
    expect(await statuses()).toEqual({ sent: 1, sending: 1, pending: recorded.length - 2 });

    smtp.stopAnsweringAfter(Infinity);
    const second = startWorker(env);
    try {
      await smtp.received(before + recorded.length);
      for (let i = 0; i < 100 && (await statuses()).sent !== recorded.length - 1; i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 2_000)); // long enough for a duplicate to show up, were one coming
    } finally {
      await stop(second, "SIGTERM");
    }
    expect(second.output()).toContain("worker running");
    // Every recorded message reached the relay exactly once; the one in flight at the kill stays "sending" (never resent).
    const ids = smtp.messages.slice(before).map((m) => m.messageId);
    expect(ids).toHaveLength(recorded.length);
    expect([...ids].sort()).toEqual(recorded.map((r) => messageId(r.dedupeKey)).sort());
    expect(await statuses()).toEqual({ sent: recorded.length - 1, sending: 1 });
  });
});
