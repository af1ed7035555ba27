import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formSubmissions, rateLimits, sessions, users, userTokens } from "../../../db/schema";
import { purgeExpired } from "../../../jobs/housekeeping";
import { createSession } from "../../../app/areas/identity/session.server";
import { issueToken } from "../../../app/areas/identity/auth.server";
import { openMigratedTestDatabase } from "../../helpers/database";

let t: Awaited<ReturnType<typeof openMigratedTestDatabase>>;
beforeAll(async () => {
  t = await openMigratedTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("housekeeping", () => {
  it("removes expired sessions, stale links, old rate-limit windows and week-old form keys, and keeps live ones", async () => {
    const userId = crypto.randomUUID();
    await t.db.insert(users).values({ id: userId, email: "h@example.org", name: "H" });
    const longAgo = new Date("2026-01-01T00:00:00Z");
    await createSession(t.db, userId, longAgo); // expired by now
    await createSession(t.db, userId); // live
    await issueToken(t.db, userId, "password_reset", null, longAgo); // expired
    await issueToken(t.db, userId, "invitation", null); // live
    await t.db.insert(rateLimits).values([
      { key: "old", windowStart: longAgo, count: 3 },
      { key: "new", windowStart: new Date(), count: 1 },
    ]);
    await t.db.insert(formSubmissions).values([
      { key: "old-form", userId, createdAt: longAgo, result: { ok: true, value: null } },
      { key: "new-form", userId, result: { ok: true, value: null } },
    ]);
    expect(await purgeExpired(t.db)).toEqual({ sessions: 1, tokens: 1, rateLimitWindows: 1, formKeys: 1 });
    expect((await t.db.select().from(formSubmissions)).map((r) => r.key)).toEqual(["new-form"]);
    expect((await t.db.select({ n: count() }).from(sessions))[0].n).toBe(1);
    expect((await t.db.select({ n: count() }).from(userTokens))[0].n).toBe(1);
    expect((await t.db.select().from(rateLimits)).map((r) => r.key)).toEqual(["new"]);
  });
});
