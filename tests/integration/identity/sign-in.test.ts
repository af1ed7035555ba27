import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, sessions } from "../../../db/schema";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe("sign-in and sessions", () => {
  it("sends a visitor who is not signed in to sign in, then back to where they were going", async () => {
    const c = s.client();
    const res = await c.get("/p/nelcp");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/sign-in?redirectTo=%2Fp%2Fnelcp");
    const signIn = await c.post("/sign-in", { email: "chair@nelcp.example", password: "demo-password-2026", redirectTo: "/p/nelcp" });
    expect(signIn.headers.get("location")).toBe("/p/nelcp");
  });

  it("shows the chair NELCP's ten partners and its board with roles and seniority", async () => {
    const c = s.client();
    await c.signIn("chair@nelcp.example");
    const home = await pageText(await c.get("/"));
    expect(home).toContain("North-East London Commissioning Partnership");
    expect(home).not.toContain("Leicestershire"); // not a member there
    const page = await pageText(await c.get("/p/nelcp"));
    expect(page).toContain("Partners (10)");
    for (const borough of ["Havering", "Barking and Dagenham", "Tower Hamlets", "Newham", "Waltham Forest", "Redbridge", "Hackney", "City of London"])
      expect(page).toContain(borough);
    expect(page).toContain("Institute of Family Therapy");
    expect(page).toContain("Silver Lined Horizons");
    expect(page).toMatch(/Graham Featherstone London Borough of Havering Chair Director of Children's Services Chief executive or director/);
    expect(page).toContain("Head of service"); // the seat below the tier the partnership expects
  });

  it("sets an HttpOnly SameSite=Lax cookie and stores only the token's SHA-256", async () => {
    const c = s.client();
    const res = await c.signIn("member@nelcp.example");
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith("session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http in tests; production sets Secure
    const token = c.cookies.get("session")!;
    expect(await s.db.select().from(sessions).where(eq(sessions.id, token))).toHaveLength(0);
    const { createHash } = await import("node:crypto");
    const digest = createHash("sha256").update(token).digest("hex");
    expect(await s.db.select().from(sessions).where(eq(sessions.id, digest))).toHaveLength(1);
  });

  it("never adopts a session id planted before sign-in (session fixation), and a second sign-in gets a new one", async () => {
    const c = s.client();
    const planted = "a".repeat(32);
    c.cookies.set("session", planted);
    await c.signIn("member@nelcp.example");
    const issued = c.cookies.get("session")!;
    expect(issued).not.toBe(planted);
    // The planted value opens nothing: the attacker who set it is still signed out.
    const attacker = await fetch(`${s.baseUrl}/`, { redirect: "manual", headers: { cookie: `session=${planted}` } });
    expect(attacker.status).toBe(302);
    expect(attacker.headers.get("location")).toMatch(/^\/sign-in/);
    // Signing in again while signed in swaps the token too.
    await c.signIn("member@nelcp.example");
    expect(c.cookies.get("session")).not.toBe(issued);
    expect((await c.get("/")).status).toBe(200);
  });

  it("signs out by revoking the session on the server, so the old cookie stops working", async () => {
    const c = s.client();
    await c.signIn("vicechair@nelcp.example");
    const stolen = c.cookies.get("session")!;
    const out = await c.post("/sign-out", {});
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/sign-in");
    const replay = await fetch(`${s.baseUrl}/`, { redirect: "manual", headers: { cookie: `session=${stolen}` } });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toMatch(/^\/sign-in/);
    const [{ n }] = await s.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "user.sign_out"));
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it("ends a session left unused for longer than the idle time (8 hours), and keeps one in use", async () => {
    const idle = s.client();
    await idle.signIn("member@nelcp.example");
    const active = s.client();
    await active.signIn("member@nelcp.example");
    const { createHash } = await import("node:crypto");
    const idOf = (c: HttpClient) => createHash("sha256").update(c.cookies.get("session")!).digest("hex");
    const [idleId, activeId] = [idOf(idle), idOf(active)];
    await s.db.update(sessions).set({ lastUsedAt: new Date(Date.now() - 8 * 60 * 60 * 1000 - 60_000) }).where(eq(sessions.id, idleId));
    await s.db.update(sessions).set({ lastUsedAt: new Date(Date.now() - 7 * 60 * 60 * 1000) }).where(eq(sessions.id, activeId));
    const res = await idle.get("/p/nelcp");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/sign-in/);
    expect(await s.db.select().from(sessions).where(eq(sessions.id, idleId))).toHaveLength(0);
    expect((await active.get("/p/nelcp")).status).toBe(200);
    // Use moves the idle clock on.
    const [touched] = await s.db.select().from(sessions).where(eq(sessions.id, activeId));
    expect(Date.now() - touched.lastUsedAt.getTime()).toBeLessThan(60_000);
  });

  it("says what is missing when the form is empty", async () => {
    const res = await s.client().post("/sign-in", { email: "", password: "" });
    expect(res.status).toBe(400);
    const text = await pageText(res);
    expect(text).toContain("There is a problem");
    expect(text).toContain("Enter your email address");
    expect(text).toContain("Enter your password");
  });

  it("rejects a malformed email address with a clear message", async () => {
    const res = await s.client().post("/sign-in", { email: "chair-at-nelcp", password: "x" });
    expect(res.status).toBe(400);
    expect(await pageText(res)).toContain("Enter an email address in the correct format");
  });

  it("does not say whether it was the email or the password that was wrong", async () => {
    const wrongPassword = await s.client().post("/sign-in", { email: "observer@nelcp.example", password: "nope" });
    const noAccount = await s.client().post("/sign-in", { email: "nobody@nowhere.example", password: "nope" });
    expect(wrongPassword.status).toBe(401);
    expect(noAccount.status).toBe(401);
    const a = await pageText(wrongPassword);
    expect(a).toContain("Enter a correct email address and password");
    expect(await pageText(noAccount)).toContain("Enter a correct email address and password");
  });

  it("refuses a form posted from another site, and one with no origin at all", async () => {
    const c = s.client();
    const evil = await c.post("/sign-in", { email: "chair@nelcp.example", password: "demo-password-2026" }, { origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(await evil.text()).toContain("Cross-origin request refused");
    expect(c.cookies.has("session")).toBe(false);
    const bare = await fetch(`${s.baseUrl}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=chair%40nelcp.example&password=demo-password-2026",
    });
    expect(bare.status).toBe(403);
  });

  it("refuses a cross-origin sign-out, leaving the session in place", async () => {
    const c = s.client();
    await c.signIn("observer@nelcp.example");
    const res = await c.post("/sign-out", {}, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await c.get("/")).status).toBe(200);
  });
});

describe("operations", () => {
  it("reports health after checking the database", async () => {
    const res = await fetch(`${s.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("keeps the layout on a 404 page", async () => {
    const c = s.client();
    await c.signIn("chair@nelcp.example");
    const res = await c.get("/no/such/page");
    expect(res.status).toBe(404);
    const text = await pageText(res);
    expect(text).toContain("Page not found");
    expect(text).toContain("Partnership governance");
    expect(text).toContain("Sign out");
    const missing = await c.get("/p/no-such-partnership");
    expect(missing.status).toBe(404);
    expect(await pageText(missing)).toContain("There is no partnership at this address");
  });
});
