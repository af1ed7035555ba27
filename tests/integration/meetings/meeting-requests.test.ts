import ICAL from "ical.js";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, meetings, remindersSent } from "../../../db/schema";
import { scheduleMeeting } from "../../helpers/meetings";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// Invitations calendars treat as meetings (RFC 5546): a meeting is a draft
// until the secretariat sends its invitations; each person then gets METHOD
// REQUEST with the organiser and every attendee; a change goes as a request
// with a higher SEQUENCE; a cancellation as METHOD CANCEL. Nothing goes for a
// draft or for a meeting in the past. Today in the tests is 22 November 2026.

let s: TestServer;
let secretariat: HttpClient;
beforeAll(async () => {
  s = await startTestServer();
  secretariat = s.client();
  await secretariat.signIn("secretariat@nelcp.example");
});
afterAll(async () => {
  await s?.close();
});

type Sent = { stage: string; recipientEmail: string; attachment: { filename: string; contentType: string; content: string } };
async function sentFor(meetingId: string): Promise<Sent[]> {
  const rows = await s.db
    .select({ stage: remindersSent.stage, recipientEmail: remindersSent.recipientEmail, payload: remindersSent.payload })
    .from(remindersSent)
    .where(and(eq(remindersSent.subjectId, meetingId), eq(remindersSent.kind, "meeting_invitation")))
    .orderBy(asc(remindersSent.createdAt));
  return rows.map((r) => ({ stage: r.stage, recipientEmail: r.recipientEmail, attachment: (r.payload as { attachments: Sent["attachment"][] }).attachments[0] }));
}

const version = async (meetingId: string) => String((await s.db.select({ v: meetings.version }).from(meetings).where(eq(meetings.id, meetingId)))[0].v);

function vevent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    organizer: String(event.getFirstPropertyValue("organizer")),
    organizerName: event.getFirstProperty("organizer")!.getParameter("cn"),
    attendees: event.getAllProperties("attendee").map((p) => ({ email: String(p.getFirstValue()).replace(/^mailto:/, ""), rsvp: p.getParameter("rsvp"), partstat: p.getParameter("partstat") })),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    status: event.getFirstPropertyValue("status"),
    uid: event.getFirstPropertyValue("uid"),
  };
}

/**
 * An independent reading of the same text, by RFC 5545's own rules rather
 * than ical.js: CRLF line ends, no line over 75 octets, unfolded content lines
 * of the form NAME;PARAMS:VALUE, and the properties RFC 5546 requires of a
 * REQUEST or CANCEL (METHOD; in the VEVENT UID, DTSTAMP, DTSTART, ORGANIZER,
 * SEQUENCE, and at least one ATTENDEE).
 */
function rfcCheck(ics: string) {
  expect(ics.endsWith("\r\n")).toBe(true);
  const physical = ics.slice(0, -2).split("\r\n");
  for (const line of physical) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  const lines = ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  for (const line of lines) expect(line, line).toMatch(/^[A-Z-]+(;[A-Z-]+=("[^"]*"|[^";:,]*))*:/);
  const names = lines.map((l) => l.match(/^[A-Z-]+/)![0]);
  const inEvent = names.slice(names.indexOf("BEGIN") + 1);
  for (const required of ["UID", "DTSTAMP", "DTSTART", "ORGANIZER", "SEQUENCE", "ATTENDEE"]) expect(inEvent, required).toContain(required);
  return lines;
}

