import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePortalSession } from "../../../app/areas/participation/accounts.server";
import { hashPassword } from "../../../app/areas/identity/public.server";
import { auditEvents, partnershipRoles, users } from "../../../db/schema";
import { participationConsents, portalCodes, portalSessions, youngPeople } from "../../../db/schema/participation";
import { partnershipId } from "../../helpers/pages";
import { DEMO_PASSWORD, pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// The young people's portal, end to end over HTTP: a worker adds a place and
// hands over a code; the young person joins with a made-up name and a
// passphrase, agrees (an adult too, under 13), withdraws; access is reset.
// Adults see counts, never names; nothing a young person does names them in the audit trail.

let s: TestServer;
let worker: HttpClient;
let chair: HttpClient;
let nelcp: string;

beforeAll(async () => {
  s = await startTestServer();
  worker = s.client();
  await worker.signIn("participation@nelcp.example");
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
  nelcp = await partnershipId(s.db, "nelcp");
});
afterAll(async () => {
  await s?.close();
});

/** Adds a place as the worker and returns the code shown on the answer page and the place's id. */
async function addPlace(ageBand: string) {
  const res = await worker.post("/p/nelcp/participation/new", { ageBand });
  expect(res.status).toBe(200);
  const html = await res.text();
  const code = html.match(/data-testid="portal-code">([A-Z0-9]{4}-[A-Z0-9]{4})</)?.[1];
  const id = html.match(/participation\/young-people\/([0-9a-f-]{36})/)?.[1];
  if (!code || !id) throw new Error("no code or id on the answer page");
  return { code, id };
}

const placeOf = async (id: string) => (await s.db.select().from(youngPeople).where(eq(youngPeople.id, id)))[0];

describe("joining with a code", () => {
  it("a worker adds a place and gets a code shown once, stored only as a hash, with catalogued audit events", async () => {
    const { code, id } = await addPlace("13-15");
    const place = await placeOf(id);
    expect(place).toMatchObject({ status: "invited", displayName: null, ageBand: "13-15", partnershipId: nelcp });
    const codes = await s.db.select().from(portalCodes).where(eq(portalCodes.youngPersonId, id));
    expect(codes).toHaveLength(1);
    expect(JSON.stringify(codes)).not.toContain(code.replace("-", ""));
    const events = await s.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action).sort()).toEqual(["young_person.code_issued", "young_person.place_added"]);
    // The page that showed it once does not show it again.
    expect(await (await worker.get(`/p/nelcp/participation/young-people/${id}`)).text()).not.toContain(code);
  });

  it("refuses bad input on each field, saying what is wrong, and saves nothing", async () => {
    const { code, id } = await addPlace("16-17");
    const yp = s.client();
    const cases: [Record<string, string>, string][] = [
      [{ code: "", displayName: "", passphrase: "" }, "Enter the code your participation worker gave you"],
      [{ code: "ABC", displayName: "Nightjar", passphrase: "long enough phrase" }, "The code should be 8 letters and numbers"],
      [{ code, displayName: "Jordan Smith", passphrase: "long enough phrase" }, "That looks like a real full name"],
      [{ code, displayName: "me@example.org", passphrase: "long enough phrase" }, "Your name cannot have an email or web address in it"],
      [{ code, displayName: "Call 07700900123", passphrase: "long enough phrase" }, "Your name cannot have a phone number in it"],
      [{ code, displayName: "E15 4HT", passphrase: "long enough phrase" }, "Your name cannot have a postcode in it"],
      [{ code, displayName: "Nightjar", passphrase: "short" }, "Your passphrase must be at least 10 characters"],
      [{ code, displayName: "<script>", passphrase: "long enough phrase" }, "Use only letters, numbers, spaces, dashes and full stops"],
      [{ code: "ZZZZ-ZZZZ", displayName: "Nightjar", passphrase: "long enough phrase" }, "That code does not work"],
      [{ code, displayName: "river", passphrase: "long enough phrase" }, "Someone already uses that name"],
    ];
    for (const [form, message] of cases) {
      const res = await yp.post("/portal/join", form);
      expect(res.status, message).toBe(400);
      expect(await pageText(res)).toContain(message);
    }
    expect(await placeOf(id)).toMatchObject({ status: "invited", displayName: null, passphraseHash: null });
    expect((await s.db.select().from(portalCodes).where(and(eq(portalCodes.youngPersonId, id), isNull(portalCodes.usedAt))))).toHaveLength(1);
  });

  it("joins with a made-up name, in any case and spacing of the code; the code then works no more", async () => {
    const { code, id } = await addPlace("16-17");
    const yp = s.client();
    const res = await yp.post("/portal/join", { code: ` ${code.toLowerCase().replace("-", " ")} `, displayName: "Kestrel", passphrase: "green tiger lamp" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/portal\/consent/);
    expect(res.headers.get("set-cookie")).toMatch(/portal_session=[a-z0-9]+; HttpOnly; SameSite=Lax; Path=\/; Expires=/);
    expect(await pageText(await yp.get("/portal"))).toContain("Hello, Kestrel");
    expect(await placeOf(id)).toMatchObject({ status: "active", displayName: "Kestrel" });
    expect((await placeOf(id)).passphraseHash).toMatch(/^\$argon2id\$/);
    const again = await s.client().post("/portal/join", { code, displayName: "Kestrel 2", passphrase: "green tiger lamp" });
    expect(again.status).toBe(400);
    expect(await pageText(again)).toContain("That code does not work");
  });

  it("redeems a code once when two people send it at the same moment", async () => {
    const { code, id } = await addPlace("18-21");
    const [a, b] = await Promise.all([
      s.client().post("/portal/join", { code, displayName: "Heron", passphrase: "first of two tries" }),
      s.client().post("/portal/join", { code, displayName: "Egret", passphrase: "second of two tries" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 400]);
    const events = await s.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "young_person.joined")));
    expect(events).toHaveLength(1);
    expect(["Heron", "Egret"]).toContain((await placeOf(id)).displayName);
  });

  it("limits how many codes one address may try", async () => {
    const guesser = s.client();
    const answers: number[] = [];
    for (let i = 0; i < 11; i++) answers.push((await guesser.post("/portal/join", { code: "ZZZZ-ZZZ" + "ABCDEFGHJKM"[i], displayName: "Guesser", passphrase: "long enough phrase" })).status);
    expect(answers.slice(0, 10).every((st) => st === 400)).toBe(true);
    expect(answers[10]).toBe(429);
  });
});

