import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, agendaItems, attendance, decisions, meetings, minutes, remindersSent, termsOfReference } from "../../../db/schema";
import { addItem, decisionForm, markAttendance, nelcpQuorum, scheduleMeeting, seatOn } from "../../helpers/meetings";
import { formVersion, partnershipId } from "../../helpers/pages";
import { pageText, SCENARIO_TODAY, startTestServer, travelTo, type HttpClient, type TestServer } from "../../helpers/server";

// A meeting whose minutes are approved stays as they record it, and the record
// keeps to the calendar: no outcomes before a meeting begins, no proposals for
// meetings that are over, no dates of decisions or ratifications still to come,
// no invitations to a meeting that has already happened.

let s: TestServer;
let chair: HttpClient;
const LOCKED = "The minutes of this meeting are approved and locked";

beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
});
afterAll(async () => {
  travelTo(SCENARIO_TODAY);
  await s?.close();
});

describe("a meeting whose minutes are approved is locked", () => {
  let meeting: typeof meetings.$inferSelect;
  let item: typeof agendaItems.$inferSelect;
  const base = () => `/p/nelcp/meetings/${meeting.id}`;
  const counts = async () => ({
    decisions: (await s.db.select({ n: count() }).from(decisions).where(eq(decisions.meetingId, meeting.id)))[0].n,
    items: (await s.db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)))[0].n,
    attendance: (await s.db.select().from(attendance).where(eq(attendance.meetingId, meeting.id))).map((a) => `${a.seatId}:${a.status}`).sort(),
    actions: (await s.db.select({ n: count() }).from(actions).where(eq(actions.meetingId, meeting.id)))[0].n,
    emails: (await s.db.select({ n: count() }).from(remindersSent).where(eq(remindersSent.subjectId, meeting.id)))[0].n,
  });

  beforeAll(async () => {
    const [row] = await s.db
      .select({ meeting: meetings })
      .from(meetings)
      .innerJoin(minutes, eq(minutes.meetingId, meetings.id))
      .where(and(eq(meetings.partnershipId, await partnershipId(s.db, "nelcp")), eq(minutes.status, "approved")))
      .orderBy(asc(meetings.startsAt))
      .limit(1);
    meeting = row.meeting;
    [item] = await s.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).orderBy(asc(agendaItems.position)).limit(1);
  });

  it("refuses a new decision, a declaration, attendance and an action at it", async () => {
    const before = await counts();
    const at = `${base()}/run?item=${item.id}`;
    const decision = await chair.post(at, { ...decisionForm({ title: "A decision after the minutes were locked" }), agendaItemId: item.id });
    expect(decision.status).toBe(400);
    expect(await pageText(decision)).toContain(LOCKED);
    const seat = await seatOn(s.db, "nelcp", "member@nelcp.example", SCENARIO_TODAY);
    expect(await pageText(await chair.post(at, { intent: "declare", agendaItemId: item.id, seatId: seat.id, interest: "Late declaration", recused: "" }))).toContain(LOCKED);
    const marked = await markAttendance(chair, s.db, "nelcp", meeting.id, SCENARIO_TODAY, { "member@nelcp.example": "absent" });
    expect(marked.status).toBe(400);
    expect(await pageText(marked)).toContain(LOCKED);
    const owner = seat.userId;
    expect(await pageText(await chair.post(at, { intent: "action", agendaItemId: item.id, title: "Late action", description: "", ownerUserId: owner, organisationId: "", dueDate: "2027-01-31" }))).toContain(LOCKED);
    expect(await counts()).toEqual(before);
  });

  it("refuses agenda changes: adding, editing, moving and removing items, and their notes", async () => {
    const before = await counts();
    const agenda = `${base()}/agenda`;
    expect(await pageText(await chair.post(agenda, { intent: "add", title: "A late item", presenter: "", purpose: "information", description: "" }))).toContain(LOCKED);
    expect(await pageText(await chair.post(agenda, { intent: "edit", itemId: item.id, version: String(item.version), title: "Renamed", presenter: "", purpose: item.purpose, description: "" }))).toContain(LOCKED);
    expect(await pageText(await chair.post(agenda, { intent: "down", itemId: item.id }))).toContain(LOCKED);
    expect(await pageText(await chair.post(agenda, { intent: "remove", itemId: item.id }))).toContain(LOCKED);
    expect(await pageText(await chair.post(`${base()}/run?item=${item.id}`, { intent: "notes", itemId: item.id, version: String(item.version), notes: "Rewritten notes" }))).toContain(LOCKED);
    const [after] = await s.db.select().from(agendaItems).where(eq(agendaItems.id, item.id));
    expect(after).toMatchObject({ title: item.title, position: item.position, notes: item.notes });
    expect(await counts()).toEqual(before);
  });

  it("refuses a change of date, or cancelling it, and emails nobody", async () => {
    const before = await counts();
    const edit = `${base()}/edit`;
    const version = await formVersion(chair, edit);
    const moved = await chair.post(edit, { version, type: meeting.type, title: meeting.title, date: "2026-02-05", startTime: "10:00", endTime: "12:00", location: "Romford", onlineLink: "", reason: "Moved" });
    expect(moved.status).toBe(400);
    expect(await pageText(moved)).toContain(LOCKED);
    expect(await pageText(await chair.post(base(), { version, reason: "Never happened" }))).toContain(LOCKED);
    const [after] = await s.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(after.startsAt.toISOString()).toBe(meeting.startsAt.toISOString());
    expect(after.cancelledAt).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it("still takes a correction, as an amendment beside the approved minutes", async () => {
    const res = await chair.post(`${base()}/minutes`, { intent: "amend", agendaItemId: "", text: "The chair's name is spelt Featherstone.", reason: "Spelling" });
    expect(res.status).toBe(302);
    expect(await pageText(await chair.get(`${base()}/minutes`))).toContain("The chair's name is spelt Featherstone.");
  });
});

