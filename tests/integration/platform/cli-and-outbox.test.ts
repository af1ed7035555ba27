import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../../app/platform/env.server";
import { outboxEnabled } from "../../../app/platform/mail/outbox.server";
import { outboxWhen, pageText, startTestServer, type HttpClient, type TestServer } from "../../helpers/server";

const run = promisify(execFile);

async function npmRun(script: string, env: Record<string, string>) {
  return run("npm", ["run", "--silent", script], { env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("command-line tools reject a bad environment clearly", () => {
  for (const script of ["db:migrate", "db:seed", "audit:verify"]) {
    it(`npm run ${script} names the malformed variable and changes nothing`, async () => {
      const result = await npmRun(script, { DATABASE_URL: "mysql://localhost/governance", APP_ENV: "test" });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("Invalid environment");
      expect(result.stderr).toContain("DATABASE_URL: DATABASE_URL must be a PostgreSQL URL");
    });
  }

  it("the server refuses to start in production without its secrets", async () => {
    const result = await run("node", ["--import", "tsx", "server/start.ts"], {
      env: { ...process.env, APP_ENV: "production", DATABASE_URL: "", SESSION_SECRET: "", APP_URL: "" },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("SESSION_SECRET: SESSION_SECRET is required in production");
    expect(result.stderr).toContain("APP_URL: APP_URL is required in production");
  });
});

describe("the development outbox", () => {
  let s: TestServer;
  let admin: HttpClient;
  beforeAll(async () => {
    s = await startTestServer({ SMTP_URL: "" });
    admin = s.client();
    await admin.signIn("admin@platform.example");
  });
  afterAll(async () => {
    await s?.close();
  });

  it("lists emails written without SMTP, with their links", async () => {
    await s.client().post("/forgot-password", { email: "chair@nelcp.example" });
    await outboxWhen(admin, (html) => html.includes("Reset your password"));
    const res = await admin.get("/dev/outbox");
    expect(res.status).toBe(200);
    const text = await pageText(res);
    expect(text).toContain("chair@nelcp.example");
    expect(text).toContain("Reset your password");
    expect(text).toMatch(/\/reset-password\/[a-z0-9]+/);
    const file = (await admin.get("/dev/outbox").then((r) => r.text())).match(/\/dev\/outbox\/([^"]+\.eml)/)![1];
    const raw = await admin.get(`/dev/outbox/${file}`);
    expect(raw.headers.get("content-type")).toContain("text/plain");
    expect(await raw.text()).toContain("Subject: Reset your password");
  });

  it("does not serve files outside the outbox", async () => {
    expect((await admin.get("/dev/outbox/..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
    expect((await admin.get("/dev/outbox/..%2Fpglite%2FPG_VERSION.eml")).status).toBe(404);
  });

  it("listens on this machine only outside production", () => {
    expect(s.listening).toMatchObject({ address: "127.0.0.1" });
  });

  it("is for a signed-in platform administrator only: its links would take over accounts", async () => {
    // The attack this closes: ask for the chair's reset, read the link in the outbox.
    await s.client().post("/forgot-password", { email: "chair@nelcp.example" });
    await outboxWhen(admin, (html) => html.includes("chair@nelcp.example"));
    const file = (await admin.get("/dev/outbox").then((r) => r.text())).match(/\/dev\/outbox\/([^"]+\.eml)/)![1];
    const signedOut = await s.client().get("/dev/outbox");
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/sign-in/);
    expect((await s.client().get(`/dev/outbox/${file}`)).status).toBe(302);
    const chair = s.client();
    await chair.signIn("chair@nelcp.example");
    expect((await chair.get("/dev/outbox")).status).toBe(403);
    expect((await chair.get(`/dev/outbox/${file}`)).status).toBe(403);
  });

  it("is off in production and whenever real SMTP is configured", () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { APP_ENV: "development", SMTP_URL: "smtp://127.0.0.1:2525" });
      resetEnvCache();
      expect(outboxEnabled()).toBe(false);
      Object.assign(process.env, {
        APP_ENV: "production",
        SMTP_URL: "",
        SESSION_SECRET: "s".repeat(40),
        AUDIT_CHECKPOINT_KEY: Buffer.alloc(32, 1).toString("base64"),
        APP_URL: "https://governance.example.org",
        DATABASE_URL: "postgres://x@127.0.0.1/x",
        APP_TODAY: "",
      });
      resetEnvCache();
      expect(outboxEnabled()).toBe(false);
    } finally {
      process.env = saved;
      resetEnvCache();
    }
  });
});
