import { and, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../../app/areas/identity/public.server";
import { organisations, risks, users } from "../../../db/schema";
import { partnershipId, userId } from "../../helpers/pages";
import { DEMO_PASSWORD, type HttpClient, pageText, SCENARIO_TODAY, startTestServer, type TestServer } from "../../helpers/server";

// The register's other views: the 5 × 5 heat map (an SVG image and a table
// that say the same, each cell leading to its risks) and the CSV export,
// which a real parser reads back with formulas defused.

let s: TestServer;
let chair: HttpClient;
let nelcp: string;
const made: string[] = [];

const ratings = [
  // [current likelihood, current impact, title]
  [4, 4, "=HYPERLINK(\"http://evil.example\",\"Placements far from home\")"],
  [4, 4, "Fewer placements needed than planned, so block beds stand empty"],
  [2, 5, "A child is harmed in a placement, \"with\" commas, and quotes"],
  [1, 2, "Reliance on one implementation lead"],
] as const;

beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  nelcp = await partnershipId(s.db, "nelcp");
  const [{ id: bd }] = await s.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "London Borough of Barking and Dagenham"));
  await s.db.update(users).set({ passwordHash: await hashPassword(DEMO_PASSWORD) }).where(eq(users.email, "m.bellamy@barking-dagenham.example"));
  const owner = await userId(s.db, "m.bellamy@barking-dagenham.example");
  for (const [likelihood, impact, title] of ratings) {
    const res = await chair.post("/p/nelcp/risks/new", {
      title,
      cause: "Cause",
      event: "Event",
      effect: "Effect",
      category: "service_delivery",
      ownerUserId: owner,
      ownerOrganisationId: bd,
      scope: "shared",
      raisedOn: SCENARIO_TODAY,
      reviewFrequency: "quarterly",
      inherentLikelihood: "5",
      inherentImpact: "5",
      currentLikelihood: String(likelihood),
      currentImpact: String(impact),
      targetLikelihood: "1",
      targetImpact: "1",
      targetDate: "",
    });
    expect(res.status).toBe(302);
    made.push(res.headers.get("location")!.match(/\/risks\/([0-9a-f-]{36})/)![1]);
  }
});
afterAll(async () => {
  await s?.close();
});

/** What the database says: live risks per current likelihood × impact. */
async function countsInDatabase() {
  const rows = await s.db
    .select({ l: risks.currentLikelihood, i: risks.currentImpact, n: count() })
    .from(risks)
    .where(and(eq(risks.partnershipId, nelcp), inArray(risks.status, ["open", "escalated"])))
    .groupBy(risks.currentLikelihood, risks.currentImpact);
  return Object.fromEntries(rows.map((r) => [`${r.l}-${r.i}`, r.n]));
}

