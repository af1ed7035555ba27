import { Readable } from "node:stream";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import routes from "../../../app/routes";
import { auditEvents } from "../../../db/schema";
import { setUpMatrixRecords, type MatrixRecords } from "../../helpers/permission-matrix";
import { startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

// Every form action in the manifest, sent what an attacker or a broken client
// would send: a body that is not a form, a null byte, more than the limit
// (streamed, with no Content-Length), an id that is not an id. Each gets a 4xx
// that says why — never a 5xx — and nothing is written.

let s: TestServer;
let chair: HttpClient;
let m: MatrixRecords;

type Route = { file: string; path: string };
function flatten(entries: readonly RouteConfigEntry[], parent = ""): Route[] {
  return entries.flatMap((e) => {
    const path = [parent, e.path ?? ""].filter(Boolean).join("/");
    return [{ file: e.file, path }, ...flatten(e.children ?? [], path)];
  });
}

/** Routes that take a form: a route module with an `action`. */
async function formRoutes() {
  const fs = await import("node:fs/promises");
  const found: Route[] = [];
  for (const r of flatten(routes)) {
    const source = await fs.readFile(`app/${r.file}`, "utf8");
    if (/export async function action\b/.test(source)) found.push(r);
  }
  return found;
}

function fill(path: string, ids: Record<string, string>) {
  return `/${path
    .split("/")
    .map((part) => (part.startsWith(":") ? ids[part.slice(1)] : part))
    .join("/")}`;
}

beforeAll(async () => {
  s = await startTestServer({ SMTP_URL: "" });
  const as = { admin: s.client(), chair: s.client(), rep: s.client(), member: s.client() };
  await as.admin.signIn("admin@platform.example");
  await as.chair.signIn("chair@nelcp.example");
  await as.rep.signIn("rep@barking-dagenham.example");
  await as.member.signIn("member@nelcp.example");
  chair = as.chair;
  m = await setUpMatrixRecords(s, as);
});
afterAll(async () => {
  await s?.close();
});

const ids = () => ({ ...m.records.nelcp, token: m.globals.resetToken, file: m.globals.outboxFile });

async function post(path: string, body: BodyInit, type: string | null, client: HttpClient = chair) {
  const headers: Record<string, string> = { origin: s.baseUrl, cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "x-forwarded-for": client.address };
  if (type) headers["content-type"] = type;
  try {
    const res = await fetch(s.baseUrl + path, { method: "POST", redirect: "manual", headers, body, duplex: "half", signal: AbortSignal.timeout(10_000) } as RequestInit);
    return { status: res.status, text: await res.text() };
  } catch (error) {
    return { status: 0, text: `no answer: ${(error as Error & { cause?: Error }).cause?.message ?? error}` };
  }
}

describe("hostile bodies to every form", () => {
  it("are refused with a 4xx and a reason, and nothing is written", async () => {
    const before = (await s.db.select({ n: count() }).from(auditEvents))[0].n;
    const targets = await formRoutes();
    expect(targets.length).toBeGreaterThan(30);
    const bad: string[] = [];
    for (const route of targets) {
      const path = fill(route.path, ids());
      // Signing out takes no form: sent anything, it signs the person out (tested with its own client below).
      if (route.path === "sign-out") continue;
      const cases: [string, () => Promise<{ status: number; text: string }>][] = [
        ["text/plain", () => post(path, "intent=decision&title=hello", "text/plain")],
        ["JSON", () => post(path, JSON.stringify({ intent: "decision", title: "hello" }), "application/json")],
        ["no content type", () => post(path, "title=hello", null)],
        ["a null byte", () => post(path, "intent=x&title=a%00b&name=a%00b&email=a%00b", "application/x-www-form-urlencoded")],
        ["a broken multipart body", () => post(path, "--x\r\nnot really", "multipart/form-data; boundary=x")],
        [
          "2 MB streamed without a length",
          () => post(path, Readable.toWeb(Readable.from((function* () { for (let i = 0; i < 64; i++) yield Buffer.alloc(32 * 1024, "a"); })())) as unknown as BodyInit, "application/x-www-form-urlencoded"),
        ],
      ];
      for (const [what, send] of cases) {
        const res = await send();
        if (res.status >= 500 || res.status < 300) bad.push(`${route.file} with ${what}: ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(bad).toEqual([]);
    expect((await s.db.select({ n: count() }).from(auditEvents))[0].n).toBe(before);
  }, 120_000);

  it("says why: not a web form, too large, a null byte", async () => {
    const path = `/p/nelcp/meetings/${m.records.nelcp.meetingId}/run`;
    const plain = await post(path, "hello", "text/plain");
    expect(plain.status).toBe(415);
    expect(plain.text).toContain("Send this as a web form");
    const nul = await post(path, "intent=notes&notes=a%00b", "application/x-www-form-urlencoded");
    expect(nul.status).toBe(400);
    expect(nul.text).toContain("a character that cannot be stored");
    const big = await post(path, `notes=${"a".repeat(1024 * 1024 + 10)}`, "application/x-www-form-urlencoded");
    expect(big.status).toBe(413);
    expect(big.text).toContain("more than 1 MB");
  });

  it("an id that is not an id, in the address of a form, is not found", async () => {
    const bad: string[] = [];
    for (const route of await formRoutes()) {
      if (!/:[a-zA-Z]+Id\b/.test(route.path)) continue;
      const path = fill(route.path, Object.fromEntries(Object.entries(ids()).map(([k, v]) => [k, k.endsWith("Id") ? "not-an-id" : v])));
      const res = await post(path, "intent=x&version=1", "application/x-www-form-urlencoded");
      if (res.status >= 500 || res.status < 300) bad.push(`${route.file}: ${res.status}`);
    }
    expect(bad).toEqual([]);
  });
});

describe("hostile addresses", () => {
  it.each([
    ["a null byte in the query", "/p/nelcp/decisions?q=%00"],
    ["a null byte in the path", "/p/nelcp%00/board"],
    ["broken percent-encoding", "/p/nelcp/decisions?q=%E0%A4%A"],
    ["a null byte in redirectTo", "/sign-in?redirectTo=%2F%00"],
  ])("%s gets a 400, not a server error", async (_what, path) => {
    const res = await chair.get(path);
    expect(res.status).toBe(400);
  });

  it("characters from beyond Latin-1 in a query or redirectTo are fine", async () => {
    expect((await chair.get("/p/nelcp/decisions?q=%E2%9C%93%20caf%C3%A9")).status).toBe(200);
    const visitor = s.client();
    const res = await visitor.post("/sign-in?redirectTo=%2Fp%2F%C5%81%C3%B3d%C5%BA", { email: "chair@nelcp.example", password: "demo-password-2026", redirectTo: "/p/Łódź" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/p/%C5%81%C3%B3d%C5%BA");
  });

  it("the redirect after signing in never leaves the site", async () => {
    for (const redirectTo of ["/\t/evil.example/", "//evil.example/", "/\\evil.example", "https://evil.example/"]) {
      const visitor = s.client();
      const res = await visitor.post("/sign-in", { email: "chair@nelcp.example", password: "demo-password-2026", redirectTo });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/");
    }
  });
});