describe("consent", () => {
  it("an under-13 agrees, yet nothing is used until a worker records an adult's consent; withdrawal is one step and ends everything", async () => {
    const { code, id } = await addPlace("10-12");
    const yp = s.client();
    expect((await yp.post("/portal/join", { code, displayName: "Wren", passphrase: "blue shoe castle" })).status).toBe(302);
    // Nothing ticked, or quoting with a name without quoting: refused.
    const none = await yp.post("/portal/consent", {});
    expect(none.status).toBe(400);
    expect(await pageText(none)).toContain("Tick ‘Take part’ to join in");
    const named = await yp.post("/portal/consent", { scopes: ["take_part", "quote_with_name"] });
    expect(await pageText(named)).toContain("To be quoted with your name, tick ‘Quote me’ as well");
    expect(await s.db.select().from(participationConsents).where(eq(participationConsents.youngPersonId, id))).toHaveLength(0);

    expect((await yp.post("/portal/consent", { scopes: ["take_part", "quote"] })).status).toBe(302);
    expect(await pageText(await yp.get("/portal"))).toContain("we also need a parent or carer to say yes");
    // The worker records the carer's consent; it needs the confirmation and a choice.
    const refused = await worker.post(`/p/nelcp/participation/young-people/${id}`, { givenBy: "", scopes: [] });
    expect(refused.status).toBe(400);
    const text = await pageText(refused);
    expect(text).toContain("Choose who gave consent");
    expect(text).toContain("Choose what the adult agreed to");
    expect(text).toContain("Confirm you have the adult's consent in writing");
    const recorded = await worker.post(`/p/nelcp/participation/young-people/${id}`, { givenBy: "carer", scopes: ["take_part"], confirmed: "yes" });
    expect(recorded.status).toBe(302);
    expect(await pageText(await yp.get("/portal"))).toContain("You are taking part");

    const withdrawn = await yp.post("/portal/consent", { intent: "withdraw" });
    expect(withdrawn.status).toBe(302);
    const current = await s.db.select().from(participationConsents).where(and(eq(participationConsents.youngPersonId, id), isNull(participationConsents.withdrawnAt)));
    expect(current).toHaveLength(0);
    expect(await pageText(await yp.get("/portal"))).toContain("Before you start");
    const twice = await yp.post("/portal/consent", { intent: "withdraw" });
    expect(await pageText(twice)).toContain("there is nothing to take back");
    const events = await s.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toContain("young_person.consent_withdrawn");
    // Referenced, never described: no name in any payload or reason.
    expect(JSON.stringify(events)).not.toContain("Wren");
    expect(events.filter((e) => e.action !== "young_person.consent_changed" || e.actorUserId === null).every((e) => e.partnershipId === nelcp)).toBe(true);
  });
});

