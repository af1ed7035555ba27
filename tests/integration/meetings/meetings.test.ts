import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../../../db/audit";
import { attendance, decisions, meetings, minutes } from "../../../db/schema";
import { addItem, decisionForm, markAttendance, nelcpQuorum, scheduleMeeting, seatOn } from "../../helpers/meetings";
import { formVersion, lastAuditOf, userId } from "../../helpers/pages";
import { type HttpClient, pageText, SCENARIO_TODAY, startTestServer, type TestServer, travelTo } from "../../helpers/server";

let s: TestServer;
let chair: HttpClient;
beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
});
afterAll(async () => {
  await s?.close();
});

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function upload(client: HttpClient, path: string, filename: string, bytes: Buffer, agendaItemId = "") {
  const body = new FormData();
  body.set("intent", "upload");
  body.set("agendaItemId", agendaItemId);
  body.set("paper", new Blob([new Uint8Array(bytes)]), filename);
  return fetch(s.baseUrl + path, {
    method: "POST",
    redirect: "manual",
    headers: { origin: s.baseUrl, cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "x-forwarded-for": client.address },
    body,
  });
}

describe("scheduling a meeting", () => {
  it("the chair schedules one at a London time; bad input is refused precisely", async () => {
    const bad = await chair.post("/p/nelcp/meetings/new", { type: "board", title: "", date: "2026-02-30", startTime: "14:00", endTime: "25:00", location: "", onlineLink: "http://insecure.example", reason: "" });
    expect(bad.status).toBe(400);
    const text = await pageText(bad);
    expect(text).toContain("Enter a title for the meeting");
    expect(text).toContain("Enter a real date for the date of the meeting");
    expect(text).toContain("Enter the end time as hours and minutes on the 24-hour clock");
    expect(text).toContain("The online link must be a full https:// address");

    const backwards = await chair.post("/p/nelcp/meetings/new", { type: "board", title: "Board", date: "2026-12-03", startTime: "14:00", endTime: "13:00", location: "Romford", onlineLink: "", reason: "" });
    expect(await pageText(backwards)).toContain("The meeting must end after it starts");
    const nowhere = await chair.post("/p/nelcp/meetings/new", { type: "board", title: "Board", date: "2026-12-03", startTime: "10:00", endTime: "11:00", location: "", onlineLink: "", reason: "" });
    expect(await pageText(nowhere)).toContain("Enter where the meeting is, or an online link, or both");

    // 10:00 in London is 10:00 UTC in December and 09:00 UTC in June.
    const december = await scheduleMeeting(chair, "nelcp", { date: "2026-12-03", startTime: "10:00" });
    const june = await scheduleMeeting(chair, "nelcp", { date: "2027-06-10", startTime: "10:00" });
    const [d] = await s.db.select().from(meetings).where(eq(meetings.id, december));
    const [j] = await s.db.select().from(meetings).where(eq(meetings.id, june));
    expect(d.startsAt.toISOString()).toBe("2026-12-03T10:00:00.000Z");
    expect(j.startsAt.toISOString()).toBe("2027-06-10T09:00:00.000Z");
    expect(await pageText(await chair.get(`/p/nelcp/meetings/${june}`))).toContain("10 June 2027, 10:00 to 12:00 (London time)");
  });

  it("a change bumps the calendar sequence; a stale change is refused and what is saved is shown", async () => {
    const id = await scheduleMeeting(chair, "nelcp", { title: "Extraordinary meeting", date: "2026-12-17" });
    const version = await formVersion(chair, `/p/nelcp/meetings/${id}/edit`);
    const fields = { version, type: "board", title: "Extraordinary meeting", date: "2026-12-17", startTime: "15:00", endTime: "16:00", location: "Online only", onlineLink: "https://meet.example/x", reason: "Moved to the afternoon" };
    expect((await chair.post(`/p/nelcp/meetings/${id}/edit`, fields)).status).toBe(302);
    const [row] = await s.db.select().from(meetings).where(eq(meetings.id, id));
    expect(row.sequence).toBe(1);
    const event = await lastAuditOf(s.db, id);
    expect(event).toMatchObject({ action: "meeting.update", reason: "Moved to the afternoon" });
    const stale = await chair.post(`/p/nelcp/meetings/${id}/edit`, { ...fields, title: "My title" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(await pageText(new Response(html))).toContain("Someone else changed this meeting while you were editing it");
    expect(html).toContain('value="My title"');
  });

  it("only the chair, secretariat and administrators manage meetings; everyone in the partnership reads them", async () => {
    const id = await scheduleMeeting(chair, "nelcp", { date: "2026-12-10" });
    for (const who of ["vicechair@nelcp.example", "member@nelcp.example", "rep@barking-dagenham.example", "observer@nelcp.example"]) {
      const c = s.client();
      await c.signIn(who);
      expect((await c.get(`/p/nelcp/meetings/${id}`)).status, who).toBe(200);
      for (const path of ["/p/nelcp/meetings/new", `/p/nelcp/meetings/${id}/run`, `/p/nelcp/meetings/${id}/agenda`, `/p/nelcp/meetings/${id}/edit`]) expect((await c.get(path)).status, `${who} ${path}`).toBe(403);
      expect((await c.post(`/p/nelcp/meetings/${id}/run`, { intent: "attendance" })).status, who).toBe(403);
      expect((await c.post(`/p/nelcp/meetings/${id}/minutes`, { intent: "circulate", version: "1" })).status, who).toBe(403);
    }
    const secretariat = s.client();
    await secretariat.signIn("secretariat@nelcp.example");
    expect((await secretariat.get(`/p/nelcp/meetings/${id}/run`)).status).toBe(200);
    const scrutiny = s.client();
    await scrutiny.signIn("scrutiny@leics.example");
    expect((await scrutiny.get(`/p/nelcp/meetings/${id}`)).status).toBe(403);
    const young = s.client();
    await young.signInPortal();
    expect((await young.get("/p/nelcp/meetings")).headers.get("location")).toMatch(/^\/sign-in/);
  });
});

describe("agenda and papers", () => {
  let meetingId: string;
  let first: string;
  let second: string;
  beforeAll(async () => {
    meetingId = await scheduleMeeting(chair, "nelcp", { date: "2026-12-08" });
    first = await addItem(chair, s.db, "nelcp", meetingId, "Finance report", "information");
    second = await addItem(chair, s.db, "nelcp", meetingId, "Lot 3 timetable", "decision");
  });

  it("orders items and moves them", async () => {
    expect((await chair.post(`/p/nelcp/meetings/${meetingId}/agenda`, { intent: "down", itemId: first })).status).toBe(302);
    const html = await (await chair.get(`/p/nelcp/meetings/${meetingId}`)).text();
    expect(html.indexOf("Lot 3 timetable")).toBeLessThan(html.indexOf("Finance report"));
    const bad = await chair.post(`/p/nelcp/meetings/${meetingId}/agenda`, { intent: "add", title: "", presenter: "", purpose: "gossip", description: "" });
    const text = await pageText(bad);
    expect(text).toContain("Enter the item's title");
    expect(text).toContain("Choose whether the item is for decision, discussion or information");
  });

  it("stores a PDF in the database and serves it as a download with safe headers to members only", async () => {
    const res = await upload(chair, `/p/nelcp/meetings/${meetingId}/agenda`, "Finance report Q3.pdf", pdf, second);
    expect(res.status).toBe(302);
    const html = await (await chair.get(`/p/nelcp/meetings/${meetingId}`)).text();
    const href = html.match(/href="(\/p\/nelcp\/meetings\/[^"]+\/papers\/[0-9a-f-]{36})"/)![1];
    const observer = s.client();
    await observer.signIn("observer@nelcp.example");
    const download = await observer.get(href);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="Finance report Q3.pdf"/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    const outsider = s.client();
    await outsider.signIn("scrutiny@leics.example");
    expect((await outsider.get(href)).status).toBe(403);
  });

  it("refuses other file types, a file whose contents do not match its name, and files over 20 MB", async () => {
    const text = await upload(chair, `/p/nelcp/meetings/${meetingId}/agenda`, "notes.txt", Buffer.from("hello"));
    expect(text.status).toBe(400);
    expect(await pageText(text)).toContain("The file must be a PDF or an Office document");
    const fake = await upload(chair, `/p/nelcp/meetings/${meetingId}/agenda`, "report.pdf", Buffer.from("<html>not a pdf</html>"));
    expect(await pageText(fake)).toContain("The file's contents are not a real .pdf file");
    const huge = await upload(chair, `/p/nelcp/meetings/${meetingId}/agenda`, "huge.pdf", Buffer.concat([pdf, Buffer.alloc(21 * 1024 * 1024)]));
    expect(huge.status).toBe(413);
    expect(await pageText(huge)).toContain("The file must be 20 MB or smaller");
  });

  it("an item with papers or decisions stays on the agenda", async () => {
    const res = await chair.post(`/p/nelcp/meetings/${meetingId}/agenda`, { intent: "remove", itemId: second });
    expect(await pageText(res)).toContain('Remove the papers attached to "Lot 3 timetable" first');
    expect((await chair.post(`/p/nelcp/meetings/${meetingId}/agenda`, { intent: "remove", itemId: first })).status).toBe(302);
  });
});

describe("running a meeting", () => {
  let meetingId: string;
  let itemId: string;
  beforeAll(async () => {
    meetingId = await scheduleMeeting(chair, "nelcp", { date: "2026-12-03" });
    itemId = await addItem(chair, s.db, "nelcp", meetingId, "Lot 1 re-procurement");
    // The meetings below have taken place by the time their outcomes are recorded.
    travelTo("2027-02-01");
  });
  afterAll(() => travelTo(SCENARIO_TODAY));

  it("computes the quorum live from attendance under the terms in force on the day", async () => {
    const few = await markAttendance(chair, s.db, "nelcp", meetingId, "2026-12-03", { "chair@nelcp.example": "present", "member@nelcp.example": "present", "vicechair@nelcp.example": "apologies" });
    expect(few.status).toBe(302);
    let text = await pageText(await chair.get(`/p/nelcp/meetings/${meetingId}/run`));
    expect(text).toContain("Quorum for the meeting: Not quorate");
    expect(text).toContain("2 of the 6 voting members needed are present.");
    expect(text).toContain("2 of the 5 partner organisations needed are represented.");

    // A lapsed deputy cannot stand in.
    const lapsed = await markAttendance(chair, s.db, "nelcp", meetingId, "2026-12-03", { "r.chowdhury@towerhamlets.example": "deputy:t.egan@towerhamlets.example" });
    expect(lapsed.status).toBe(400);
    expect(await pageText(lapsed)).toContain("Tom Egan has no valid delegation to stand in for Rahima Chowdhury on 3 December 2026");

    expect((await markAttendance(chair, s.db, "nelcp", meetingId, "2026-12-03", { ...nelcpQuorum, "member@nelcp.example": "deputy:g.mensah@newham.example" })).status).toBe(302);
    text = await pageText(await chair.get(`/p/nelcp/meetings/${meetingId}/run`));
    expect(text).toContain("Quorum for the meeting: Quorate");
    expect(text).toContain("6 voting members counted from 6 partners, under version 2 of the terms of reference");
    const rows = await s.db.select().from(attendance).where(eq(attendance.meetingId, meetingId));
    expect(rows.find((r) => r.status === "deputy")?.deputySeatId).toBe((await seatOn(s.db, "nelcp", "g.mensah@newham.example", "2026-12-03")).id);
  });

  it("a withdrawal takes the member out of that item's quorum: the decision is recorded as inquorate", async () => {
    const marcus = await seatOn(s.db, "nelcp", "m.bellamy@barking-dagenham.example", "2026-12-03");
    const declared = await chair.post(`/p/nelcp/meetings/${meetingId}/run`, { intent: "declare", agendaItemId: itemId, seatId: marcus.id, interest: "Trustee of a bidder", recused: "yes" });
    expect(declared.status).toBe(302);
    const text = await pageText(await chair.get(`/p/nelcp/meetings/${meetingId}/run?item=${itemId}`));
    expect(text).toContain("Marcus Bellamy: Trustee of a bidder Withdrew from the item");
    expect(text).toContain("Quorum for this item: Not quorate");

    const recorded = await chair.post(`/p/nelcp/meetings/${meetingId}/run`, decisionForm({ agendaItemId: itemId, title: "Start lot 1 re-procurement", text: "Start the re-procurement of lot 1 in April 2027." }));
    expect(recorded.status).toBe(302);
    const [d] = await s.db.select().from(decisions).where(eq(decisions.title, "Start lot 1 re-procurement"));
    expect(d.status).toBe("inquorate");
    expect(d.reference).toBe("NELCP-2026-011");
    expect(d.quorumSnapshot).toMatchObject({ quorate: false, countedVotingMembers: 5, termsVersion: 2 });
    const page = await pageText(await chair.get(`/p/nelcp/decisions/${d.id}`));
    expect(page).toContain("Inquorate – needs ratification");
    expect(page).toContain("The meeting was not quorate when this was decided");
    expect(page).toContain("5 of the 6 voting members needed are present.");
  });

  it("records notes, a quorate decision, and an action; then drafts and circulates the minutes", async () => {
    const second = await addItem(chair, s.db, "nelcp", meetingId, "Young people's feedback", "discussion");
    const notesVersion = "1";
    expect((await chair.post(`/p/nelcp/meetings/${meetingId}/run`, { intent: "notes", itemId: second, version: notesVersion, notes: "Young people asked for study spaces." })).status).toBe(302);
    const stale = await chair.post(`/p/nelcp/meetings/${meetingId}/run`, { intent: "notes", itemId: second, version: notesVersion, notes: "Different notes" });
    expect(stale.status).toBe(409);
    expect(await pageText(stale)).toContain("Different notes");

    expect((await chair.post(`/p/nelcp/meetings/${meetingId}/run`, decisionForm({ agendaItemId: second, title: "Add study spaces", text: "Providers add quiet study spaces in every home." }))).status).toBe(302);
    const action = await chair.post(`/p/nelcp/meetings/${meetingId}/run`, {
      intent: "action",
      agendaItemId: second,
      title: "Ask providers for a study-space plan",
      description: "",
      ownerUserId: await userId(s.db, "secretariat@nelcp.example"),
      organisationId: "",
      dueDate: "2027-01-31",
    });
    expect(action.status).toBe(302);
    const noOwner = await chair.post(`/p/nelcp/meetings/${meetingId}/run`, { intent: "action", agendaItemId: second, title: "x", description: "", ownerUserId: "", organisationId: "", dueDate: "" });
    const noOwnerText = await pageText(noOwner);
    expect(noOwnerText).toContain("Enter the date the action is due");

    const draft = await pageText(await chair.get(`/p/nelcp/meetings/${meetingId}/minutes`));
    expect(draft).toContain("Draft");
    expect(draft).toContain("Graham Featherstone (London Borough of Havering, chair)");
    expect(draft).toContain("Grace Mensah for Daniel Osei");
    expect(draft).toContain("Marcus Bellamy declared: Trustee of a bidder (withdrew from the item)");
    expect(draft).toContain("Young people asked for study spaces.");
    expect(draft).toContain("Decision NELCP-2026-012: Add study spaces (agreed)");
    expect(draft).toContain("Ask providers for a study-space plan – Priya Raman, by 31 January 2027");

    const version = await formVersion(chair, `/p/nelcp/meetings/${meetingId}/minutes`);
    expect((await chair.post(`/p/nelcp/meetings/${meetingId}/minutes`, { intent: "summary", version, summary: "A short meeting." })).status).toBe(302);
    const v2 = await formVersion(chair, `/p/nelcp/meetings/${meetingId}/minutes`);
    expect((await chair.post(`/p/nelcp/meetings/${meetingId}/minutes`, { intent: "circulate", version: v2 })).status).toBe(302);
    const [row] = await s.db.select().from(minutes).where(eq(minutes.meetingId, meetingId));
    expect(row.status).toBe("circulated");
  });

  it("a later meeting approves the minutes by a decision, which locks them; corrections become amendments", async () => {
    const later = await scheduleMeeting(chair, "nelcp", { date: "2027-01-28" });
    const item = await addItem(chair, s.db, "nelcp", later, "Minutes of the December meeting");
    await markAttendance(chair, s.db, "nelcp", later, "2027-01-28", {
      "chair@nelcp.example": "present",
      "vicechair@nelcp.example": "present",
      "m.bellamy@barking-dagenham.example": "present",
      "member@nelcp.example": "present",
      "c.hennessy@walthamforest.example": "present",
      "k.morris@silverlinedhorizons.example": "present",
    });
    // Minutes of a later meeting cannot be approved, nor anything not on offer.
    const wrong = await chair.post(`/p/nelcp/meetings/${later}/run`, decisionForm({ agendaItemId: item, title: "Approve", approves: `minutes:${later}` }));
    expect(await pageText(wrong)).toContain("Choose the minutes of an earlier meeting");
    const ok = await chair.post(`/p/nelcp/meetings/${later}/run`, decisionForm({ agendaItemId: item, title: "Approve the December minutes", text: "Approved as a correct record.", approves: `minutes:${meetingId}` }));
    expect(ok.status).toBe(302);
    const [d] = await s.db.select().from(decisions).where(eq(decisions.title, "Approve the December minutes"));
    expect(d.reference).toBe("NELCP-2027-001");
    const locked = await pageText(await chair.get(`/p/nelcp/meetings/${meetingId}/minutes`));
    expect(locked).toContain("Approved by decision NELCP-2027-001 on 28 January 2027, and locked.");
    expect(locked).not.toContain("Save summary");

    // The record changes afterwards; the approved minutes do not.
    const second = (await s.db.select().from(decisions).where(eq(decisions.title, "Add study spaces")))[0];
    await s.db.update(decisions).set({ title: "Renamed after approval" }).where(eq(decisions.id, second.id));
    expect(await pageText(await chair.get(`/p/nelcp/meetings/${meetingId}/minutes`))).toContain("Add study spaces");

    const notes = await chair.post(`/p/nelcp/meetings/${meetingId}/minutes`, { intent: "summary", version: "3", summary: "Rewritten" });
    expect(await pageText(notes)).toContain("These minutes are approved and locked: record a correction as an amendment instead");
    const amended = await chair.post(`/p/nelcp/meetings/${meetingId}/minutes`, { intent: "amend", agendaItemId: "", text: "Grace Mensah attended as deputy for Daniel Osei for the whole meeting.", reason: "Clarified at the January meeting" });
    expect(amended.status).toBe(302);
    const page = await pageText(await chair.get(`/p/nelcp/meetings/${meetingId}/minutes`));
    expect(page).toContain("Amendment after approval");
    expect(page).toContain("Reason: Clarified at the January meeting");
    expect((await verifyAuditTrail(s.db)).ok).toBe(true);
  });
});

describe("actions", () => {
  it("the owner, or their partner's representative, updates an action; others cannot; stale updates are refused", async () => {
    const meetingId = await scheduleMeeting(chair, "nelcp", { date: "2026-12-15" });
    const item = await addItem(chair, s.db, "nelcp", meetingId, "Returns", "discussion");
    const bd = (await seatOn(s.db, "nelcp", "m.bellamy@barking-dagenham.example", "2026-12-15")).organisationId;
    const newham = (await seatOn(s.db, "nelcp", "member@nelcp.example", "2026-12-15")).organisationId;
    const add = (title: string, ownerUserId: string, organisationId: string) =>
      chair.post(`/p/nelcp/meetings/${meetingId}/run`, { intent: "action", agendaItemId: item, title, description: "", ownerUserId, organisationId, dueDate: "2026-11-30" });
    await add("Send the Q3 sufficiency return", await userId(s.db, "m.bellamy@barking-dagenham.example"), bd);
    await add("Share Newham's placement data", await userId(s.db, "member@nelcp.example"), newham);
    const list = await pageText(await chair.get(`/p/nelcp/actions?organisation=${bd}`));
    expect(list).toMatch(/Send the Q3 sufficiency return Marcus Bellamy, London Borough of Barking and Dagenham 30 November 2026 Open/);
    const idOf = async (organisation: string) => (await (await chair.get(`/p/nelcp/actions?organisation=${organisation}`)).text()).match(/\/p\/nelcp\/actions\/([0-9a-f-]{36})/)![1];
    const bdAction = await idOf(bd);
    const newhamAction = await idOf(newham);

    // Daniel Osei (Newham) owns his own action, but not Barking and Dagenham's.
    const member = s.client();
    await member.signIn("member@nelcp.example");
    const refused = await member.post(`/p/nelcp/actions/${bdAction}`, { version: "1", note: "Not mine", status: "done", dueDate: "2026-11-30" });
    expect(await pageText(refused)).toContain("Only the action's owner, their partner's representative, or the chair or secretariat can update it");
    expect((await member.post(`/p/nelcp/actions/${newhamAction}`, { version: "1", note: "Data shared with the secretariat", status: "done", dueDate: "2026-11-30" })).status).toBe(302);
    expect(await pageText(await member.get("/actions"))).toContain("Share Newham's placement data");

    // Barking and Dagenham's representative updates her organisation's action.
    const rep = s.client();
    await rep.signIn("rep@barking-dagenham.example");
    const bad = await rep.post(`/p/nelcp/actions/${bdAction}`, { version: "1", note: "", status: "finished", dueDate: "soon" });
    const badText = await pageText(bad);
    expect(badText).toContain("Say what has happened");
    expect(badText).toContain("Choose the action's status");
    expect(badText).toContain("Enter a real date for the date the action is due");
    expect((await rep.post(`/p/nelcp/actions/${bdAction}`, { version: "1", note: "Return drafted; sign-off next week", status: "open", dueDate: "2026-12-07" })).status).toBe(302);
    const stale = await rep.post(`/p/nelcp/actions/${bdAction}`, { version: "1", note: "Sent", status: "done", dueDate: "2026-12-07" });
    expect(stale.status).toBe(409);
    const page = await pageText(await rep.get(`/p/nelcp/actions/${bdAction}`));
    expect(page).toContain("Return drafted; sign-off next week");
    expect(page).toMatch(/Status Open/);
    const event = await lastAuditOf(s.db, bdAction);
    expect(event.after).toMatchObject({ status: "open", dueDate: "2026-12-07", note: "Return drafted; sign-off next week" });
  });

  it("overdue actions show as overdue, on the partnership's list and the owner's own page", async () => {
    const list = await pageText(await chair.get("/p/nelcp/actions?state=overdue"));
    expect(list).toContain("Name the City of London's new board member");
    expect(list).toContain("Renew Tower Hamlets' deputy delegation");
    // The chair's own page lists the chair's action, not due yet, and nobody else's.
    const mine = await pageText(await chair.get("/actions"));
    expect(mine).toContain("You have 1 open action.");
    expect(mine).toContain("Write to each Cabinet lead member about ratifying the lot 1 extension");
    expect(mine).not.toContain("Renew Tower Hamlets' deputy delegation");
  });
});
