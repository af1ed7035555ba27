import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { londonTimeToInstant } from "../../../app/platform/time/dates";
import { verifyAuditTrail } from "../../../db/audit";
import { calendarFeeds, meetings } from "../../../db/schema";
import { lastAuditOf, partnershipId, userId } from "../../helpers/pages";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

let s: TestServer;
let chair: HttpClient;
let board: string; // a NELCP board meeting in December 2026
let old: string; // a NELCP meeting more than 90 days before the scenario date
let leics: string; // a Leicestershire CIP meeting the NELCP chair has no role in

beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  const chairId = await userId(s.db, "chair@nelcp.example");
  const nelcp = await partnershipId(s.db, "nelcp");
  const cip = await partnershipId(s.db, "leicestershire-cip");
  const row = (partnership: string, title: string, date: string, extra: Partial<typeof meetings.$inferInsert> = {}) => ({
    id: crypto.randomUUID(),
    partnershipId: partnership,
    type: "board",
    title,
    startsAt: londonTimeToInstant(date, "10:00"),
    endsAt: londonTimeToInstant(date, "12:30"),
    location: "Havering Town Hall, Romford",
    onlineLink: "https://teams.example/join/nelcp-board",
    createdBy: chairId,
    ...extra,
  });
  const rows = [
    row(nelcp, "Board meeting, December; placements and budget", "2026-12-10"),
    row(nelcp, "Board meeting, January", "2026-01-15"),
    row(cip, "CIP board", "2026-12-03", { location: "County Hall, Glenfield", onlineLink: null }),
  ];
  await s.db.insert(meetings).values(rows);
  [board, old, leics] = rows.map((r) => r.id);
});
afterAll(async () => {
  await s?.close();
});

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((c) => ({ component: c, event: new ICAL.Event(c) }));
}

const feedPath = (html: string) => {
  const match = html.match(/value="http:\/\/127\.0\.0\.1:\d+(\/calendar\/feed\/[a-z2-7]{32})"/);
  if (!match) throw new Error("No calendar address on the page");
  return match[1];
};

/** Fetched like a calendar app: no cookie, no session. */
const anonymous = (path: string) => fetch(s.baseUrl + path, { redirect: "manual" });

