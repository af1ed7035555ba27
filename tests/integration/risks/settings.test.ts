import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAuditEvent } from "../../../app/audit/catalogue";
import { riskSettingsFormValues } from "../../../app/areas/risks/public";
import { defaultRiskSettings } from "../../../app/areas/risks/rules/scoring";
import { auditEvents, partnerships } from "../../../db/schema";
import { formVersion } from "../../helpers/pages";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// Each partnership scores risks its own way: the chair or secretariat set
// the level definitions, the RAG bands, the appetite maxima and the
// escalation threshold; a bad value is refused on its field and saves
// nothing; a save from an older version is a conflict.

let s: TestServer;
let chair: HttpClient;
let member: HttpClient;
const PATH = "/p/nelcp/risks/settings";
const defaults = riskSettingsFormValues(defaultRiskSettings);

beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  member = s.client();
  await member.signIn("member@nelcp.example");
});
afterAll(async () => {
  await s?.close();
});

const nelcp = async () => (await s.db.select().from(partnerships).where(eq(partnerships.slug, "nelcp")))[0];

describe("risk scoring settings", () => {
  it("show the defaults to the chair; a board member may not change them", async () => {
    const html = await (await chair.get(PATH)).text();
    expect(html).toContain('name="bands.redFrom"');
    expect(html).toMatch(/name="bands\.redFrom"[^>]*value="15"/);
    expect(html).toContain("Major");
    expect((await member.get(PATH)).status).toBe(403);
    expect((await member.post(PATH, { ...defaults, version: "1" })).status).toBe(403);
  });

  it("refuse bad values on their fields and save nothing", async () => {
    const before = await nelcp();
    const version = await formVersion(chair, PATH);
    const res = await chair.post(PATH, { ...defaults, version, "bands.amberFrom": "", "bands.redFrom": "30", escalationThreshold: "high", "impact.4.name": " " });
    expect(res.status).toBe(400);
    const text = await pageText(res);
    expect(text).toContain("The score where amber starts must be a whole number from 2 to 24");
    expect(text).toContain("The score where red starts must be a whole number from 3 to 25");
    expect(text).toContain("The escalation threshold must be a whole number from 1 to 25");
    expect(text).toContain("Enter a name for impact level 4");
    const disordered = await chair.post(PATH, { ...defaults, version, "appetiteMaxima.open": "8" });
    expect(await pageText(disordered)).toContain("Open must tolerate a higher score than cautious (9)");
    expect((await nelcp()).riskSettings).toEqual(before.riskSettings);
    expect((await nelcp()).version).toBe(before.version);
  });

  it("save a change with its audit event; the register then scores by it; an older version is refused", async () => {
    const version = await formVersion(chair, PATH);
    const res = await chair.post(PATH, { ...defaults, version, "bands.redFrom": "16", escalationThreshold: "20", "impact.4.name": "Serious" });
    expect(res.status).toBe(302);
    const p = await nelcp();
    expect(p.riskSettings).toMatchObject({ bands: { amberFrom: 8, redFrom: 16 }, escalationThreshold: 20, impact: { "4": { name: "Serious" } } });
    const [event] = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, "risk_settings.update")));
    expect(describeAuditEvent(event, { actor: "Chair" })).toBe("The risk register's scoring settings changed by Chair: red from 15 → 16; escalation threshold 15 → 20; impact level 4 now “Serious”");
    // The definitions show beside the choices when a risk is raised.
    expect(await pageText(await chair.get("/p/nelcp/risks/new"))).toContain("Serious");

    const stale = await chair.post(PATH, { ...defaults, version, "bands.redFrom": "20" });
    expect(stale.status).toBe(409);
    expect((await nelcp()).riskSettings).toMatchObject({ bands: { redFrom: 16 } });
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("on PostgreSQL, two saves of the same version at once: one saved, one told of the conflict", async () => {
    const version = await formVersion(chair, PATH);
    const other = s.client();
    await other.signIn("secretariat@nelcp.example");
    const answers = await Promise.all([chair.post(PATH, { ...defaults, version, escalationThreshold: "12" }), other.post(PATH, { ...defaults, version, escalationThreshold: "10" })]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409]);
  });
});
