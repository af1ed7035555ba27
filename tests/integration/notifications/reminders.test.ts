import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { obligations } from "../../../db/schema";
import { runTick } from "../../../jobs/scheduler";
import { seatOn } from "../../helpers/meetings";
import { pageText, type HttpClient, type TestServer } from "../../helpers/server";
import { messagesTo, oneOffReturn, startReminderServer, stopReminderServer, type ReminderServer } from "../../helpers/reminders";

let r: ReminderServer;
let s: TestServer;
let smtp: ReminderServer["smtp"];
let boss: PgBoss;
let secretariat: HttpClient;

beforeAll(async () => {
  r = await startReminderServer();
  ({ s, smtp, boss, secretariat } = r);
});
afterAll(() => stopReminderServer(r ?? {}));

const tick = (iso: string) => runTick(s.db, boss, new Date(iso));
const to = (email: string, subject: string) => messagesTo(smtp, email, subject);
const oneOff = (title: string, orgEmail: string, due: string, responsible?: string) => oneOffReturn(r, title, orgEmail, due, responsible);

describe("obligation reminders on the right day, to the right people", () => {
  it("around Easter 2027 and the March clock change: moved off bank holidays, at 07:00 London time, escalated three working days late", async () => {
    // Due on Easter Monday, 29 March 2027, the day after the clocks go forward.
    await oneOff("Sufficiency data return", "member@nelcp.example", "2027-03-29", "member@nelcp.example");
    const daniel = () => to("member@nelcp.example", "Sufficiency data return");

    await tick("2027-03-15T06:59:00Z"); // 06:59 GMT: not yet
    expect(daniel()).toHaveLength(0);
    await tick("2027-03-15T07:00:00Z"); // 14 days before, 07:00 GMT
    expect(daniel().map((m) => m.subject)).toEqual(["NELCP: Sufficiency data return for March 2027 is due soon"]);

    // Three days before is Good Friday: the reminder goes on the Thursday instead, and not again on Friday.
    await tick("2027-03-25T07:00:00Z");
    await tick("2027-03-26T07:00:00Z");
    expect(daniel()).toHaveLength(2);

    // On the day is Easter Monday, a bank holiday: it goes on Tuesday at 07:00 BST, which is 06:00 UTC.
    await tick("2027-03-29T07:00:00Z");
    expect(daniel()).toHaveLength(2);
    await tick("2027-03-30T05:59:00Z");
    expect(daniel()).toHaveLength(2);
    await tick("2027-03-30T06:00:00Z");
    expect(daniel().at(-1)?.subject).toBe("NELCP: Sufficiency data return for March 2027 is due today");

    // Three working days late (30, 31 March and 1 April): escalated to the chair. (Newham's member would hear too,
    // but every NELCP term in the demo data ends on 31 March 2027, so the register has nobody for Newham that day:
    // the chair's role on the platform still receives it.)
    await tick("2027-04-01T06:00:00Z");
    const chair = to("chair@nelcp.example", "Sufficiency data return");
    expect(chair).toHaveLength(1);
    expect(chair[0].subject).toBe("NELCP: London Borough of Newham's sufficiency data return for March 2027 is late");
    expect(chair[0].text).toContain("It is now 3 working days late, after 3 reminders.");
    expect(chair[0].text).toContain("You chair North-East London Commissioning Partnership.");
    expect(daniel().filter((m) => m.subject?.endsWith("is overdue"))).toHaveLength(1);

    // The same instant again sends nothing twice.
    const before = smtp.messages.length;
    const again = await tick("2027-04-01T06:00:00Z");
    expect(again.created).toBe(0);
    expect(smtp.messages.length).toBe(before);
  });

  it("after the October clock change, 07:00 London time is 07:00 UTC", async () => {
    await oneOff("Winter pressures return", "vicechair@nelcp.example", "2026-10-26");
    const funmi = () => to("vicechair@nelcp.example", "Winter pressures return").map((m) => m.subject);
    // At 06:30 UTC on the day, the reminder missed three days earlier (Friday 23 October) goes, but not today's.
    await tick("2026-10-26T06:30:00Z");
    expect(funmi()).toEqual(["NELCP: Winter pressures return for October 2026 is due soon"]);
    await tick("2026-10-26T07:00:00Z");
    expect(funmi()).toEqual(["NELCP: Winter pressures return for October 2026 is due soon", "NELCP: Winter pressures return for October 2026 is due today"]);
    // With nobody named responsible, the partner's board members are chased, and told why.
    expect(to("vicechair@nelcp.example", "Winter pressures return")[0].text).toContain(
      "You represent London Borough of Redbridge in North-East London Commissioning Partnership, and nobody is named as responsible for this return.",
    );
  });

  it("stops once the partner has submitted", async () => {
    const { id, organisationId } = await oneOff("Workforce return", "m.bellamy@barking-dagenham.example", "2027-02-15", "rep@barking-dagenham.example");
    await tick("2027-02-01T07:00:00Z");
    expect(to("rep@barking-dagenham.example", "Workforce return")).toHaveLength(1);
    const rep = s.client();
    await rep.signIn("rep@barking-dagenham.example");
    expect((await rep.post(`/p/nelcp/obligations/${id}/return?partner=${organisationId}&period=2027-02-15`, { intent: "submit", organisationId, periodKey: "2027-02-15", fieldSetId: "", comment: "Four new starters" })).status).toBe(302);
    await tick("2027-02-12T07:00:00Z");
    await tick("2027-02-15T07:00:00Z");
    expect(to("rep@barking-dagenham.example", "Workforce return")).toHaveLength(1);
  });
});

