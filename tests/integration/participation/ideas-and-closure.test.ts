import { and, eq, sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "../../../db/audit";
import { actions, auditEvents, decisions, partnerships } from "../../../db/schema";
import { contributions, participationConsents, youngPeople } from "../../../db/schema/participation";
import { closeAccountsAtUpperAge } from "../../../app/areas/participation/public.server";
import { addDays } from "../../../app/platform/time/dates";
import { pageText, SCENARIO_TODAY, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// Ideas and feedback sent from the portal outside any consultation, answered
// and linked to the action they informed; accounts closing at the upper age
// with notice and the offer of their data; the participation figures in the
// exports adults download, suppressed as on the pages.

let s: TestServer;
let worker: HttpClient;
beforeAll(async () => {
  s = await startTestServer({ SMTP_URL: "" });
  worker = s.client();
  await worker.signIn("participation@nelcp.example");
});
afterAll(async () => {
  await s?.close();
});

const ideasOf = (name: string) =>
  s.db
    .select({ id: contributions.id, kind: contributions.kind, text: contributions.text, status: contributions.status, actionId: contributions.actionId })
    .from(contributions)
    .innerJoin(youngPeople, eq(youngPeople.id, contributions.youngPersonId))
    .where(and(eq(youngPeople.displayName, name), sql`${contributions.kind} <> 'answer'`));

describe("ideas and feedback from the portal", () => {
  it("refuses a missing kind or empty text on their fields, saving nothing; a repeated form records once", async () => {
    const river = s.client();
    await river.signInPortal();
    const before = (await ideasOf("River")).length;
    const bad = await river.post("/portal/ideas", { kind: "wish", text: "   " });
    expect(bad.status).toBe(400);
    const text = await pageText(bad);
    expect(text).toContain("Choose whether it is an idea or feedback");
    expect(text).toContain("Write your idea or feedback");
    expect((await river.post("/portal/ideas", { kind: "idea", text: "x".repeat(2001) })).status).toBe(400);
    expect(await ideasOf("River")).toHaveLength(before);

    const form = { kind: "idea", text: "Pay young people on the panel the same day rate as other panel members.", _once: "0192f0a0-1111-7000-8000-00000000abcd" };
    expect((await river.post("/portal/ideas", form)).status).toBe(302);
    expect((await river.post("/portal/ideas", form)).status).toBe(302);
    expect((await ideasOf("River")).filter((i) => i.text.startsWith("Pay young people"))).toHaveLength(1);
    const page = await pageText(await river.get("/portal/ideas"));
    expect(page).toContain("Pay young people on the panel");
    expect(page).toContain("Waiting to be checked");
    // Another young person does not see it.
    const blue = s.client();
    await blue.signInPortal("Blue 7");
    expect(await pageText(await blue.get("/portal/ideas"))).not.toContain("Pay young people");
    // Adults have no portal session: they are sent to the portal's sign-in.
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const refused = await chair.post("/portal/ideas", { kind: "idea", text: "An adult's idea" });
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toBe("/portal/sign-in");
    expect(await s.db.select().from(contributions).where(eq(contributions.text, "An adult's idea"))).toHaveLength(0);
  });

  it("waits for moderation, can be changed when sent back, and is answered with the action it informed shown on that action's page", async () => {
    const river = s.client();
    await river.signInPortal();
    expect((await river.post("/portal/ideas", { kind: "feedback", text: "The panel room was too cold." })).status).toBe(302);
    const [idea] = (await ideasOf("River")).filter((i) => i.text === "The panel room was too cold.");
    expect(idea.kind).toBe("feedback");
    const queue = await pageText(await worker.get("/p/nelcp/participation/moderation"));
    expect(queue).toContain("Feedback From River");
    expect(queue).toContain("The panel room was too cold.");

    expect((await worker.post("/p/nelcp/participation/moderation", { contributionId: idea.id, decision: "ask_change", note: "Which room? Then we can fix it." })).status).toBe(302);
    expect(await pageText(await river.get("/portal/ideas"))).toContain("Which room? Then we can fix it.");
    const emptied = await river.post("/portal/ideas", { contributionId: idea.id, [`text-${idea.id}`]: "" });
    expect(emptied.status).toBe(400);
    expect(await pageText(emptied)).toContain("Write your idea or feedback");
    expect((await river.post("/portal/ideas", { contributionId: idea.id, [`text-${idea.id}`]: "The second-floor panel room was too cold." })).status).toBe(302);
    expect((await ideasOf("River")).find((i) => i.id === idea.id)?.status).toBe("pending");
    // Someone else's idea cannot be changed from another account.
    const [maple] = await ideasOf("Maple");
    const blue = s.client();
    await blue.signInPortal("Blue 7");
    expect((await blue.post("/portal/ideas", { contributionId: maple.id, [`text-${maple.id}`]: "Changed by someone else" })).status).toBe(400);
    expect((await ideasOf("Maple"))[0].text).toBe(maple.text);

    expect((await worker.post("/p/nelcp/participation/moderation", { contributionId: idea.id, decision: "publish", note: "" })).status).toBe(302);
    const [action] = await s.db.select({ id: actions.id }).from(actions).where(eq(actions.title, "Take the extension to Hackney Cabinet"));
    // An action of another partnership (the demo gives the CIP none yet, so one is made here).
    const [cip] = await s.db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, "leicestershire-cip"));
    const elsewhere = { id: "0192f0a0-2222-7000-8000-00000000cafe", slug: "leicestershire-cip" };
    await s.db.insert(actions).values({ id: elsewhere.id, partnershipId: cip.id, title: "A CIP action", dueDate: "2027-01-31", status: "open" });
    const respond = (actionAddress: string) => worker.post("/p/nelcp/participation/moderation", { intent: "respond", contributionId: idea.id, response: "The room now has a heater.", decisionReference: "", actionAddress });
    const unknown = await respond("https://example.org/not-an-action");
    expect(unknown.status).toBe(400);
    expect(await pageText(unknown)).toContain("There is no such action in this partnership");
    // Another partnership's action, even by its full address, is not this partnership's.
    expect(elsewhere).toBeDefined();
    expect((await respond(`${s.baseUrl}/p/${elsewhere.slug}/actions/${elsewhere.id}`)).status).toBe(400);
    expect((await ideasOf("River")).find((i) => i.id === idea.id)?.actionId).toBeNull();
    expect((await respond(`${s.baseUrl}/p/nelcp/actions/${action.id}`)).status).toBe(302);

    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const actionPage = await pageText(await chair.get(`/p/nelcp/actions/${action.id}`));
    expect(actionPage).toContain("Young people whose contributions informed this action: fewer than 5");
    expect(actionPage).toContain("The second-floor panel room was too cold.");
    expect(actionPage).toContain("River, a young person"); // River agreed to be quoted by name
    expect(await pageText(await river.get("/portal/ideas"))).toContain("The room now has a heater.");
    const [event] = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, idea.id), eq(auditEvents.action, "contribution.respond")));
    expect(event.after).toEqual({ decisionId: null, actionId: action.id });
  });

  it("before consent is given, nothing can be sent", async () => {
    // Fern has agreed herself; a young person who has not agreed to take part cannot send.
    const [fern] = await s.db.select({ id: youngPeople.id }).from(youngPeople).where(eq(youngPeople.displayName, "Fern"));
    await s.db.update(participationConsents).set({ withdrawnAt: new Date() }).where(eq(participationConsents.youngPersonId, fern.id));
    const client = s.client();
    await client.signInPortal("Fern");
    const res = await client.post("/portal/ideas", { kind: "idea", text: "More trips" });
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain("tell us what you agree to");
  });
});