describe("the heat map", () => {
  it("its SVG and its table give the same counts, and both agree with the register", async () => {
    const res = await chair.get("/p/nelcp/risks/heat-map");
    expect(res.status).toBe(200);
    const html = await res.text();
    // The image: role img, a title, and a description giving every figure.
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="heat-map-title heat-map-desc"/);
    expect(html).toContain('<title id="heat-map-title">Risk heat map: Current (with controls in place)</title>');
    const desc = html.match(/<desc id="heat-map-desc">([^<]*)<\/desc>/)![1].replace(/&#x27;|&#39;/g, "'");
    const fromDesc = Object.fromEntries([...desc.matchAll(/Likelihood (\d), impact (\d) \(score \d+, \w+\): (\d+) risks?\./g)].map((m) => [`${m[1]}-${m[2]}`, Number(m[3])]));
    // The cells drawn, each with its count.
    const fromSvg = Object.fromEntries(
      [...html.matchAll(/<g data-svg-cell="(\d-\d)">.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].filter((m) => m[2] !== "·").map((m) => [m[1], Number(m[2])]),
    );
    // The table's counts are links to their risks.
    expect(html).toContain('href="/p/nelcp/risks?rating=current&amp;likelihood=4&amp;impact=4"');
    const fromTable = Object.fromEntries(
      [...html.matchAll(/data-cell="(\d-\d)">(?:<a[^>]*>)?(\d+)/g)].filter((m) => m[2] !== "0").map((m) => [m[1], Number(m[2])]),
    );
    const expected = await countsInDatabase();
    expect(fromSvg).toEqual(expected);
    expect(fromTable).toEqual(expected);
    expect(fromDesc).toEqual(expected);
    expect(expected["4-4"]).toBeGreaterThanOrEqual(2);
  });

  it("a cell leads to exactly its risks on the register", async () => {
    const text = await pageText(await chair.get("/p/nelcp/risks?rating=current&likelihood=2&impact=5"));
    expect(text).toContain("Showing risks whose current rating is likelihood 2, impact 5");
    expect(text).toContain('A child is harmed in a placement, "with" commas, and quotes');
    expect(text).not.toContain("Reliance on one implementation lead");
    const inherent = await pageText(await chair.get("/p/nelcp/risks/heat-map?show=inherent"));
    expect(inherent).toContain("Risk heat map: Inherent (before controls)");
    // Every risk made here was 25 before controls: red to each current band.
    expect(inherent).toMatch(/From inherent to current/);
  });

  it("readers see it; a young person and another partnership's people do not; nonsense in the address is ignored", async () => {
    const observer = s.client();
    await observer.signIn("observer@nelcp.example");
    expect((await observer.get("/p/nelcp/risks/heat-map?show=nonsense")).status).toBe(200);
    const young = s.client();
    await young.signInPortal();
    expect((await young.get("/p/nelcp/risks/heat-map")).headers.get("location")).toMatch(/^\/sign-in/);
    const outsider = s.client();
    await outsider.signIn("scrutiny@leics.example");
    expect((await outsider.get("/p/nelcp/risks/heat-map")).status).toBe(403);
  });
});

describe("the CSV", () => {
  it("a real parser reads it back, formulas defused, with a byte-order mark, filtered as the register is", async () => {
    const { parse } = await import("csv-parse/sync");
    const res = await chair.get("/p/nelcp/risks.csv?band=red");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain('attachment; filename="nelcp-risks.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes.toString("utf8"), { bom: true });
    expect(rows[0].slice(0, 3)).toEqual(["Reference", "Title", "Cause"]);
    const titles = rows.slice(1).map((r) => r[1]);
    expect(titles).toContain("'=HYPERLINK(\"http://evil.example\",\"Placements far from home\")");
    expect(titles).toContain("Fewer placements needed than planned, so block beds stand empty");
    // 2 × 5 = 10 is amber, 1 × 2 = 2 green: not in a red export.
    expect(titles).not.toContain('A child is harmed in a placement, "with" commas, and quotes');
    const all: string[][] = parse(Buffer.from(await (await chair.get("/p/nelcp/risks.csv")).arrayBuffer()).toString("utf8"), { bom: true });
    const quoted = all.find((r) => r[1].startsWith("A child is harmed"))!;
    expect(quoted[1]).toBe('A child is harmed in a placement, "with" commas, and quotes');
    expect(quoted.slice(14, 18)).toEqual(["2", "5", "10", "Amber"]);
    const [{ n }] = await s.db.select({ n: count() }).from(risks).where(and(eq(risks.partnershipId, nelcp), inArray(risks.status, ["open", "escalated"])));
    expect(all).toHaveLength(n + 1);
  });

  it("is refused to those who may not read the register", async () => {
    const outsider = s.client();
    await outsider.signIn("scrutiny@leics.example");
    expect((await outsider.get("/p/nelcp/risks.csv")).status).toBe(403);
  });
});

describe("the overview's 'Needs attention' on a long register", () => {
  const aboveAppetite = (text: string) => text.match(/(More than 100|\d+) risks? (?:is|are) above the appetite the board approved/)?.[1];

  it("says 'More than 100' once the register passes it, where the dashboard and the register give the exact figure", async () => {
    const before = aboveAppetite(await pageText(await chair.get("/p/nelcp/accountability")));
    expect(before).toMatch(/^\d+$/);
    const owner = await userId(s.db, "m.bellamy@barking-dagenham.example");
    const [{ id: org }] = await s.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "London Borough of Barking and Dagenham"));
    // 120 live service-delivery risks scored 5 × 5 (above any appetite), their reviews due in the summer.
    await s.db.execute(sql`
      insert into risks (id, partnership_id, number, reference, title, cause, event, effect, category, owner_user_id, owner_organisation_id, scope, raised_on, status,
                         review_frequency, next_review_on, inherent_likelihood, inherent_impact, current_likelihood, current_impact, target_likelihood, target_impact)
      select gen_random_uuid(), ${nelcp}, 9000 + g, 'NELCP-R-' || (9000 + g), 'Placement risk ' || g, 'Cause', 'Event', 'Effect', 'service_delivery', ${owner}, ${org}, 'shared',
             date '2026-01-05', 'open', 'quarterly', date '2026-06-30', 5, 5, 5, 5, 1, 1
        from generate_series(1, 120) g`);

    const overview = await pageText(await chair.get("/p/nelcp"));
    expect(aboveAppetite(overview)).toBe("More than 100");
    expect(overview).toContain("More than 100 risks' reviews are overdue");
    expect(aboveAppetite(await pageText(await chair.get("/p/nelcp/accountability")))).toBe(String(Number(before) + 120));
  });
});