describe("emails", () => {
  it("every reminder has HTML and text parts, the partnership's name, a working link and why it was sent", async () => {
    const mine = smtp.messages.filter((m) => m.subject?.includes("Sufficiency data return"));
    expect(mine.length).toBeGreaterThan(0);
    for (const m of mine) {
      expect(m.html).toBeTruthy();
      expect(m.text).toContain("North-East London Commissioning Partnership");
      expect(m.text).toMatch(/You (are named|chair|represent)/);
      const links = [...(m.html as string).matchAll(/href="([^"]+)"/g)].map((x) => x[1]);
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect(href.startsWith(s.baseUrl)).toBe(true);
      const res = await secretariat.get(new URL(links[0]).pathname);
      expect(res.status).toBe(200);
    }
  });

  it("sending a meeting's invitations emails each board member a meeting request that parses, once; scheduling alone sends nothing", async () => {
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const res = await chair.post("/p/nelcp/meetings/new", { type: "board", title: "Extraordinary board", date: "2027-02-04", startTime: "15:00", endTime: "16:00", location: "Romford", onlineLink: "", reason: "" });
    expect(res.status).toBe(302);
    const meetingId = res.headers.get("location")!.match(/meetings\/([0-9a-f-]{36})/)![1];
    await tick("2027-01-20T09:00:00Z");
    expect(to("m.bellamy@barking-dagenham.example", "Extraordinary board")).toHaveLength(0);
    expect((await chair.post(`/p/nelcp/meetings/${meetingId}`, { intent: "send_invitations", version: "1" })).status).toBe(302);
    await tick("2027-01-20T09:05:00Z");
    const [mail] = to("m.bellamy@barking-dagenham.example", "Extraordinary board");
    expect(mail.text).toContain("4 February 2027, 15:00 to 16:00 (London time)");
    const ics = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
    const calendar = new ICAL.Component(ICAL.parse(ics.content.toString("utf8")));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("NELCP: Extraordinary board");
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-02-04T15:00:00.000Z");
    expect(event.organizer).toBe("mailto:chair@nelcp.example");
    expect(event.attendees.map((a) => a.getFirstValue())).toContain("mailto:m.bellamy@barking-dagenham.example");
    expect(to("m.bellamy@barking-dagenham.example", "Extraordinary board")).toHaveLength(1);
  });

  it("non-urgent reminders go into a daily digest for people who chose one; statutory ones still go at once", async () => {
    const owner = s.client();
    await owner.signIn("secretariat@nelcp.example");
    const bad = await owner.post("/account", { delivery: "weekly" });
    expect(await pageText(bad)).toContain("Choose when to get non-urgent reminders");
    expect((await owner.post("/account", { delivery: "digest" })).status).toBe(302);
    // The demo data's action "Agree keyworker continuity" fell due on 31 October 2026 and is still open.
    await tick("2026-11-01T07:00:00Z");
    const digests = smtp.messages.filter((m) => m.subject?.startsWith("Your partnership reminders for 1 November 2026") && m.text?.includes("Priya Raman"));
    expect(digests).toHaveLength(1);
    expect(digests[0].text).toContain("Agree keyworker continuity with the lot 2 consortium");
    expect(to("secretariat@nelcp.example", "action overdue")).toHaveLength(0);
  });
});