describe("signing in, sessions and resets", () => {
  it("signs in by portal name and passphrase; a wrong one is refused without saying which part", async () => {
    const yp = s.client();
    const wrong = await yp.post("/portal/sign-in", { displayName: "River", passphrase: "not the passphrase" });
    expect(wrong.status).toBe(401);
    expect(await pageText(wrong)).toContain("That name and passphrase do not match");
    const unknown = await yp.post("/portal/sign-in", { displayName: "Nobody Here", passphrase: "not the passphrase" });
    expect(await pageText(unknown)).toContain("That name and passphrase do not match");
    expect((await yp.post("/portal/sign-in", { displayName: "", passphrase: "" })).status).toBe(400);
    const right = await yp.post("/portal/sign-in", { displayName: "river", passphrase: "purple kettle rain" });
    expect(right.status).toBe(302);
    expect(await pageText(await yp.get("/portal"))).toContain("Hello, River");
    // Sign-out ends the session on the server, not only in the browser.
    const [session] = await s.db.select().from(portalSessions).where(eq(portalSessions.id, (await currentSessionId(yp))!));
    expect(session).toBeDefined();
    expect((await yp.post("/portal/sign-out", {})).status).toBe(302);
    expect(await s.db.select().from(portalSessions).where(eq(portalSessions.id, session.id))).toHaveLength(0);
    expect((await yp.get("/portal")).headers.get("location")).toBe("/portal/sign-in");
  });

  it("ends a session left idle for half an hour, and any session after eight hours", async () => {
    const { code } = await addPlace("16-17");
    const yp = s.client();
    await yp.post("/portal/join", { code, displayName: "Lapwing", passphrase: "sand dune fox" });
    const token = yp.cookies.get("portal_session")!;
    const t0 = new Date();
    expect(await validatePortalSession(s.db, token, new Date(t0.getTime() + 29 * 60_000))).not.toBeNull();
    expect(await validatePortalSession(s.db, token, new Date(t0.getTime() + 29 * 60_000 + 31 * 60_000))).toBeNull();
    const second = s.client();
    await second.signInPortal("Lapwing", "sand dune fox");
    const token2 = second.cookies.get("portal_session")!;
    expect(await validatePortalSession(s.db, token2, new Date(t0.getTime() + 8 * 3_600_000 + 60_000))).toBeNull();
  });

  it("a worker's new code signs the young person out everywhere and lets them choose a new passphrase", async () => {
    const { code, id } = await addPlace("16-17");
    const yp = s.client();
    await yp.post("/portal/join", { code, displayName: "Plover", passphrase: "old passphrase here" });
    const reset = await worker.post(`/p/nelcp/participation/young-people/${id}`, { intent: "reset" });
    expect(reset.status).toBe(200);
    const fresh = (await reset.text()).match(/data-testid="portal-code">([A-Z0-9-]{9})</)?.[1];
    expect(fresh).toBeDefined();
    expect((await yp.get("/portal")).headers.get("location")).toBe("/portal/sign-in");
    const again = s.client();
    expect((await again.post("/portal/join", { code: fresh!, displayName: "Plover", passphrase: "new passphrase now" })).status).toBe(302);
    expect((await s.client().post("/portal/sign-in", { displayName: "Plover", passphrase: "old passphrase here" })).status).toBe(401);
    expect((await s.client().post("/portal/sign-in", { displayName: "Plover", passphrase: "new passphrase now" })).status).toBe(302);
    const actions = (await s.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => e.action);
    expect(actions.filter((a) => a === "young_person.access_reset")).toHaveLength(1);
  });
});

