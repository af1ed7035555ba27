import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, decisions } from "../../../db/schema";
import { contributions, youngPeople } from "../../../db/schema/participation";
import { demoData } from "../../../seeds/demo-data";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// Every adult-facing page that shows young people's participation, read as
// each adult who can open it: no count below the threshold, and no display
// name except beside a quote whose author agreed to be quoted with it.

let s: TestServer;
const adults: Record<string, HttpClient> = {};
const THRESHOLD = 5;
const named = demoData.portal.cohort.filter((y) => y.displayName && y.own.includes("quote_with_name") && !y.withdrawn).map((y) => y.displayName!);
const unnamed = demoData.portal.cohort.filter((y) => y.displayName && !named.includes(y.displayName)).map((y) => y.displayName!);

beforeAll(async () => {
  s = await startTestServer();
  for (const email of ["chair@nelcp.example", "member@nelcp.example", "observer@nelcp.example", "admin@platform.example", "rep@barking-dagenham.example"]) {
    adults[email] = s.client();
    await adults[email].signIn(email);
  }
});
afterAll(async () => {
  await s?.close();
});

async function pages() {
  const [decision] = await s.db.select({ id: decisions.id }).from(decisions).where(eq(decisions.title, "Award lot 2 to the Thames Gateway Care consortium"));
  // Maple's feedback informed this action (the demo's "you said, we did" for an idea outside consultations).
  const [action] = await s.db.select({ id: actions.id }).from(actions).where(eq(actions.title, "Agree keyworker continuity with the lot 2 consortium"));
  return ["/p/nelcp/participation", `/p/nelcp/decisions/${decision.id}`, `/p/nelcp/actions/${action.id}`];
}

/** Every count shown beside a participation label. */
function countsIn(text: string) {
  const found: string[] = [];
  for (const m of text.matchAll(/(Young people who answered|Young people who took part|Young people whose contributions informed this (?:decision|action)|Young people who sent ideas or feedback outside consultations|All ages|\d+ to \d+(?: \(care leavers\))?|16 or 17):?\s+(fewer than \d+|not shown|[\d,]+)/g)) found.push(m[2]);
  return found;
}