describe("meeting requests", () => {
  it("a new meeting is a draft: nobody hears until the secretariat sends its invitations, which invite the board once", async () => {
    const id = await scheduleMeeting(secretariat, "nelcp", { date: "2027-02-11", title: "Board meeting (February)" });
    expect(await sentFor(id)).toEqual([]);
    expect(await pageText(await secretariat.get(`/p/nelcp/meetings/${id}`))).toContain("Draft: invitations not sent");
    const res = await secretariat.post(`/p/nelcp/meetings/${id}`, { intent: "send_invitations", version: await version(id) });
    expect(res.status).toBe(302);
    const sent = await sentFor(id);
    expect(sent.length).toBeGreaterThan(5);
    expect(new Set(sent.map((x) => x.recipientEmail)).size).toBe(sent.length);
    expect(sent.map((x) => x.recipientEmail)).toEqual(expect.arrayContaining(["chair@nelcp.example", "secretariat@nelcp.example"]));
    const first = sent[0].attachment;
    expect(first.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    const e = vevent(first.content);
    expect(e).toMatchObject({ method: "REQUEST", organizer: "mailto:secretariat@nelcp.example", sequence: 0, status: "CONFIRMED", uid: `${id}@partnership-governance` });
    expect(e.organizerName).toBe("Priya Raman");
    expect(e.attendees.map((a) => a.email).sort()).toEqual(sent.map((x) => x.recipientEmail).sort());
    expect(e.attendees.every((a) => a.rsvp === "TRUE" && a.partstat === "NEEDS-ACTION")).toBe(true);
    rfcCheck(first.content);
    expect(await pageText(await secretariat.get(`/p/nelcp/meetings/${id}`))).not.toContain("Draft: invitations not sent");
    // Sending again is refused and records nothing.
    const again = await secretariat.post(`/p/nelcp/meetings/${id}`, { intent: "send_invitations", version: await version(id) });
    expect(again.status).toBe(400);
    expect(await pageText(again)).toContain("have already been sent");
    expect(await sentFor(id)).toHaveLength(sent.length);
    const audit = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "meeting.send_invitations")));
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toEqual({ recipients: sent.length, sequence: 0 });
  });

  it("a change goes as a request with a higher SEQUENCE from the same organiser; a cancellation as METHOD:CANCEL", async () => {
    const id = await scheduleMeeting(secretariat, "nelcp", { date: "2027-03-11", title: "Board meeting (March)" });
    await secretariat.post(`/p/nelcp/meetings/${id}`, { intent: "send_invitations", version: await version(id) });
    const edit = await secretariat.post(`/p/nelcp/meetings/${id}/edit`, { version: await version(id), type: "board", title: "Board meeting (March)", date: "2027-03-11", startTime: "14:00", endTime: "16:00", location: "Havering Town Hall", onlineLink: "", reason: "" });
    expect(edit.status).toBe(302);
    const cancel = await secretariat.post(`/p/nelcp/meetings/${id}`, { version: await version(id), reason: "The providers' results are not ready" });
    expect(cancel.status).toBe(302);
    const sent = await sentFor(id);
    const byStage = (stage: string) => sent.filter((x) => x.stage === stage).map((x) => vevent(x.attachment.content));
    const [invite] = byStage("invite");
    const [update] = byStage("update");
    const [cancelled] = byStage("cancel");
    expect([invite.sequence, update.sequence, cancelled.sequence]).toEqual([0, 1, 2]);
    expect(update.method).toBe("REQUEST");
    expect(cancelled).toMatchObject({ method: "CANCEL", status: "CANCELLED", organizer: "mailto:secretariat@nelcp.example" });
    expect(sent.find((x) => x.stage === "cancel")!.attachment.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
    rfcCheck(sent.find((x) => x.stage === "cancel")!.attachment.content);
    expect(new Set([invite.uid, update.uid, cancelled.uid]).size).toBe(1);
    expect(byStage("cancel")).toHaveLength(byStage("invite").length);
  });

  it("changing or cancelling a draft sends nothing; nor can a cancelled or past meeting's invitations be sent", async () => {
    const id = await scheduleMeeting(secretariat, "nelcp", { date: "2027-04-08", title: "Board meeting (April)" });
    await secretariat.post(`/p/nelcp/meetings/${id}/edit`, { version: await version(id), type: "board", title: "Board meeting (April)", date: "2027-04-15", startTime: "10:00", endTime: "12:00", location: "Havering Town Hall", onlineLink: "", reason: "" });
    await secretariat.post(`/p/nelcp/meetings/${id}`, { version: await version(id), reason: "Merged with May" });
    expect(await sentFor(id)).toEqual([]);
    const refused = await secretariat.post(`/p/nelcp/meetings/${id}`, { intent: "send_invitations", version: await version(id) });
    expect(refused.status).toBe(400);
    expect(await pageText(refused)).toContain("The meeting is cancelled, so no invitations can be sent");
    expect(await sentFor(id)).toEqual([]);
  });

  it("only the chair or secretariat send them; a stale form is told someone else changed the meeting", async () => {
    const id = await scheduleMeeting(secretariat, "nelcp", { date: "2027-05-13", title: "Board meeting (May)" });
    const member = s.client();
    await member.signIn("member@nelcp.example");
    expect((await member.post(`/p/nelcp/meetings/${id}`, { intent: "send_invitations", version: await version(id) })).status).toBe(403);
    expect(await pageText(await member.get(`/p/nelcp/meetings/${id}`))).not.toContain("Send invitations");
    const stale = await secretariat.post(`/p/nelcp/meetings/${id}`, { intent: "send_invitations", version: "99" });
    expect(stale.status).toBe(409);
    expect(await sentFor(id)).toEqual([]);
    // Two sends at the same moment send one set.
    const v = await version(id);
    const results = await Promise.all([secretariat.post(`/p/nelcp/meetings/${id}`, { intent: "send_invitations", version: v }), secretariat.post(`/p/nelcp/meetings/${id}`, { intent: "send_invitations", version: v })]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    const sent = await sentFor(id);
    expect(new Set(sent.map((x) => x.recipientEmail)).size).toBe(sent.length);
  });

  it("publishing the agenda and papers tells those invited once, and only once the invitations are out and there is an agenda", async () => {
    const id = await scheduleMeeting(secretariat, "nelcp", { date: "2027-06-10", title: "Board meeting (June)" });
    const publish = async () => secretariat.post(`/p/nelcp/meetings/${id}`, { intent: "publish_agenda", version: await version(id) });
    const notices = async () => (await s.db.select().from(remindersSent).where(and(eq(remindersSent.subjectId, id), eq(remindersSent.kind, "agenda_published")))).length;
    const early = await publish();
    expect(early.status).toBe(400);
    expect(await pageText(early)).toContain("Send the invitations first");
    await secretariat.post(`/p/nelcp/meetings/${id}`, { intent: "send_invitations", version: await version(id) });
    const empty = await publish();
    expect(await pageText(empty)).toContain("Add at least one item to the agenda before publishing it");
    expect((await secretariat.post(`/p/nelcp/meetings/${id}/agenda`, { intent: "add", title: "Placement sufficiency, quarter 2", presenter: "", purpose: "information", description: "" })).status).toBe(302);
    expect(await pageText(await secretariat.get(`/p/nelcp/meetings/${id}`))).toContain("Publish the agenda and papers");
    expect((await publish()).status).toBe(302);
    const invited = (await sentFor(id)).filter((x) => x.stage === "invite").length;
    expect(await notices()).toBe(invited);
    const again = await publish();
    expect(again.status).toBe(400);
    expect(await pageText(again)).toContain("have already been published");
    expect(await notices()).toBe(invited);
    expect(await pageText(await secretariat.get(`/p/nelcp/meetings/${id}`))).toContain("Published to those invited on 22 November 2026");
  });
});
