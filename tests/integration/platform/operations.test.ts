import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../db/schema";
import { loggableError, loggablePath } from "../../../app/platform/log.server";
import { routeLabel } from "../../../app/platform/metrics.server";
import { resetEnvCache } from "../../../app/platform/env.server";
import { createTestDatabase } from "../../helpers/database";
import { DEMO_PASSWORD, HttpClient, pageText, SCENARIO_TODAY, startTestServer, type TestServer } from "../../helpers/server";

// Operations: the JSON log (one line per event, a request id on each, no
// personal data or secrets) and /metrics behind its token.

const CHAIR = "chair@nelcp.example";

describe("the JSON log of a running server", () => {
  let child: ChildProcess;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let baseUrl: string;
  let output = "";

  beforeAll(async () => {
    database = await createTestDatabase();
    child = spawn("node", ["--import", "tsx", "server/start.ts"], {
      env: {
        ...process.env,
        APP_ENV: "development",
        LOG_LEVEL: "info",
        DATA_DIR: database.dataDir,
        DATABASE_URL: database.databaseUrl ?? "",
        MIGRATION_DATABASE_URL: database.ownerUrl ?? "",
        PORT: "0",
        APP_URL: "",
        APP_TODAY: SCENARIO_TODAY,
        JOBS_IN_WEB: "off",
        TRUST_PROXY_HEADER: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!/running at (http:\/\/\S+)/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    baseUrl = output.match(/running at (http:\/\/\S+)/)![1];
  });
  afterAll(async () => {
    child?.kill("SIGTERM");
    await new Promise((r) => child?.once("exit", r));
    await database?.drop();
  });

  const jsonLines = () =>
    output
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it("writes one JSON line per request, with the request id the response carried", async () => {
    const client = new HttpClient(baseUrl);
    const signedIn = await client.signIn(CHAIR);
    expect(signedIn.status).toBe(302);
    const board = await client.get("/p/nelcp/board?tab=current");
    expect(board.status).toBe(200);
    const id = board.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // A proxy's own id is kept, so its logs and ours line up.
    const proxied = await client.get("/p/nelcp/decisions", { "x-request-id": "fly-abc123-request" });
    expect(proxied.headers.get("x-request-id")).toBe("fly-abc123-request");
    await new Promise((r) => setTimeout(r, 200));
    const lines = jsonLines();
    const boardLine = lines.find((l) => l.requestId === id);
    expect(boardLine).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/p/nelcp/board", status: 200 });
    expect(typeof boardLine!.ms).toBe("number");
    expect(boardLine!.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.find((l) => l.requestId === "fly-abc123-request")).toMatchObject({ path: "/p/nelcp/decisions", status: 200 });
    for (const line of lines) expect(line.requestId ?? line.msg).toBeTruthy();
  });

  it("holds no email address, password, session cookie, emailed token or query string", async () => {
    const client = new HttpClient(baseUrl);
    await client.signIn(CHAIR);
    const cookie = [...client.cookies.values()].join(" ");
    await client.get("/reset-password/abcdefghijklmnopqrstuvwxyz234567?email=chair%40nelcp.example");
    await client.get("/calendar/feed/secretfeedtoken1234567890.ics");
    await new HttpClient(baseUrl).post("/sign-in", { email: CHAIR, password: "not-the-password-at-all" });
    await new Promise((r) => setTimeout(r, 200));
    const text = jsonLines()
      .map((l) => JSON.stringify(l))
      .join("\n");
    expect(text).toContain('"path":"/reset-password/:token"');
    expect(text).toContain('"path":"/calendar/feed/:token"');
    for (const secret of [CHAIR, "chair%40", DEMO_PASSWORD, "not-the-password-at-all", "abcdefghijklmnopqrstuvwxyz234567", "secretfeedtoken", cookie.slice(0, 40)]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("what a logged error keeps", () => {
  it("a database error keeps its name, code and message, never the row it refused", async () => {
    const s = await startTestServer();
    try {
      const error = await s.db
        .insert(users)
        .values({ id: crypto.randomUUID(), email: CHAIR, name: "Someone Else", passwordHash: "x" })
        .then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const logged = JSON.stringify(loggableError(error));
      expect(logged).toMatch(/23505|duplicate key/);
      expect(logged).not.toContain(CHAIR);
      expect(logged).not.toContain("Someone Else");
      expect(logged).toContain("params: [not logged]");
    } finally {
      await s.close();
    }
  });

  it("paths lose their query and their tokens", () => {
    expect(loggablePath("/invitation/k3y?x=1")).toBe("/invitation/:token");
    expect(loggablePath("/dev/outbox/2026-chair@nelcp.example.eml")).toBe("/dev/outbox/:file");
    expect(loggablePath("/p/nelcp/decisions?q=adoption#top")).toBe("/p/nelcp/decisions");
  });
});

describe("/metrics", () => {
  let s: TestServer;
  const token = "m".repeat(40);
  beforeAll(async () => {
    s = await startTestServer({ METRICS_TOKEN: token });
  });
  afterAll(async () => {
    await s?.close();
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
  });

  it("needs the bearer token", async () => {
    expect((await fetch(`${s.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${s.baseUrl}/metrics`, { headers: { authorization: `Bearer ${"x".repeat(40)}` } })).status).toBe(401);
    expect((await fetch(`${s.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
  });

  it("reports request latency by route pattern, jobs and deliveries by status", async () => {
    const chair = s.client();
    await chair.signIn(CHAIR);
    const decisions = await chair.get("/p/nelcp/decisions");
    expect(decisions.status).toBe(200);
    await pageText(decisions); // a request is measured once its answer has been sent in full
    await pageText(await chair.get("/no/such/page/at/all"));
    const res = await fetch(`${s.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await pageText(res);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/p\/:slug\/decisions"[^}]*\} [1-9]/);
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*route="unmatched"/);
    expect(text).not.toContain("/no/such/page");
    expect(text).not.toContain('route="/p/nelcp');
    expect(text).toContain("# TYPE reminder_deliveries gauge");
    expect(text).toContain("# TYPE jobs gauge");
  });

  it("is not served at all without METRICS_TOKEN", async () => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
    expect((await fetch(`${s.baseUrl}/metrics`)).status).toBe(404);
  });

  it("route labels collapse ids, slugs and tokens", () => {
    expect(routeLabel("/p/some-partnership/decisions/0b6f2a36-3b1b-4c55-9d27-6ad9f3d1c0f1", 200)).toBe("/p/:slug/decisions/:id");
    expect(routeLabel("/p/x/terms/3/edit", 200)).toBe("/p/:slug/terms/:n/edit");
    expect(routeLabel("/invitation/abc", 200)).toBe("/invitation/:token");
    expect(routeLabel("/anything", 404)).toBe("unmatched");
  });
});

// A migration may rewrite a big table for minutes; a page's statement may not run past 15 s.
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("prepared statements on PostgreSQL", () => {
  it("keeps reads as named statements, but plans a text search each time for its words", async () => {
    const { default: postgres } = await import("postgres");
    const { preparingReads } = await import("../../../db/client");
    const database = await createTestDatabase();
    const sql = postgres(database.ownerUrl ?? database.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      const reads = preparingReads(sql);
      for (let i = 0; i < 7; i++) {
        await reads.unsafe("select count(*) from users where id = $1", ["00000000-0000-0000-0000-000000000000"]);
        await reads.unsafe("select count(*) from decisions where search_vector @@ websearch_to_tsquery('english', $1)", ["kinship"]);
      }
      const kept = (await sql`select statement from pg_prepared_statements`).map((r) => String(r.statement));
      expect(kept.some((q) => q.startsWith("select count(*) from users"))).toBe(true);
      expect(kept.some((q) => q.includes("websearch_to_tsquery"))).toBe(false);
    } finally {
      await sql.end();
      await database.drop();
    }
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("statement timeouts on PostgreSQL", () => {
  it("bound the app's statements at 15 s and leave migrations unbounded", async () => {
    const { openDatabase } = await import("../../../db/client");
    const url = process.env.TEST_DATABASE_URL!;
    const app = openDatabase({ databaseUrl: url, dataDir: "/tmp/unused" });
    const migrations = openDatabase({ databaseUrl: url, dataDir: "/tmp/unused", forMigrations: true });
    try {
      expect((await app.sql!`show statement_timeout`)[0].statement_timeout).toBe("15s");
      expect((await migrations.sql!`show statement_timeout`)[0].statement_timeout).toBe("0");
    } finally {
      await app.close();
      await migrations.close();
    }
  });
});