describe("who sees what", () => {
  it("adults see suppressed counts and no names; only the participation worker sees the young people", async () => {
    const page = await pageText(await chair.get("/p/nelcp/participation"));
    expect(page).toContain("Taking part, by age");
    expect(page).toMatch(/fewer than 5/);
    // Names only beside quotes whose authors agreed to be quoted with their name (River did).
    expect(page).toContain("River, a young person");
    for (const name of ["Skylark", "Zed", "Blue 7", "Comet", "Pixel"]) expect(page).not.toContain(name);
    expect(page).toContain("Quiet space to do homework"); // Skylark agreed to be quoted, without a name
    expect(page).not.toContain("Food you actually like"); // Comet did not agree to be quoted
    expect(page).not.toContain("Staff who stay"); // Pixel withdrew
    expect(page).not.toContain("Hainault Forest"); // waiting for moderation
    expect(page).not.toContain("Add a young person");
    const [someone] = await s.db.select({ id: youngPeople.id }).from(youngPeople).where(eq(youngPeople.displayName, "River"));
    expect((await chair.get(`/p/nelcp/participation/young-people/${someone.id}`)).status).toBe(403);
    const admin = s.client();
    await admin.signIn("admin@platform.example");
    expect((await admin.get(`/p/nelcp/participation/young-people/${someone.id}`)).status).toBe(403);
    expect((await admin.get("/p/nelcp/participation/new")).status).toBe(403);
    const workerPage = await pageText(await worker.get("/p/nelcp/participation"));
    for (const name of ["River", "Skylark", "Nova", "Zed"]) expect(workerPage).toContain(name);
  });

  it("a worker in another partnership sees none of NELCP's young people", async () => {
    const cip = await partnershipId(s.db, "leicestershire-cip");
    const [person] = await s.db.select({ id: users.id }).from(users).where(eq(users.email, "scrutiny@leics.example"));
    await s.db.insert(partnershipRoles).values({ id: crypto.randomUUID(), partnershipId: cip, userId: person.id, role: "participation_worker", organisationId: null });
    await s.db.update(users).set({ passwordHash: await hashPassword(DEMO_PASSWORD) }).where(eq(users.id, person.id));
    const cipWorker = s.client();
    await cipWorker.signIn("scrutiny@leics.example");
    const [river] = await s.db.select({ id: youngPeople.id }).from(youngPeople).where(eq(youngPeople.displayName, "River"));
    expect((await cipWorker.get(`/p/leicestershire-cip/participation/young-people/${river.id}`)).status).toBe(404);
    expect((await cipWorker.post(`/p/leicestershire-cip/participation/young-people/${river.id}`, { intent: "reset" })).status).toBe(404);
    expect((await cipWorker.get("/p/nelcp/participation/young-people/" + river.id)).status).toBe(403);
    expect(await pageText(await cipWorker.get("/p/leicestershire-cip/participation"))).not.toContain("River");
  });

  it("a young person reaches their own portal and nothing of the adults'", async () => {
    const yp = s.client();
    await yp.signInPortal();
    for (const path of ["/", "/p/nelcp", "/p/nelcp/participation", "/actions"]) expect((await yp.get(path)).headers.get("location") ?? "", path).toMatch(/^\/sign-in/);
  });

  it("keeps young people's names out of every audit payload", async () => {
    const names = (await s.db.select({ n: youngPeople.displayName }).from(youngPeople)).map((r) => r.n).filter((n): n is string => Boolean(n));
    expect(names.length).toBeGreaterThan(10);
    const events = await s.db.select().from(auditEvents).where(inArray(auditEvents.entityType, ["young_person"]));
    const text = JSON.stringify(events.map((e) => [e.before, e.after, e.reason]));
    for (const n of names) expect(text).not.toContain(`"${n}"`);
  });
});

async function currentSessionId(client: HttpClient) {
  const token = client.cookies.get("portal_session");
  if (!token) return null;
  const { hashToken } = await import("../../../app/platform/crypto.server");
  return hashToken(token);
}
