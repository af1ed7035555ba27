import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisions } from "../../../db/schema";
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
  return ["/p/nelcp/participation", `/p/nelcp/decisions/${decision.id}`];
}

/** Every count shown beside a participation label. */
function countsIn(text: string) {
  const found: string[] = [];
  for (const m of text.matchAll(/(Young people who answered|Young people whose contributions informed this decision|All ages|\d+ to \d+(?: \(care leavers\))?|16 or 17):?\s+(fewer than \d+|not shown|[\d,]+)/g)) found.push(m[2]);
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

  it("the decision a contribution informed says so, with the suppressed count and consented quotes", async () => {
    const [path] = (await pages()).slice(1);
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
});