describe("the record keeps to the calendar", () => {
  it("refuses outcomes at a meeting that has not begun, and takes them once it has", async () => {
    const id = await scheduleMeeting(chair, "nelcp", { date: "2026-11-26", startTime: "10:00", title: "Board meeting (next week)" });
    const itemId = await addItem(chair, s.db, "nelcp", id, "Lot 4 award");
    expect((await markAttendance(chair, s.db, "nelcp", id, "2026-11-26", nelcpQuorum)).status).toBe(302);
    const early = await chair.post(`/p/nelcp/meetings/${id}/run?item=${itemId}`, { ...decisionForm({ title: "Award lot 4 early" }), agendaItemId: itemId });
    expect(early.status).toBe(400);
    expect(await pageText(early)).toContain("This meeting has not begun: it starts on 26 November 2026 at 10:00");
    expect((await s.db.select({ n: count() }).from(decisions).where(eq(decisions.title, "Award lot 4 early")))[0].n).toBe(0);
    travelTo("2026-11-27");
    try {
      const recorded = await chair.post(`/p/nelcp/meetings/${id}/run?item=${itemId}`, { ...decisionForm({ title: "Award lot 4 on the day" }), agendaItemId: itemId });
      expect(recorded.status).toBe(302);
    } finally {
      travelTo(SCENARIO_TODAY);
    }
  });

  it("refuses a proposal for a meeting that is over", async () => {
    const past = await scheduleMeeting(chair, "nelcp", { date: "2026-11-05", title: "Board meeting (earlier this month)" });
    const member = s.client();
    await member.signIn("member@nelcp.example");
    const res = await member.post("/p/nelcp/decisions/new", { title: "Too late", text: "For a meeting already held", rationale: "", optionsConsidered: "", meetingId: past });
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain("That meeting took place on 5 November 2026: choose a meeting still to come");
    expect((await s.db.select({ n: count() }).from(decisions).where(eq(decisions.title, "Too late")))[0].n).toBe(0);
  });

  it("refuses a decision outside a meeting dated in the future", async () => {
    const res = await chair.post("/p/nelcp/decisions/new", { kind: "outside", route: "chairs_action", outcome: "agreed", decidedOn: "2026-12-25", title: "Decided ahead", text: "Not yet decided" });
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain("The date it was decided cannot be in the future");
  });

  it("scheduling a meeting invites nobody; the invitations of one in the past cannot be sent, of one to come invite the board", async () => {
    const past = await scheduleMeeting(chair, "nelcp", { date: "2026-10-01", title: "Board meeting (recorded afterwards)" });
    const future = await scheduleMeeting(chair, "nelcp", { date: "2027-03-04", title: "Board meeting (next spring)" });
    const invitations = async (id: string) => (await s.db.select({ n: count() }).from(remindersSent).where(and(eq(remindersSent.subjectId, id), eq(remindersSent.kind, "meeting_invitation"))))[0].n;
    expect(await invitations(past)).toBe(0);
    expect(await invitations(future)).toBe(0);
    const refused = await chair.post(`/p/nelcp/meetings/${past}`, { intent: "send_invitations", version: "1" });
    expect(refused.status).toBe(400);
    expect(await pageText(refused)).toContain("The meeting has already started or taken place, so no invitations are sent");
    expect(await invitations(past)).toBe(0);
    expect((await chair.post(`/p/nelcp/meetings/${future}`, { intent: "send_invitations", version: "1" })).status).toBe(302);
    expect(await invitations(future)).toBeGreaterThan(5);
  });
});

