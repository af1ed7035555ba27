import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { expect } from "vitest";
import { database } from "../../db/client";
import { obligations } from "../../db/schema";
import { startBoss } from "../../jobs/boss";
import { seatOn } from "./meetings";
import { userId } from "./pages";
import { startTestServer, type HttpClient, type TestServer } from "./server";
import { startSmtpServer } from "./smtp";

export type ReminderServer = { s: TestServer; smtp: Awaited<ReturnType<typeof startSmtpServer>>; boss: PgBoss; secretariat: HttpClient };

/** The server with a real SMTP relay, a pg-boss without schedules (tests tick by hand), and NELCP's secretariat signed in. */
export async function startReminderServer(): Promise<ReminderServer> {
  const smtp = await startSmtpServer();
  const s = await startTestServer({ SMTP_URL: smtp.url });
  const boss = await startBoss(database(), { cron: false });
  const secretariat = s.client();
  await secretariat.signIn("secretariat@nelcp.example");
  return { s, smtp, boss, secretariat };
}

export async function stopReminderServer(r: Partial<ReminderServer>) {
  await r.boss?.stop({ graceful: false, wait: true });
  await r.s?.close();
  await r.smtp?.close();
}

/** The messages the relay received for one address with a subject containing `subject`. */
export const messagesTo = (smtp: ReminderServer["smtp"], email: string, subject: string) =>
  smtp.messages.filter(
    (m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(email)) && m.subject?.toLowerCase().includes(subject.toLowerCase()),
  );

/** A one-off return owed by one NELCP partner, due on a date; named people are responsible for it. */
export async function oneOffReturn({ s, secretariat }: ReminderServer, title: string, orgEmail: string, due: string, responsible?: string) {
  const organisationId = (await seatOn(s.db, "nelcp", orgEmail, "2026-11-22")).organisationId;
  const res = await secretariat.post("/p/nelcp/obligations/new", {
    type: "data_return",
    title,
    instructions: "",
    owedBy: `org:${organisationId}`,
    cadence: "one_off",
    dueDays: "",
    dueDayKind: "working_days_after_period_end",
    dueOn: due,
    startsOn: "2026-11-01",
    endsOn: "",
  });
  expect(res.status).toBe(302);
  const [o] = await s.db.select().from(obligations).where(eq(obligations.title, title));
  if (responsible) expect((await secretariat.post(`/p/nelcp/obligations/${o.id}`, { intent: "responsible", organisationId, userId: await userId(s.db, responsible) })).status).toBe(302);
  return { id: o.id, organisationId };
}

/** Sets when NELCP's partners are reminded: one stage, `days` before the due date. */
export async function remindDaysBefore({ secretariat }: ReminderServer, days: number) {
  const version = (await (await secretariat.get("/p/nelcp/obligations/reminders")).text()).match(/name="version" value="(\d+)"/)![1];
  expect((await secretariat.post("/p/nelcp/obligations/reminders", { version, "days-0": String(days), "unit-0": "days", "when-0": "before" })).status).toBe(302);
}