describe("returns and the compliance view", () => {
  it("shows each partner's on-time rate, what is overdue and the reminders sent", async () => {
    const text = await pageText(await secretariat.get("/p/nelcp/obligations"));
    expect(text).toMatch(/City of London Corporation 0% \(0 of 4\) Below 75%/);
    expect(text).toMatch(/London Borough of Havering 100% \(4 of 4\)/);
    expect(text).toMatch(/London Borough of Hackney 50% \(2 of 4\)/);
    expect(text).toContain("Quarterly performance return, July to September 2026 (due 28 October 2026)");
  });

  it("representatives submit only for their own partner; the secretariat accepts or sends back with a reason", async () => {
    const [qpr] = await s.db.select().from(obligations).where(eq(obligations.title, "Quarterly performance return"));
    const rep = s.client();
    await rep.signIn("rep@barking-dagenham.example");
    const bd = (await seatOn(s.db, "nelcp", "m.bellamy@barking-dagenham.example", "2026-11-22")).organisationId;
    const newham = (await seatOn(s.db, "nelcp", "member@nelcp.example", "2026-11-22")).organisationId;
    const send = (organisationId: string, periodKey: string, form: Record<string, string>) =>
      rep.post(`/p/nelcp/obligations/${qpr.id}/return?partner=${organisationId}&period=${periodKey}`, { intent: "submit", organisationId, periodKey, comment: "", ...form });
    const fieldSetId = (await (await rep.get(`/p/nelcp/obligations/${qpr.id}/return?partner=${bd}&period=2026-12-31`)).text()).match(/name="fieldSetId" value="([0-9a-f-]{36})"/)![1];
    expect((await send(newham, "2026-12-31", { fieldSetId })).status).toBe(403);
    const empty = await pageText(await send(bd, "2026-12-31", { fieldSetId }));
    expect(empty).toContain("Enter new placements: low needs");
    expect(empty).toContain("Enter spend against the block contract");
    const figures = { field_placements_low: "2", field_placements_medium: "3", field_placements_high: "1", field_placements_specialist: "0", field_placed_over_20_miles: "7", field_block_contract_spend: "£241,050.00" };
    const badFigure = await pageText(await send(bd, "2026-12-31", { fieldSetId, ...figures, field_placements_low: "lots", field_block_contract_spend: "241,050.001" }));
    expect(badFigure).toContain("New placements: low needs must be a number of 0 or more");
    expect(badFigure).toContain("Spend against the block contract can have at most two decimal places (pence)");
    const already = await send(bd, "2026-09-30", { fieldSetId, ...figures });
    expect(await pageText(already)).toContain("A return for July to September 2026 was already accepted on 27 October 2026");
    expect((await send(bd, "2026-12-31", { fieldSetId, ...figures, comment: "Early" })).status).toBe(302);

    const page = await (await secretariat.get(`/p/nelcp/obligations/${qpr.id}`)).text();
    const [submissionId, version] = page.match(/name="submissionId" value="([0-9a-f-]{36})"\/><input type="hidden" name="version" value="(\d+)"/)!.slice(1);
    const noReason = await secretariat.post(`/p/nelcp/obligations/${qpr.id}`, { intent: "review", submissionId, version, decision: "returned", reason: "" });
    expect(await pageText(noReason)).toContain("Say what needs changing before the return is sent back");
    expect((await rep.post(`/p/nelcp/obligations/${qpr.id}`, { intent: "review", submissionId, version, decision: "accepted" })).status).toBe(403);
    expect((await secretariat.post(`/p/nelcp/obligations/${qpr.id}`, { intent: "review", submissionId, version, decision: "accepted" })).status).toBe(302);
    const stale = await secretariat.post(`/p/nelcp/obligations/${qpr.id}`, { intent: "review", submissionId, version, decision: "returned", reason: "x" });
    expect(stale.status).toBe(409);
  });
});

describe("each partnership's reminder schedule", () => {
  it("the secretariat changes when partners are reminded; bad rows are refused; others cannot", async () => {
    const version = (await (await secretariat.get("/p/nelcp/obligations/reminders")).text()).match(/name="version" value="(\d+)"/)![1];
    const bad = await secretariat.post("/p/nelcp/obligations/reminders", { version, "days-0": "seven", "days-1": "90", "unit-1": "days", "when-1": "before" });
    const badText = await pageText(bad);
    expect(badText).toContain("Reminder 1: enter a whole number of days from 0 to 60");
    const rep = s.client();
    await rep.signIn("rep@barking-dagenham.example");
    expect((await rep.get("/p/nelcp/obligations/reminders")).status).toBe(403);
    const saved = await secretariat.post("/p/nelcp/obligations/reminders", {
      version,
      "days-0": "7",
      "unit-0": "days",
      "when-0": "before",
      "days-1": "1",
      "unit-1": "working_days",
      "when-1": "after",
      "escalate-1": "yes",
    });
    expect(saved.status).toBe(302);
    expect(await pageText(await secretariat.get("/p/nelcp/obligations"))).toContain("Reminders: 7 days before the due date; 1 working day after the due date, escalated to the chair.");

    await oneOff("Rescheduled return", "member@nelcp.example", "2027-08-16", "member@nelcp.example");
    await tick("2027-08-02T07:00:00Z"); // 14 days before: no longer a stage
    expect(to("member@nelcp.example", "Rescheduled return")).toHaveLength(0);
    await tick("2027-08-09T07:00:00Z");
    expect(to("member@nelcp.example", "Rescheduled return")).toHaveLength(1);
  });
});