describe("closing an account at the upper age", () => {
  it("lets the worker record the date: not today or earlier, and a stale form is a conflict", async () => {
    const [echo] = await s.db.select({ id: youngPeople.id, version: youngPeople.version }).from(youngPeople).where(eq(youngPeople.displayName, "Echo"));
    const path = `/p/nelcp/participation/young-people/${echo.id}`;
    const past = await worker.post(path, { intent: "closes-on", closesOn: SCENARIO_TODAY, version: String(echo.version) });
    expect(past.status).toBe(400);
    expect(await pageText(past)).toContain("The date their account closes must be after today");
    const nonsense = await worker.post(path, { intent: "closes-on", closesOn: "2027-02-30", version: String(echo.version) });
    expect(await pageText(nonsense)).toContain("The date their account closes must be a real date");
    const later = addDays(SCENARIO_TODAY, 200);
    expect((await worker.post(path, { intent: "closes-on", closesOn: later, version: String(echo.version) })).status).toBe(302);
    expect(await pageText(await worker.get(path))).toMatch(/Account closes \d+ \w+ 2027/);
    const stale = await worker.post(path, { intent: "closes-on", closesOn: addDays(later, 1), version: String(echo.version) });
    expect(stale.status).toBe(409);
    const member = s.client();
    await member.signIn("member@nelcp.example");
    expect((await member.post(path, { intent: "closes-on", closesOn: later, version: String(echo.version + 1) })).status).toBe(403);
  });

  it("gives notice in the portal with the offer to download; on the day the account closes once, its data gone and the audit trail intact", async () => {
    const [orbit] = await s.db.select().from(youngPeople).where(eq(youngPeople.displayName, "Orbit"));
    expect(orbit.closesOn).toBe(addDays(SCENARIO_TODAY, 18));
    const client = s.client();
    await client.signInPortal("Orbit");
    const home = await pageText(await client.get("/portal"));
    expect(home).toContain("Your account closes in 18 days");
    expect(home).toContain("Download your information");
    // River's account is not closing: no notice.
    const river = s.client();
    await river.signInPortal();
    expect(await pageText(await river.get("/portal"))).not.toContain("Your account is closing");

    expect((await closeAccountsAtUpperAge(s.db, addDays(SCENARIO_TODAY, 17))).closed).toBe(0);
    // Two passes at once (the scheduler on two machines): it closes once.
    const passes = await Promise.all([closeAccountsAtUpperAge(s.db, orbit.closesOn!), closeAccountsAtUpperAge(s.db, orbit.closesOn!)]);
    expect(passes.map((p) => p.closed).sort()).toEqual([0, 1]);
    const [after] = await s.db.select().from(youngPeople).where(eq(youngPeople.id, orbit.id));
    expect(after.status).toBe("closed");
    expect(after.displayName).toBeNull();
    expect(after.passphraseHash).toBeNull();
    expect(await s.db.select().from(contributions).where(eq(contributions.youngPersonId, orbit.id))).toHaveLength(0);
    expect(await s.db.select().from(participationConsents).where(eq(participationConsents.youngPersonId, orbit.id))).toHaveLength(0);
    const events = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, orbit.id), eq(auditEvents.action, "young_person.closed")));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0])).not.toContain("Orbit");
    expect((await verifyAuditTrail(s.db)).ok).toBe(true);
    // Signed out, and the name no longer signs in.
    expect((await client.get("/portal")).headers.get("location")).toBe("/portal/sign-in");
    const signIn = await s.client().post("/portal/sign-in", { displayName: "Orbit", passphrase: "purple kettle rain" });
    expect(signIn.status).toBe(401);
    expect(await pageText(signIn)).toContain("That name and passphrase do not match");
    expect(await pageText(await worker.get("/p/nelcp/participation"))).toContain("A closed account");
  });
});