describe("a meeting's invitation", () => {
  it("downloads as an .ics file that a parser reads back", async () => {
    const member = s.client();
    await member.signIn("member@nelcp.example");
    const res = await member.get(`/p/nelcp/meetings/${board}/invite.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="nelcp-board-2026-12-10.ics"');
    const body = await res.text();
    expect(body).toContain("\r\n");
    const events = parse(body);
    expect(events).toHaveLength(1);
    const { event, component } = events[0];
    expect(event.uid).toBe(`${board}@partnership-governance`);
    expect(event.summary).toBe("NELCP: Board meeting, December; placements and budget");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-10T10:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-10T12:30:00.000Z");
    expect(event.location).toBe("Havering Town Hall, Romford (or join online: https://teams.example/join/nelcp-board)");
    expect(event.description).toContain(`${s.baseUrl}/p/nelcp/meetings/${board}`);
    expect(component.getFirstPropertyValue("url")).toBe(`${s.baseUrl}/p/nelcp/meetings/${board}`);
    expect(component.getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("is refused to people outside the partnership and missing for meetings of another partnership", async () => {
    const scrutiny = s.client();
    await scrutiny.signIn("scrutiny@leics.example");
    expect((await scrutiny.get(`/p/nelcp/meetings/${board}/invite.ics`)).status).toBe(403);
    // The CIP meeting is not NELCP's, whoever asks.
    expect((await chair.get(`/p/nelcp/meetings/${leics}/invite.ics`)).status).toBe(404);
    expect((await chair.get("/p/nelcp/meetings/not-a-uuid/invite.ics")).status).toBe(404);
    const signedOut = await anonymous(`/p/nelcp/meetings/${board}/invite.ics`);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/sign-in/);
  });
});

describe("the calendar feed", () => {
  let firstFeed: string;

  it("creates the chair's address on request and shows it once, labelled and read-only", async () => {
    const page = await pageText(await chair.get("/calendar"));
    expect(page).toContain("You have no calendar address yet");
    const res = await chair.post("/calendar", { intent: "create" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<label class="govuk-label" for="feedUrl">Your calendar address<\/label>/);
    expect(html).toMatch(/<input id="feedUrl"[^>]* type="text" readonly=""/i);
    const text = await pageText(new Response(html));
    expect(text).toContain("Your meetings calendar");
    expect(text).toContain("Add it to Outlook");
    expect(text).toContain("Add it to Google Calendar");
    expect(text).toContain("Copy it now: for your safety it is not shown again");
    firstFeed = feedPath(html);
    // Only its hash is kept, so a later visit says when it was made, not what it is.
    const later = await (await chair.get("/calendar")).text();
    expect(later).not.toContain(firstFeed);
    expect(await pageText(new Response(later))).toContain("You created your calendar address on");
  });

  it("serves the chair's meetings without a session, from 90 days ago onwards", async () => {
    const res = await anonymous(firstFeed);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, max-age=900");
    const events = parse(await res.text());
    const uids = events.map((e) => e.event.uid);
    expect(uids).toContain(`${board}@partnership-governance`);
    expect(uids).not.toContain(`${old}@partnership-governance`);
    expect(uids).not.toContain(`${leics}@partnership-governance`);
    const ours = events.find((e) => e.event.uid === `${board}@partnership-governance`)!;
    expect(ours.event.summary).toBe("NELCP: Board meeting, December; placements and budget");
    expect(ours.event.startDate.toJSDate().toISOString()).toBe("2026-12-10T10:00:00.000Z");
  });

  it("gives the CIP's scrutiny member the CIP's meetings and not NELCP's", async () => {
    const scrutiny = s.client();
    await scrutiny.signIn("scrutiny@leics.example");
    const path = feedPath(await (await scrutiny.post("/calendar", { intent: "create" })).text());
    const uids = parse(await (await anonymous(path)).text()).map((e) => e.event.uid);
    expect(uids).toContain(`${leics}@partnership-governance`);
    expect(uids).not.toContain(`${board}@partnership-governance`);
  });

  it("stops the old address working after a reset, and audits the reset", async () => {
    const res = await chair.post("/calendar", { intent: "create" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await pageText(new Response(html))).toContain("Your new calendar address is ready");
    const secondFeed = feedPath(html);
    expect(secondFeed).not.toBe(firstFeed);
    expect((await anonymous(firstFeed)).status).toBe(404);
    const fresh = await anonymous(secondFeed);
    expect(fresh.status).toBe(200);
    expect(parse(await fresh.text()).map((e) => e.event.uid)).toContain(`${board}@partnership-governance`);
    const chairId = await userId(s.db, "chair@nelcp.example");
    const event = await lastAuditOf(s.db, chairId);
    expect(event).toMatchObject({ action: "calendar_feed.reset", entityType: "user", actorUserId: chairId, partnershipId: null, chain: "platform" });
  });

  it("answers 404 for garbage, forged and unknown tokens", async () => {
    const chairId = await userId(s.db, "chair@nelcp.example");
    for (const token of [
      "garbage",
      `${chairId}.${"0".repeat(64)}`,
      "a".repeat(32),
      `${firstFeed.split("/").pop()}x`,
    ]) {
      expect((await anonymous(`/calendar/feed/${token}`)).status, token).toBe(404);
    }
  });

  it("keeps young people away from the calendar page and gives them no feed", async () => {
    const river = s.client();
    await river.signInPortal();
    const res = await river.get("/calendar");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/sign-in/);
    expect((await river.post("/calendar", { intent: "create" })).status).toBe(302);
  });

  it("can be turned off from the account page: the address then opens nothing", async () => {
    const member = s.client();
    await member.signIn("member@nelcp.example");
    const path = feedPath(await (await member.post("/calendar", { intent: "create" })).text());
    expect((await anonymous(path)).status).toBe(200);
    const account = await pageText(await member.get("/account"));
    expect(account).toContain("You created a calendar address on");
    const off = await member.post("/calendar", { intent: "revoke" });
    expect(await pageText(off)).toContain("Your calendar address has been turned off");
    expect((await anonymous(path)).status).toBe(404);
    expect(await pageText(await member.get("/account"))).toContain("You have no calendar address");
    const memberId = await userId(s.db, "member@nelcp.example");
    expect(await lastAuditOf(s.db, memberId)).toMatchObject({ action: "calendar_feed.revoke" });
  });

  it("keeps only a hash of each address: a copy of the database opens no calendar", async () => {
    const rows = await s.db.select().from(calendarFeeds);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect((await anonymous(`/calendar/feed/${row.tokenHash}`)).status).toBe(404);
    }
  });

  it("sends people who are not signed in to sign in", async () => {
    const res = await anonymous("/calendar");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/sign-in?redirectTo=%2Fcalendar");
  });

  it("leaves the audit trail verifiable", async () => {
    const result = await verifyAuditTrail(s.db);
    expect(result.ok).toBe(true);
  });
});
