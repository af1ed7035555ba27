import fs from "node:fs/promises";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendance, boardSeats, decisions, meetings, minutes, obligations, organisations, partnerships, risks, users } from "../../../db/schema";
import { hashPassword } from "../../../app/areas/identity/public.server";
import { partnershipId, userId } from "../../helpers/pages";
import { DEMO_PASSWORD, pageText, SCENARIO_TODAY, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// The demo year a chair or a scrutiny committee explores after `npm start`:
// what it must show, read from the pages where a person would read it.

let s: TestServer;
let chair: HttpClient;
let admin: HttpClient;
beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  admin = s.client();
  await admin.signIn("admin@platform.example");
});
afterAll(async () => {
  await s?.close();
});

async function nelcpBoardMeetings() {
  const id = await partnershipId(s.db, "nelcp");
  return s.db.select().from(meetings).where(and(eq(meetings.partnershipId, id), eq(meetings.type, "board"))).orderBy(asc(meetings.startsAt));
}

describe("NELCP's year of board meetings", () => {
  it("covers a year, each meeting's minutes approved by a decision of the next quorate one", async () => {
    const past = (await nelcpBoardMeetings()).filter((m) => m.startsAt < new Date("2026-11-22"));
    expect(past.length).toBeGreaterThanOrEqual(6);
    expect(past[past.length - 1].startsAt.getTime() - past[0].startsAt.getTime()).toBeGreaterThan(300 * 24 * 3600 * 1000);
    const quorate = async (meetingId: string) =>
      (await s.db.select().from(decisions).where(eq(decisions.meetingId, meetingId))).every((d) => (d.quorumSnapshot as { quorate: boolean }).quorate);
    for (const [i, m] of past.slice(0, -1).entries()) {
      const [record] = await s.db.select().from(minutes).where(eq(minutes.meetingId, m.id));
      expect(record.status, `minutes of ${m.startsAt.toISOString()}`).toBe("approved");
      const [approval] = await s.db.select().from(decisions).where(eq(decisions.id, record.approvedByDecisionId!));
      let next = i + 1;
      while (!(await quorate(past[next].id))) next += 1; // July was inquorate: May's minutes waited for September
      expect(approval.meetingId).toBe(past[next].id);
      expect(record.approvedAt!.toISOString().slice(0, 10)).toBe(past[next].startsAt.toISOString().slice(0, 10));
    }
    expect(await pageText(await chair.get("/p/nelcp/meetings"))).toMatch(/12 November 2026, 10:00 \d+ Draft/);
  });

  it("shows boroughs engaging unevenly: some at every meeting, some at half or fewer", async () => {
    const past = (await nelcpBoardMeetings()).filter((m) => m.startsAt < new Date("2026-11-22"));
    const rows = await s.db
      .select({ meetingId: attendance.meetingId, status: attendance.status, organisationId: boardSeats.organisationId })
      .from(attendance)
      .innerJoin(boardSeats, eq(boardSeats.id, attendance.seatId));
    const attended = new Map<string, Set<string>>();
    for (const r of rows.filter((x) => past.some((m) => m.id === x.meetingId))) {
      const set = attended.get(r.organisationId) ?? new Set<string>();
      if (r.status === "present" || r.status === "deputy") set.add(r.meetingId);
      attended.set(r.organisationId, set);
    }
    const rates = [...attended.values()].map((set) => set.size / past.length);
    expect(Math.max(...rates)).toBe(1);
    expect(Math.min(...rates)).toBeLessThanOrEqual(0.5);
  });

  it("has an inquorate decision ratified later, one awaiting three Cabinets, and one with a recusal, each dated in the story", async () => {
    const log = await pageText(await chair.get("/p/nelcp/decisions"));
    expect(log).toContain("Awaiting ratification by 3 of 8");

    const byTitle = async (title: string) => (await s.db.select().from(decisions).where(eq(decisions.title, title)))[0];
    const uplift = await pageText(await chair.get(`/p/nelcp/decisions/${(await byTitle("Uplift the specialist-needs band price by 4%")).id}`));
    expect(uplift).toContain("Not quorate");
    expect(uplift).toContain("9 July 2026 at 10:00: Inquorate – needs ratification");
    expect(uplift).toContain("10 September 2026 at 10:00: Inquorate – needs ratification → Agreed");

    const award = await pageText(await chair.get(`/p/nelcp/decisions/${(await byTitle("Award lot 2 to the Thames Gateway Care consortium")).id}`));
    expect(award).toContain("Marcus Bellamy has withdrawn from this item, so is not counted.");

    const extension = await pageText(await chair.get(`/p/nelcp/decisions/${(await byTitle("Extend the lot 1 block contracts by two years")).id}`));
    expect(extension).toContain("London Borough of Tower Hamlets Awaiting");
    expect(extension).toContain("Record London Borough of Tower Hamlets' ratification");
  });

  it("leaves actions open, some of them overdue", async () => {
    const open = await pageText(await chair.get("/p/nelcp/actions"));
    expect((open.match(/ Overdue NELCP board/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});

describe("returns and reminders", () => {
  it("NELCP's boroughs return on time, late or not at all, and were reminded along the way", async () => {
    const view = await pageText(await chair.get("/p/nelcp/obligations"));
    expect(view).toMatch(/London Borough of Havering 100% \(4 of 4\)/);
    expect(view).toMatch(/London Borough of Hackney 50% \(2 of 4\) Below 75%/);
    expect(view).toMatch(/City of London Corporation 0% \(0 of 4\) Below 75% Quarterly performance return/);
    // The reminders column: the late boroughs were chased more than the punctual one.
    const sent = (name: string) => Number(view.match(new RegExp(`${name} \\d+% \\(\\d of \\d\\)[^]*?(\\d+) London Borough`))?.[1]);
    expect(sent("London Borough of Hackney")).toBeGreaterThan(sent("London Borough of Havering"));
    expect(sent("London Borough of Havering")).toBeGreaterThan(0);
  });

  it("warns that nobody at the City of London is reminded, until someone is named responsible", async () => {
    const warning = /These partners have nobody to remind[^]*?Name someone responsible/;
    const before = (await pageText(await chair.get("/p/nelcp/obligations"))).match(warning)?.[0];
    expect(before).toContain("City of London Corporation: Quarterly performance return");
    expect(before).not.toContain("London Borough of Hackney");

    const secretariat = s.client();
    await secretariat.signIn("secretariat@nelcp.example");
    const [qpr] = await s.db.select().from(obligations).where(eq(obligations.title, "Quarterly performance return"));
    const [city] = await s.db.select().from(organisations).where(eq(organisations.name, "City of London Corporation"));
    // Someone from another organisation cannot answer for the City's return.
    const wrong = await secretariat.post(`/p/nelcp/obligations/${qpr.id}`, { intent: "responsible", organisationId: city.id, userId: await userId(s.db, "secretariat@nelcp.example") });
    expect(wrong.status).toBe(400);
    expect(await pageText(wrong)).toContain("Choose someone from that partner");
    // The City names a representative, who is then made responsible.
    const invited = await chair.post("/p/nelcp/invite", { name: "Adaeze Okafor", email: "a.okafor@cityoflondon.example", role: "partner_rep", organisationId: city.id });
    expect(invited.status).toBe(200);
    const named = await secretariat.post(`/p/nelcp/obligations/${qpr.id}`, { intent: "responsible", organisationId: city.id, userId: await userId(s.db, "a.okafor@cityoflondon.example") });
    expect(named.status).toBe(302);
    const after = await pageText(await chair.get("/p/nelcp/obligations"));
    expect(after).not.toMatch(warning);
  });

  it("the Leicestershire partnership owes an annual report and co-investment statements", async () => {
    const view = await pageText(await admin.get("/p/leicestershire-cip/obligations"));
    expect(view).toContain("Annual report to the Overview and Scrutiny Committee");
    expect(view).toContain("Co-investment statement · Every six months");
  });

  it("Newport holds two contract review meetings a year, with quarterly reviews beside them", async () => {
    const list = await pageText(await admin.get("/p/newport-barnardos/meetings"));
    expect(list).toContain("Contract review (summer) Contract review meeting 3 June 2026");
    expect(list).toContain("Contract review (winter) Contract review meeting 9 December 2026");
    expect(list).toContain("Quarterly review (quarter 4) Quarterly review 22 April 2026");
    expect(list).toContain("Quarterly review (quarter 2) Quarterly review 21 October 2026");
  });

  it("gives every demo account that works in a partnership an open action, so its actions page is not empty", async () => {
    const accounts = [...(await fs.readFile(new URL("../../../README.md", import.meta.url), "utf8")).matchAll(/^\| ([a-z.-]+@[a-z.-]+\.example) \|/gm)].map((m) => m[1]);
    expect(accounts.length).toBeGreaterThanOrEqual(12);
    // The platform administrator belongs to no partnership: what it owns is the platform.
    for (const email of accounts.filter((e) => e !== "admin@platform.example")) {
      const c = s.client();
      await c.signIn(email);
      expect(await pageText(await c.get("/actions")), email).toMatch(/You have \d+ open actions?/);
    }
  });

  it("gives each of Newport's and the CIP's board officers an open action of their own", async () => {
    const owners = await s.db.execute(sql`
      select distinct u.email from actions a join users u on u.id = a.owner_user_id join partnerships p on p.id = a.partnership_id
       where a.status = 'open' and p.slug in ('newport-barnardos', 'leicestershire-cip')`);
    const emails = (((owners as unknown as { rows?: unknown[] }).rows ?? (owners as unknown as unknown[])) as { email: string }[]).map((r) => r.email);
    for (const email of ["g.powell@newport.example", "e.vaughan@barnardoscymru.example", "s.reesjenkins@newport.example", "o.bevan@barnardoscymru.example", "c.langley@leics.example", "n.hargreaves@barnardos.example", "p.rowntree@leics.example", "a.liddell@leics.example", "s.kaur@barnardos.example"])
      expect(emails, email).toContain(email);
  });
});

describe("Newport's families and young people", () => {
  it("shape its services through a young people's group, a consultation and the summer review, recorded as participation activities", async () => {
    // The participation worker sees the activities in full; the chair sees only suppressed counts.
    await s.db.update(users).set({ passwordHash: await hashPassword(DEMO_PASSWORD) }).where(eq(users.email, "c.morgan@barnardoscymru.example"));
    const worker = s.client();
    await worker.signIn("c.morgan@barnardoscymru.example");
    const activities = await pageText(await worker.get("/p/newport-barnardos/participation"));
    expect(activities).toContain("Young people's group: the Rapid Response Team's first visit");
    expect(activities).toContain("Families' and young people's feedback on the Therapeutic Team");
    expect(activities).toContain("Two young people at the summer contract review");
    const chair = s.client();
    await chair.signIn("g.powell@newport.example");
    const dashboard = await pageText(await chair.get("/p/newport-barnardos/accountability"));
    expect(dashboard).toMatch(/Young people taking part now: (6|fewer than \d+)\./);
    expect(dashboard).not.toContain("Cadi");
  });
});

describe("the demo's risk registers", () => {
  it("each partnership runs a register with a year of reviews; NELCP's has an appetite, a risk the board decided on, and a review overdue", async () => {
    const rows = await s.db
      .select({ slug: partnerships.slug, reference: risks.reference, nextReviewOn: risks.nextReviewOn, reviews: sql<number>`(select count(*)::int from risk_reviews rr where rr.risk_id = ${risks.id})` })
      .from(risks)
      .innerJoin(partnerships, eq(partnerships.id, risks.partnershipId))
      .orderBy(risks.reference);
    expect(rows.map((r) => r.reference)).toEqual([
      "CIP-R-001", "CIP-R-002", "CIP-R-003",
      "NCC-BC-R-001", "NCC-BC-R-002",
      "NELCP-R-001", "NELCP-R-002", "NELCP-R-003", "NELCP-R-004", "NELCP-R-005", "NELCP-R-006",
    ]);
    expect(rows.filter((r) => r.reviews > 0).length).toBe(9);
    // Last reviewed in August, their quarterly reviews are overdue.
    expect(rows.filter((r) => r.nextReviewOn < SCENARIO_TODAY).map((r) => r.reference)).toEqual(["CIP-R-001", "NELCP-R-002"]);

    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const [r001] = await s.db.select().from(risks).where(eq(risks.reference, "NELCP-R-001"));
    const page = await pageText(await chair.get(`/p/nelcp/risks/${r001.id}`));
    expect(page).toContain("Above appetite");
    expect(page).toContain("The board decided:");
    expect(page).toContain("Uplift the specialist-needs band price by 4%");
    const overview = await pageText(await chair.get("/p/nelcp"));
    expect(overview).toContain("2 risks are above the appetite the board approved");
    expect(overview).toContain("1 risk's review is overdue");
  });
});
