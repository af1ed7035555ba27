import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisions, formSubmissions, itemDeclarations } from "../../../db/schema";
import { addItem, decisionForm, markAttendance, nelcpQuorum, scheduleMeeting, seatOn } from "../../helpers/meetings";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// Every rendered form carries a one-time key (AppForm) stored with the write it
// causes: a second click, a resent POST or a replay gets the first result back
// and never writes a second record. On PostgreSQL the replays arrive together.

let s: TestServer;
let chair: HttpClient;
let meetingId: string;
let itemId: string;
const run = () => `/p/nelcp/meetings/${meetingId}/run?item=${itemId}`;

/** The key the page's forms were rendered with. */
async function formKeyOf(client: HttpClient, path: string) {
  const html = await (await client.get(path)).text();
  const match = html.match(/name="_once" value="([0-9a-f-]{36})"/);
  if (!match) throw new Error(`No one-time key on ${path}`);
  return match[1];
}

const decisionsTitled = async (title: string) => (await s.db.select({ n: count() }).from(decisions).where(eq(decisions.title, title)))[0].n;

beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  meetingId = await scheduleMeeting(chair, "nelcp", { date: "2026-11-12", title: "Board meeting (repeats)" });
  itemId = await addItem(chair, s.db, "nelcp", meetingId, "Lot 3 award");
  expect((await markAttendance(chair, s.db, "nelcp", meetingId, "2026-11-12", nelcpQuorum)).status).toBe(302);
});
afterAll(async () => {
  await s?.close();
});

describe("a form submitted twice records once", () => {
  it("the same decision form sent twice records one decision, and both answers lead to it", async () => {
    const key = await formKeyOf(chair, run());
    const form = { ...decisionForm({ title: "Award lot 3 (sent twice)" }), agendaItemId: itemId, _once: key };
    const first = await chair.post(run(), form);
    const second = await chair.post(run(), form);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(await decisionsTitled("Award lot 3 (sent twice)")).toBe(1);
  });

  it("five submissions of one form at the same moment record one decision", async () => {
    const key = await formKeyOf(chair, run());
    const form = { ...decisionForm({ title: "Award lot 3 (five at once)" }), agendaItemId: itemId, _once: key };
    const answers = await Promise.all(Array.from({ length: 5 }, () => chair.post(run(), form)));
    expect(answers.map((a) => a.status)).toEqual([302, 302, 302, 302, 302]);
    expect(new Set(answers.map((a) => a.headers.get("location"))).size).toBe(1);
    expect(await decisionsTitled("Award lot 3 (five at once)")).toBe(1);
  });

  it("a declaration sent twice is recorded once", async () => {
    const key = await formKeyOf(chair, run());
    const seat = await seatOn(s.db, "nelcp", "member@nelcp.example", "2026-11-12");
    const form = { intent: "declare", agendaItemId: itemId, seatId: seat.id, interest: "Governor of a bidding school (twice)", recused: "yes", _once: key };
    expect((await chair.post(run(), form)).status).toBe(302);
    expect((await chair.post(run(), form)).status).toBe(302);
    const rows = await s.db.select().from(itemDeclarations).where(and(eq(itemDeclarations.agendaItemId, itemId), eq(itemDeclarations.interest, "Governor of a bidding school (twice)")));
    expect(rows).toHaveLength(1);
  });

  it("a refused form keeps its key: corrected and sent again, it records", async () => {
    const key = await formKeyOf(chair, run());
    const refused = await chair.post(run(), { ...decisionForm({ title: "" }), agendaItemId: itemId, _once: key });
    expect(refused.status).toBe(400);
    expect(await pageText(refused)).toContain("Enter");
    const corrected = await chair.post(run(), { ...decisionForm({ title: "Award lot 3 (corrected)" }), agendaItemId: itemId, _once: key });
    expect(corrected.status).toBe(302);
    expect(await decisionsTitled("Award lot 3 (corrected)")).toBe(1);
  });

  it("after a write the page's forms carry a new key, so the next decision is recorded too", async () => {
    const before = await formKeyOf(chair, run());
    const sent = await chair.post(run(), { ...decisionForm({ title: "Award lot 3 (first of two)" }), agendaItemId: itemId, _once: before });
    expect(sent.status).toBe(302);
    const after = await formKeyOf(chair, sent.headers.get("location")!);
    expect(after).not.toBe(before);
    expect((await chair.post(run(), { ...decisionForm({ title: "Award lot 3 (second of two)" }), agendaItemId: itemId, _once: after })).status).toBe(302);
    expect(await decisionsTitled("Award lot 3 (first of two)")).toBe(1);
    expect(await decisionsTitled("Award lot 3 (second of two)")).toBe(1);
  });

  it("one person's key does nothing for another: each records their own", async () => {
    const secretariat = s.client();
    await secretariat.signIn("secretariat@nelcp.example");
    const key = await formKeyOf(chair, run());
    const form = { ...decisionForm({ title: "Award lot 3 (two people)" }), agendaItemId: itemId, _once: key };
    expect((await chair.post(run(), form)).status).toBe(302);
    expect((await secretariat.post(run(), form)).status).toBe(302);
    expect(await decisionsTitled("Award lot 3 (two people)")).toBe(2);
    expect((await s.db.select({ n: count() }).from(formSubmissions))[0].n).toBeGreaterThan(0);
  });
});
