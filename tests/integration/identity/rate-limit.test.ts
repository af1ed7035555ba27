import { count, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "../../../db/schema";
import { hit, SIGN_IN_LIMITS } from "../../../app/areas/identity/rate-limit.server";
import { pageText, startTestServer, type TestServer } from "../../helpers/server";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe("sign-in rate limits", () => {
  it("locks an account after repeated failures, even against the right password, and says when to retry", async () => {
    const c = s.client();
    for (let i = 0; i < SIGN_IN_LIMITS.account.max; i++) {
      const res = await c.post("/sign-in", { email: "secretariat@nelcp.example", password: `guess-${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await c.post("/sign-in", { email: "secretariat@nelcp.example", password: "demo-password-2026" });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await pageText(locked)).toContain("Too many sign-in attempts. Wait 15 minutes, then try again.");
    expect(c.cookies.has("session")).toBe(false);
    // Another account from the same address is unaffected.
    expect((await s.client().post("/sign-in", { email: "chair@nelcp.example", password: "demo-password-2026" })).status).toBe(302);
  });

  it("keeps the counters in the database, not in the process", async () => {
    const [{ n }] = await s.db.select({ n: count() }).from(rateLimits).where(like(rateLimits.key, "sign-in:account:%"));
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

  it("stops one address trying many accounts", async () => {
    const c = s.client();
    let last: Response | undefined;
    for (let i = 0; i <= SIGN_IN_LIMITS.client.max; i++) {
      last = await c.post("/sign-in", { email: `someone-${i}@nowhere.example`, password: "x" });
      if (last.status === 429) break;
    }
    expect(last?.status).toBe(429);
    // The limit now applies to every account from this address, even a correct sign-in.
    expect((await c.post("/sign-in", { email: "observer@nelcp.example", password: "demo-password-2026" })).status).toBe(429);
  });
});
