import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { developmentCheckpointKey, developmentSecret, EnvError, parseEnv } from "../../../app/platform/env.server";

function problems(source: Record<string, string>) {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("environment", () => {
  it("needs nothing to try the app: embedded database, port 3000, local URL", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATA_DIR).toMatch(/data$/);
  });

  it("listens on this machine only, outside production, unless HOST says otherwise", () => {
    expect(parseEnv({}).HOST).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(parseEnv({ APP_ENV: "production", SESSION_SECRET: "x".repeat(40), APP_URL: "https://g.example", DATABASE_URL: "postgres://u@h/d", AUDIT_CHECKPOINT_KEY: "B".repeat(43) + "=" }).HOST).toBe("0.0.0.0");
  });

  it("makes a random development secret on first start, keeps it in DATA_DIR, and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secret-"));
    const first = developmentSecret(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(developmentSecret(dir)).toBe(first);
    expect(fs.statSync(path.join(dir, "session-secret")).mode & 0o077).toBe(0); // its owner's alone
    expect(developmentSecret(fs.mkdtempSync(path.join(os.tmpdir(), "secret-")))).not.toBe(first);
    expect(parseEnv({}).SESSION_SECRET).toBe(""); // nothing public to fall back on
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: " " }).DATABASE_URL).toBeUndefined();
  });

  it("says precisely what is wrong with each malformed value", () => {
    const found = problems({
      DATABASE_URL: "mysql://localhost/db",
      SMTP_URL: "http://mail",
      APP_URL: "not a url",
      PORT: "eighty",
      SESSION_SECRET: "short",
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DATABASE_URL: .*PostgreSQL URL/),
        expect.stringMatching(/^SMTP_URL: .*smtp:\/\//),
        expect.stringMatching(/^APP_URL: .*http\(s\) URL/),
        expect.stringMatching(/^PORT: .*whole number/),
        expect.stringMatching(/^SESSION_SECRET: .*at least 32/),
      ]),
    );
  });

  it("rejects a port out of range", () => {
    expect(problems({ PORT: "70000" })).toEqual([expect.stringMatching(/^PORT: /)]);
  });

  it("requires the secret, the public URL, PostgreSQL and the checkpoint key in production", () => {
    expect(problems({ APP_ENV: "production" })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SESSION_SECRET: .*required in production/),
        expect.stringMatching(/^APP_URL: .*required in production/),
        expect.stringMatching(/^DATABASE_URL: .*required in production/),
        expect.stringMatching(/^AUDIT_CHECKPOINT_KEY: .*required in production/),
      ]),
    );
  });

  it("accepts a complete production environment", () => {
    const env = parseEnv({
      APP_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      APP_URL: "https://governance.example.org/",
      DATABASE_URL: "postgres://app:secret@db.internal:5432/governance",
      MIGRATION_DATABASE_URL: "postgres://owner:secret@db.internal:5432/governance",
      AUDIT_CHECKPOINT_KEY: Buffer.alloc(32, 1).toString("base64"),
      SMTP_URL: "smtps://user:pass@smtp.example.org:465",
      PORT: "8080",
    });
    expect(env.APP_URL).toBe("https://governance.example.org");
    expect(env.PORT).toBe(8080);
  });

  it("accepts a pinned date for tests and demonstrations, but never in production", () => {
    expect(parseEnv({ APP_TODAY: "2026-11-22" }).APP_TODAY).toBe("2026-11-22");
    expect(problems({ APP_TODAY: "22/11/2026" })).toEqual([expect.stringMatching(/^APP_TODAY: .*YYYY-MM-DD/)]);
    expect(
      problems({
        APP_ENV: "production",
        APP_TODAY: "2026-11-22",
        SESSION_SECRET: "s".repeat(40),
        APP_URL: "https://governance.example.org",
        DATABASE_URL: "postgres://x@127.0.0.1/x",
        AUDIT_CHECKPOINT_KEY: Buffer.alloc(32, 1).toString("base64"),
      }),
    ).toEqual([expect.stringMatching(/^APP_TODAY: .*must not be set in production/)]);
  });

  it("takes a checkpoint key of exactly 32 bytes in base64, and says how to make one otherwise", () => {
    expect(parseEnv({ AUDIT_CHECKPOINT_KEY: Buffer.alloc(32, 9).toString("base64") }).AUDIT_CHECKPOINT_KEY).toBe(Buffer.alloc(32, 9).toString("base64"));
    for (const bad of [Buffer.alloc(31, 9).toString("base64"), Buffer.alloc(33, 9).toString("base64"), "not a key at all", "x".repeat(44)])
      expect(problems({ AUDIT_CHECKPOINT_KEY: bad }), bad).toEqual([expect.stringMatching(/^AUDIT_CHECKPOINT_KEY: .*32 random bytes .*openssl rand -base64 32/)]);
    expect(problems({ MIGRATION_DATABASE_URL: "mysql://x" })).toEqual([expect.stringMatching(/^MIGRATION_DATABASE_URL: .*PostgreSQL URL/)]);
  });

  it("makes a development checkpoint key once per data directory, readable by its owner only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "checkpoint-key-"));
    const first = developmentCheckpointKey(dir);
    expect(Buffer.from(first, "base64")).toHaveLength(32);
    expect(developmentCheckpointKey(dir)).toBe(first);
    expect(fs.statSync(path.join(dir, "audit-checkpoint-key")).mode & 0o777).toBe(0o600);
    expect(developmentCheckpointKey(fs.mkdtempSync(path.join(os.tmpdir(), "checkpoint-key-")))).not.toBe(first);
  });

  it("runs one web process unless WEB_CONCURRENCY asks for more, which needs PostgreSQL", () => {
    expect(parseEnv({}).WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({ WEB_CONCURRENCY: "2", DATABASE_URL: "postgres://u@h/d" }).WEB_CONCURRENCY).toBe(2);
    expect(parseEnv({ WEB_CONCURRENCY: "1" }).WEB_CONCURRENCY).toBe(1);
    for (const bad of ["0", "17", "two", "1.5", "-1"]) expect(problems({ WEB_CONCURRENCY: bad, DATABASE_URL: "postgres://u@h/d" }), bad).toEqual(["WEB_CONCURRENCY: WEB_CONCURRENCY must be a whole number of web processes from 1 to 16"]);
    expect(problems({ WEB_CONCURRENCY: "2" })).toEqual(["WEB_CONCURRENCY: WEB_CONCURRENCY above 1 needs PostgreSQL (DATABASE_URL): the embedded database admits one process"]);
  });
});
