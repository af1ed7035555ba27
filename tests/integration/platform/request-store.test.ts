import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queriesSent } from "../../../db/client";
import { partnerships } from "../../../db/schema";
import { readOncePerRequest, runWithRequestStore } from "../../../app/platform/request-store.server";
import { startTestServer, type TestServer } from "../../helpers/server";

// A read several parts of one page share is sent once per request, whether
// what it returns is a promise or a query builder (a thenable that runs its
// query again each time it is awaited: the terms of reference were read 68
// times by one accountability dashboard before this was caught).

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const newStore = () => ({ userId: null, path: "/", formKey: null, formKeyUsed: false });

describe("readOncePerRequest", () => {
  it("sends a query builder's statement once however often the request awaits it", async () => {
    const before = queriesSent();
    const names = await runWithRequestStore(newStore(), async () => {
      const read = () => readOncePerRequest(s.db, "nelcp", () => s.db.select({ name: partnerships.name }).from(partnerships).where(eq(partnerships.slug, "nelcp")));
      const first = await read();
      const [second, third] = await Promise.all([read(), read()]);
      return [first, second, third].map((rows) => rows[0]?.name);
    });
    expect(names).toEqual(["North-East London Commissioning Partnership", "North-East London Commissioning Partnership", "North-East London Commissioning Partnership"]);
    expect(queriesSent() - before).toBe(1);
  });

  it("reads again in the next request, and every time outside one", async () => {
    const read = () => readOncePerRequest(s.db, "count", () => s.db.select({ id: partnerships.id }).from(partnerships));
    const before = queriesSent();
    await runWithRequestStore(newStore(), async () => (await read(), await read()));
    await runWithRequestStore(newStore(), async () => (await read(), await read()));
    expect(queriesSent() - before).toBe(2);
    await read();
    await read();
    expect(queriesSent() - before).toBe(4);
  });
});