describe("ratification", () => {
  let decisionId: string;
  let organisations: string[];
  const ratify = async (organisationId: string, fields: Record<string, string>) => {
    const page = await (await chair.get(`/p/nelcp/decisions/${decisionId}`)).text();
    const version = page.match(new RegExp(`name="organisationId" value="${organisationId}"[\\s\\S]*?name="version" value="(\\d+)"`))?.[1] ?? "1";
    return chair.post(`/p/nelcp/decisions/${decisionId}`, { intent: "ratification", organisationId, version, body: "Cabinet", note: "", ...fields });
  };

  beforeAll(async () => {
    const res = await chair.post("/p/nelcp/decisions/new", { kind: "outside", route: "chairs_action", outcome: "agreed", decidedOn: "2026-11-20", title: "Extend lot 2 by a year", text: "Lot 2 is extended by a year.", needsRatification: "yes" });
    expect(res.status).toBe(302);
    decisionId = res.headers.get("location")!.match(/decisions\/([0-9a-f-]{36})/)![1];
    organisations = (await s.db.query.decisionRatifications.findMany({ where: (r, { eq }) => eq(r.decisionId, decisionId) })).map((r) => r.organisationId);
    expect(organisations.length).toBeGreaterThan(1);
  });

  it("refuses a ratification dated in the future, or before the decision was taken", async () => {
    const future = await ratify(organisations[0], { status: "ratified", decidedOn: "2026-12-01" });
    expect(future.status).toBe(400);
    expect(await pageText(future)).toContain("cannot be in the future");
    const before = await ratify(organisations[0], { status: "ratified", decidedOn: "2026-11-19" });
    expect(before.status).toBe(400);
    expect(await pageText(before)).toContain("only ratify the decision after it was taken, on 20 November 2026");
  });

  it("one Cabinet's refusal makes the decision fall, as NELCP's terms of reference say", async () => {
    expect((await ratify(organisations[0], { status: "ratified", decidedOn: "2026-11-21" })).status).toBe(302);
    expect((await ratify(organisations[1], { status: "refused", decidedOn: "2026-11-22" })).status).toBe(302);
    const [d] = await s.db.select().from(decisions).where(eq(decisions.id, decisionId));
    expect(d.status).toBe("rejected");
    const text = await pageText(await chair.get(`/p/nelcp/decisions/${decisionId}`));
    expect(text).toContain("Cabinet refused to ratify it on 22 November 2026, and the terms of reference say the decision then falls");
  });

  it("under terms where a refusal leaves the decision standing, it stays agreed", async () => {
    const nelcp = await partnershipId(s.db, "nelcp");
    const [inForce] = await s.db.select().from(termsOfReference).where(and(eq(termsOfReference.partnershipId, nelcp), eq(termsOfReference.status, "approved")));
    const rules = inForce.rules as { decisions: Record<string, unknown> };
    await s.db.update(termsOfReference).set({ rules: { ...rules, decisions: { ...rules.decisions, whenRatificationRefused: "decision_stands" } } }).where(eq(termsOfReference.id, inForce.id));
    const res = await chair.post("/p/nelcp/decisions/new", { kind: "outside", route: "chairs_action", outcome: "agreed", decidedOn: "2026-11-20", title: "Extend lot 5 by a year", text: "Lot 5 is extended.", needsRatification: "yes" });
    const id = res.headers.get("location")!.match(/decisions\/([0-9a-f-]{36})/)![1];
    decisionId = id;
    expect((await ratify(organisations[1], { status: "refused", decidedOn: "2026-11-22" })).status).toBe(302);
    const [d] = await s.db.select().from(decisions).where(eq(decisions.id, id));
    expect(d.status).toBe("agreed");
    await s.db.update(termsOfReference).set({ rules: inForce.rules }).where(eq(termsOfReference.id, inForce.id));
  });
});