describe("participation figures in exports", () => {
  it("the participation CSV and the decision log's column carry suppressed counts only, and no young person's name", async () => {
    const names = (await import("../../../seeds/demo-data")).demoData.portal.cohort.map((y) => y.displayName).filter((n): n is string => Boolean(n));
    for (const email of ["chair@nelcp.example", "observer@nelcp.example"]) {
      const adult = s.client();
      await adult.signIn(email);
      const res = await adult.get("/p/nelcp/participation.csv");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/csv");
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const body = new TextDecoder().decode(bytes.subarray(3));
      const rows: string[][] = parse(body);
      expect(rows[0]).toEqual(["Figure", "Item", "Date", "Young people"]);
      const counts = rows.slice(1).map((r) => r[3]);
      expect(counts).toContain("fewer than 5");
      for (const c of counts) if (/^[\d,]+$/.test(c)) expect(Number(c.replace(/,/g, ""))).toBeGreaterThanOrEqual(5);
      expect(rows.some((r) => r[0] === "Answered a consultation" && r[1] === "What makes a good children's home?")).toBe(true);
      expect(rows.some((r) => r[0] === "Sent ideas or feedback")).toBe(true);
      expect(rows.find((r) => r[1] === "Co-producing the residential care specification")?.[3]).toBe("7");
      for (const name of names) expect(body).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    const log: string[][] = parse(new TextDecoder().decode(new Uint8Array(await (await chair.get("/p/nelcp/decisions.csv")).arrayBuffer()).subarray(3)));
    const column = log[0].indexOf("Young people's input");
    expect(column).toBeGreaterThan(0);
    const [award] = await s.db.select({ reference: decisions.reference }).from(decisions).where(eq(decisions.title, "Award lot 2 to the Thames Gateway Care consortium"));
    expect(log.find((r) => r[0] === award.reference)?.[column]).toBe("fewer than 5");
    expect(log.filter((r) => r[column] !== "" && r !== log[0]).every((r) => r[column] === "fewer than 5" || Number(r[column]) >= 5)).toBe(true);
    // Outside the partnership, no export.
    const other = s.client();
    await other.signIn("scrutiny@leics.example");
    expect((await other.get("/p/nelcp/participation.csv")).status).toBe(403);
  });
});
