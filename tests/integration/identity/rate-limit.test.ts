import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "../../../db/schema";
import { hit } from "../../../app/areas/identity/rate-limit.server";
import { SIGN_IN_THROTTLE } from "../../../app/areas/identity/rules";
import { pageText, startTestServer, type TestServer } from "../../helpers/server";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe("sign-in rate limits", () => {
  /** Moves a throttled key's last failure into the past, as if its wait had passed. */
  const waitOut = (keyPattern: string) => s.db.update(rateLimits).set({ lastAt: new Date(Date.now() - 10 * 60_000) }).where(like(rateLimits.key, keyPattern));

  it("slows an account down after repeated failures, with a growing wait, never a lock", async () => {
    const c = s.client();
    for (let i = 0; i < SIGN_IN_THROTTLE.account.freeFailures; i++) {
      const res = await c.post("/sign-in", { email: "secretariat@nelcp.example", password: `guess-${i}` });
      expect(res.status).toBe(401);
    }
    const slowed = await c.post("/sign-in", { email: "secretariat@nelcp.example", password: "demo-password-2026" });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get("retry-after"))).toBe(1);
    expect(await pageText(slowed)).toContain("Too many failed sign-in attempts. Wait 1 second, then try again.");
    expect(c.cookies.has("session")).toBe(false);
    // Another account from the same address is unaffected.
    expect((await s.client().post("/sign-in", { email: "chair@nelcp.example", password: "demo-password-2026" })).status).toBe(302);
    // Once the wait has passed, the right password signs in: the chair is never locked out before a meeting.
    await waitOut("sign-in:account:secretariat@nelcp.example");
    expect((await c.post("/sign-in", { email: "secretariat@nelcp.example", password: "demo-password-2026" })).status).toBe(302);
  });

  it("counts only failures: an office behind one address signs in all day without being slowed", async () => {
    const office = s.client();
    for (let i = 0; i < 40; i++) {
      const res = await s.client().post("/sign-in", { email: "member@nelcp.example", password: "demo-password-2026" }, { "x-forwarded-for": office.address });
      expect(res.status, `sign-in ${i + 1}`).toBe(302);
    }
  });

  it("keeps the counters in the database, not in the process", async () => {
    const [{ n }] = await s.db.select({ n: count() }).from(rateLimits).where(like(rateLimits.key, "sign-in:%"));
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it("counts concurrent attempts exactly (one atomic statement each)", async () => {
    const limit = { max: 100, windowMs: 60_000 };
    const counts = await Promise.all(Array.from({ length: 20 }, () => hit(s.db, "test:concurrent", limit)));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("opens a new window once the old one has passed", async () => {
    const limit = { max: 2, windowMs: 1000 };
    const t0 = new Date("2026-01-01T00:00:00Z");
    expect(await hit(s.db, "test:window", limit, t0)).toBe(1);
    expect(await hit(s.db, "test:window", limit, new Date(t0.getTime() + 500))).toBe(2);
    expect(await hit(s.db, "test:window", limit, new Date(t0.getTime() + 1000))).toBe(1);
  });

  it("slows one address trying many accounts", async () => {
    const c = s.client();
    for (let i = 0; i < SIGN_IN_THROTTLE.address.freeFailures; i++) {
      expect((await c.post("/sign-in", { email: `someone-${i}@nowhere.example`, password: "x" })).status).toBe(401);
    }
    // The wait now applies to every account from this address, even a correct sign-in.
    const slowed = await c.post("/sign-in", { email: "observer@nelcp.example", password: "demo-password-2026" });
    expect(slowed.status).toBe(429);
    expect(await pageText(slowed)).toContain("Too many failed sign-in attempts. Wait 1 second");
    await waitOut("sign-in:client:%");
    expect((await c.post("/sign-in", { email: "observer@nelcp.example", password: "demo-password-2026" })).status).toBe(302);
    const [row] = await s.db.select().from(rateLimits).where(eq(rateLimits.key, "sign-in:account:observer@nelcp.example"));
    expect(row).toBeUndefined(); // signing in cleared the account's own count
  });
});