describe("adults' views of participation", () => {
  it("show no count below the threshold and no display name without quoting consent, to any adult", async () => {
    expect(named).toEqual(["River", "Nova"]);
    for (const [email, client] of Object.entries(adults))
      for (const path of await pages()) {
        const text = await pageText(await client.get(path));
        const counts = countsIn(text);
        expect(counts.length, `${email} ${path}`).toBeGreaterThan(0);
        for (const c of counts) if (/^[\d,]+$/.test(c)) expect(Number(c.replace(/,/g, "")), `${email} ${path}: ${c}`).toBeGreaterThanOrEqual(THRESHOLD);
        for (const name of unnamed) expect(text, `${email} ${path}`).not.toMatch(new RegExp(`\\b${name}\\b`));
        for (const name of named) if (text.includes(name)) expect(text, `${email} ${path}`).toContain(`${name}, a young person`);
      }
  });

  it("the action an idea informed says so, with the suppressed count and the quote its author agreed to, unnamed", async () => {
    const [, , path] = await pages();
    const text = await pageText(await adults["rep@barking-dagenham.example"].get(path));
    expect(text).toContain("Young people whose contributions informed this action: fewer than 5");
    expect(text).toContain("When my key worker left nobody told me for two weeks");
    expect(text).not.toContain("Maple");
  });

  it("the decision a contribution informed says so, with the suppressed count and consented quotes", async () => {
    const [, path] = await pages();
    const text = await pageText(await adults["member@nelcp.example"].get(path));
    expect(text).toContain("Informed by young people's input");
    expect(text).toContain("Young people whose contributions informed this decision: fewer than 5");
    expect(text).toContain("Like a normal house, not an office");
    expect(text).toContain("River, a young person");
    expect(text).toContain("Quiet space to do homework"); // Skylark: quotable, not by name
    expect(text).not.toContain("Skylark");
  });

  it("a worker links a response to a decision by its reference; an unknown reference is refused on its field", async () => {
    const worker = s.client();
    await worker.signIn("participation@nelcp.example");
    const [blue] = await s.db
      .select({ id: contributions.id })
      .from(contributions)
      .innerJoin(youngPeople, eq(youngPeople.id, contributions.youngPersonId))
      .where(eq(youngPeople.displayName, "Blue 7"));
    const bad = await worker.post("/p/nelcp/participation/moderation", { intent: "respond", contributionId: blue.id, response: "Moves now happen in the day.", decisionReference: "NELCP-1999-999" });
    expect(bad.status).toBe(400);
    expect(await pageText(bad)).toContain("There is no decision NELCP-1999-999 in this partnership's log");
    expect((await s.db.select().from(contributions).where(eq(contributions.id, blue.id)))[0].response).toBeNull();
    const [extend] = await s.db.select({ id: decisions.id, reference: decisions.reference }).from(decisions).where(eq(decisions.title, "Extend the lot 1 block contracts by two years"));
    expect((await worker.post("/p/nelcp/participation/moderation", { intent: "respond", contributionId: blue.id, response: "Moves now happen in the day.", decisionReference: extend.reference.toLowerCase() })).status).toBe(302);
    const text = await pageText(await adults["chair@nelcp.example"].get(`/p/nelcp/decisions/${extend.id}`));
    expect(text).toContain("Young people whose contributions informed this decision: fewer than 5");
    // Blue 7 agreed to be quoted, but not by name.
    expect(text).toContain("Don't move someone on a Friday night");
    expect(text).not.toContain("Blue 7");
  });

  it("activities show what happened against Lundy's four elements and how many took part, never who", async () => {
    const page = await pageText(await adults["observer@nelcp.example"].get("/p/nelcp/participation"));
    expect(page).toMatch(/Lot 2 bid assessment panel Bid assessment panel, .*Young people who took part: fewer than 5 ?\. The decision it fed/);
    expect(page).toMatch(/Co-producing the residential care specification Co-production workshop, .*Young people who took part: 7/);
    for (const element of ["Space", "Voice", "Audience", "Influence"]) expect(page).toContain(element);
    const worker = s.client();
    await worker.signIn("participation@nelcp.example");
    const bad = await worker.post("/p/nelcp/participation/activities/new", { kind: "site_visit", title: "Visit", heldOn: "2099-01-01", space: "", voice: "v", audience: "a", influence: "i", decisionReference: "", participants: ["0192f0a0-0000-7000-8000-000000000001"] });
    expect(bad.status).toBe(400);
    expect(await pageText(bad)).toContain("Describe the space: how young people were given a safe place to give their views");
    const future = await worker.post("/p/nelcp/participation/activities/new", { kind: "site_visit", title: "Visit", heldOn: "2099-01-01", space: "s", voice: "v", audience: "a", influence: "i", decisionReference: "" });
    expect(await pageText(future)).toContain("the date must be today or earlier");
    const stranger = await worker.post("/p/nelcp/participation/activities/new", { kind: "site_visit", title: "Visit", heldOn: "2026-11-01", space: "s", voice: "v", audience: "a", influence: "i", decisionReference: "", participants: ["0192f0a0-0000-7000-8000-000000000001"] });
    expect(await pageText(stranger)).toContain("Choose young people from this partnership's list");
    const [river] = await s.db.select({ id: youngPeople.id }).from(youngPeople).where(eq(youngPeople.displayName, "River"));
    expect((await worker.post("/p/nelcp/participation/activities/new", { kind: "mentoring", title: "Mentoring a new panel member", heldOn: "2026-11-01", space: "s", voice: "v", audience: "a", influence: "i", decisionReference: "", participants: [river.id] })).status).toBe(302);
    const after = await pageText(await adults["chair@nelcp.example"].get("/p/nelcp/participation"));
    expect(after).toMatch(/Mentoring a new panel member Youth mentoring, .*Young people who took part: fewer than 5/);
    expect((await adults["chair@nelcp.example"].post("/p/nelcp/participation/activities/new", { kind: "mentoring" })).status).toBe(403);
  });
});
