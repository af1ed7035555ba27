import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../app/platform/env.server";
import { pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// What every response tells the browser: scripts only with this response's
// nonce, no framing, no sniffing, no referrer to other sites, no caching of a
// signed-in page; and in production, HTTPS only and Secure cookies.

let s: TestServer;
let chair: HttpClient;
beforeAll(async () => {
  s = await startTestServer();
  chair = s.client();
  await chair.signIn("chair@nelcp.example");
});
afterAll(async () => {
  await s?.close();
});

const policyOf = (res: Response) =>
  Object.fromEntries((res.headers.get("content-security-policy") ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe("every page", () => {
  it("allows scripts only by this response's nonce, and every script on the page carries it", async () => {
    const res = await chair.get("/p/nelcp/board");
    const policy = policyOf(res);
    const nonce = policy["script-src"].find((v: string) => v.startsWith("'nonce-"))!.slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'self'"]);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = policyOf(await chair.get("/p/nelcp/board"))["script-src"];
    expect(again).not.toContain(`'nonce-${nonce}'`); // a new nonce for every response
  });

  it("is not to be framed, sniffed, or sent with a referrer to other sites", async () => {
    for (const res of [await chair.get("/p/nelcp"), await s.client().get("/sign-in"), await chair.get("/no/such/page")]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
  });

  it("keeps signed-in pages out of every cache", async () => {
    for (const path of ["/", "/p/nelcp", "/p/nelcp/decisions", "/account", "/calendar"]) {
      expect((await chair.get(path)).headers.get("cache-control"), path).toBe("private, no-store");
    }
  });
});

describe("errors", () => {
  it("never show the query, its parameters or a stack trace, whatever APP_ENV and NODE_ENV say", async () => {
    const res = await chair.get("/p/nelcp/decisions?q=%00");
    expect(res.status).toBe(400);
    const text = await pageText(await chair.get("/p/nelcp/meetings/00000000-0000-0000-0000-000000000000/papers/not-a-paper"));
    expect(text).not.toMatch(/select |at .*\.(ts|js):\d+|Error:/);
  });
});

describe("in production", () => {
  it("asks for HTTPS only (HSTS) and marks the session cookie Secure", async () => {
    const saved = process.env.APP_URL;
    process.env.APP_URL = "https://governance.example.org";
    resetEnvCache();
    try {
      const res = await s.client().get("/sign-in");
      expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      const visitor = s.client();
      const signedIn = await fetch(`${s.baseUrl}/sign-in`, {
        method: "POST",
        redirect: "manual",
        headers: { origin: s.baseUrl, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": visitor.address },
        body: new URLSearchParams({ email: "member@nelcp.example", password: "demo-password-2026", redirectTo: "/" }).toString(),
      });
      expect(signedIn.status, await signedIn.clone().text()).toBe(302);
      const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith("session="));
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
    } finally {
      process.env.APP_URL = saved;
      resetEnvCache();
    }
  });
});
