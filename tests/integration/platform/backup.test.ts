import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { count } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditTrail } from "../../../db/audit";
import { openDatabase } from "../../../db/client";
import { auditEvents, decisions, meetings, users } from "../../../db/schema";
import { createTestDatabase } from "../../helpers/database";
import { databaseUrl } from "../../helpers/templates";

// npm run db:backup / db:restore, run as an operator would, on the run's
// database kind: pg_dump and pg_restore with TEST_DATABASE_URL, PGlite's data
// directory tarball without.

const exec = promisify(execFile);
type Target = { databaseUrl: string | undefined; ownerUrl?: string; dataDir: string; drop(): Promise<void> };
type Result = { code: number; stdout: string; stderr: string };

const onPostgres = inject("templates").kind === "postgres";
const tables = { audit_events: auditEvents, decisions, meetings, users };

function targetEnv(target: Target, extra: Record<string, string> = {}) {
  // As an operator runs them: as the owner (MIGRATION_DATABASE_URL) where the app has a role of its own.
  return { ...process.env, APP_ENV: "test", DATABASE_URL: target.databaseUrl ?? "", MIGRATION_DATABASE_URL: target.ownerUrl ?? "", DATA_DIR: target.dataDir, ...extra };
}

function settle(p: Promise<{ stdout: string; stderr: string }>): Promise<Result> {
  return p.then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

function npmRun(script: "db:backup" | "db:restore", args: string[], target: Target, extra?: Record<string, string>) {
  return settle(exec("npm", ["run", "--silent", script, "--", ...args], { env: targetEnv(target, extra) }));
}

/** A new database with nothing in it: a new PostgreSQL database, or an empty DATA_DIR. */
async function emptyTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-restore-"));
  const templates = inject("templates");
  if (templates.kind === "pglite") return { databaseUrl: undefined, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  const name = `governance_restore_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(templates.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`).finally(() => admin.end());
  return {
    databaseUrl: databaseUrl(templates.adminUrl, name),
    dataDir,
    async drop() {
      const a = postgres(templates.adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`).finally(() => a.end());
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Row counts and the audit chain's verdict (opened and closed again: PGlite allows one process at a time). */
async function inspect(target: Target) {
  const handle = openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    const counts: Record<string, number> = {};
    for (const [name, table] of Object.entries(tables)) counts[name] = (await handle.db.select({ n: count() }).from(table))[0].n;
    return { counts, audit: await verifyAuditTrail(handle.db) };
  } finally {
    await handle.close();
  }
}

describe("db:backup and db:restore", () => {
  const targets: Target[] = [];
  let work: string;
  let backupFile: string;
  let backup: Result;
  let source: Awaited<ReturnType<typeof inspect>>;

  async function track<T extends Target>(target: Promise<T>) {
    const t = await target;
    targets.push(t);
    return t;
  }

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "governance-backups-"));
    const seeded = await track(createTestDatabase("seeded"));
    backupFile = path.join(work, onPostgres ? "governance.dump" : "governance.tar.gz");
    backup = await npmRun("db:backup", ["--out", backupFile], seeded);
    source = await inspect(seeded);
  });

  afterAll(async () => {
    for (const t of targets) await t.drop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("backs up the seeded database to the file, naming its size and audit events, with no partial file left", () => {
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(source.counts.audit_events).toBeGreaterThan(0);
    expect(backup.stdout).toContain(`Backup written: ${backupFile} (`);
    expect(backup.stdout).toMatch(/\(\d+(\.\d)? (KB|MB), /);
    expect(backup.stdout).toContain(`${source.counts.audit_events} audit events`);
    expect(backup.stdout).not.toMatch(/:[^/@\s]+@/); // no password in a URL
    expect(fs.statSync(backupFile).size).toBeGreaterThan(0);
    expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);
    // A pg_dump custom-format archive, or a gzip file.
    expect(fs.readFileSync(backupFile).subarray(0, onPostgres ? 5 : 2).toString("hex")).toBe(onPostgres ? Buffer.from("PGDMP").toString("hex") : "1f8b");
  });

  it("restores into a new, empty database: the same rows, and the audit chain verifies", async () => {
    const target = await track(emptyTarget());
    const result = await npmRun("db:restore", ["--from", backupFile], target);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Restored ${backupFile} into`);
    expect(result.stdout).toContain(`Audit trail intact: ${source.counts.audit_events} events in`);
    const restored = await inspect(target);
    expect(restored.counts).toEqual(source.counts);
    expect(restored.audit).toEqual(source.audit);
    expect(restored.audit.ok).toBe(true);
  });

  it("refuses a database that is not empty without --clean, and changes nothing", async () => {
    const target = await track(createTestDatabase("migrated"));
    const result = await npmRun("db:restore", ["--from", backupFile], target);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(onPostgres ? /The target database postgres:\/\/\S+ is not empty/ : /DATA_DIR already holds a database/);
    expect(result.stderr).toContain("pass --clean");
    expect(result.stdout).not.toContain("Restored");
    const after = await inspect(target);
    expect(Object.values(after.counts)).toEqual([0, 0, 0, 0]);
  });

  it("with --clean replaces what the database held", async () => {
    const target = await track(createTestDatabase("migrated"));
    const result = await npmRun("db:restore", ["--from", backupFile, "--clean"], target);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Audit trail intact");
    expect((await inspect(target)).counts).toEqual(source.counts);
  });

  it("fails on a truncated backup and leaves the target as it was", async () => {
    const truncated = path.join(work, `truncated-${path.basename(backupFile)}`);
    const whole = fs.readFileSync(backupFile);
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const target = await track(createTestDatabase("migrated"));
    const result = await npmRun("db:restore", ["--from", truncated, "--clean"], target);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(onPostgres ? /pg_restore of .* failed .*one transaction, so the target was left as it was/s : /is damaged or incomplete/);
    expect(result.stdout).not.toContain("Restored");
    // The tables are still there (not dropped) and still empty (nothing half-loaded).
    expect(Object.values((await inspect(target)).counts)).toEqual([0, 0, 0, 0]);
  });

  it("a missing file, an unknown argument or no --from is a usage error (exit 2)", async () => {
    const target = await track(emptyTarget());
    const missing = await npmRun("db:restore", ["--from", path.join(work, "no-such.dump")], target);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`Backup file not found: ${path.join(work, "no-such.dump")}`);
    expect(missing.stderr).toContain("Usage: npm run db:restore");

    const unknown = await npmRun("db:restore", ["--from", backupFile, "--force"], target);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--force'");
    expect(unknown.stderr).toContain("Usage: npm run db:restore");

    const none = await npmRun("db:restore", [], target);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--from FILE is required");

    const backupUnknown = await npmRun("db:backup", ["--out", path.join(work, "x"), "--verbose"], target);
    expect(backupUnknown.code).toBe(2);
    expect(backupUnknown.stderr).toContain("Unknown option '--verbose'");
    expect(backupUnknown.stderr).toContain("Usage: npm run db:backup");

    const noOut = await npmRun("db:backup", [], target);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("--out FILE is required");
    expect(fs.readdirSync(work).filter((f) => f.startsWith("x"))).toEqual([]);
  });

  it("names a file that is not a backup of this kind", async () => {
    const target = await track(emptyTarget());
    const text = path.join(work, "notes.txt");
    fs.writeFileSync(text, "not a backup\n");
    const result = await npmRun("db:restore", ["--from", text], target);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${text} is not a backup written by db:backup`);
  });

  it.skipIf(!onPostgres)("in production, --clean also needs --yes-really", async () => {
    const target = await track(createTestDatabase("migrated"));
    const production = { APP_ENV: "production", SESSION_SECRET: "s".repeat(40), AUDIT_CHECKPOINT_KEY: Buffer.alloc(32, 7).toString("base64"), APP_URL: "https://governance.example.org", APP_TODAY: "" };
    const refused = await npmRun("db:restore", ["--from", backupFile, "--clean"], target, production);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("APP_ENV is production: --clean would replace the live data");
    expect(refused.stderr).toContain("--yes-really");
    expect((await inspect(target)).counts.audit_events).toBe(0);
    const confirmed = await npmRun("db:restore", ["--from", backupFile, "--clean", "--yes-really"], target, production);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toContain("Audit trail intact");
  });

  it.skipIf(!onPostgres)("says so when pg_dump is not installed, and leaves no file", async () => {
    // A PATH holding node only.
    const bin = fs.mkdtempSync(path.join(work, "bin-"));
    fs.symlinkSync(process.execPath, path.join(bin, "node"));
    const out = path.join(work, "never.dump");
    const result = await settle(
      exec(process.execPath, ["--import", "tsx", "db/cli/backup.ts", "--out", out], { env: { ...targetEnv(targets[0]), PATH: bin } }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("pg_dump was not found on PATH");
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });
});
