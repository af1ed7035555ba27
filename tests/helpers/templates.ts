import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

// One migrated and one seeded database per test run, built once by the global
// set-up and copied for each test file: a directory copy on PGlite, CREATE
// DATABASE … TEMPLATE on PostgreSQL. Migrating and seeding each file's own
// database took most of the suite's time.

export type TemplateKind = "migrated" | "seeded";
export type Templates = { kind: "pglite"; root: string } | { kind: "postgres"; adminUrl: string; names: Record<TemplateKind, string> };

/** The day the demo data's scenario is set on: the board problems it shows are judged as of this date. */
export const SCENARIO_TODAY = "2026-11-22";

export async function buildTemplates(): Promise<Templates> {
  // The seed dates some records relative to the app's today; templates are built as of the scenario day.
  const saved = { APP_TODAY: process.env.APP_TODAY, APP_ENV: process.env.APP_ENV };
  Object.assign(process.env, { APP_TODAY: SCENARIO_TODAY, APP_ENV: "test" });
  try {
    return await build();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    (await import("../../app/platform/env.server")).resetEnvCache();
  }
}

async function build(): Promise<Templates> {
  const { openDatabase } = await import("../../db/client");
  const { seedDemoData } = await import("../../seeds/seed");
  const { demoData } = await import("../../seeds/demo-data");
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-templates-"));
    const migrated = openDatabase({ dataDir: path.join(root, "migrated") });
    await migrated.migrate();
    await migrated.close();
    fs.cpSync(path.join(root, "migrated"), path.join(root, "seeded"), { recursive: true });
    const seeded = openDatabase({ dataDir: path.join(root, "seeded") });
    await seedDemoData(seeded.db, demoData);
    await seeded.close();
    return { kind: "pglite", root };
  }
  const { setUpDatabase } = await import("../../db/setup");
  const stamp = `${Date.now()}_${process.pid}`;
  const names = { migrated: `governance_template_${stamp}_migrated`, seeded: `governance_template_${stamp}_seeded` };
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${names.migrated}`);
    // As in production: the owner migrates and grants the app's role, which the tests' servers connect as.
    await setUpDatabase({ migrationUrl: databaseUrl(adminUrl, names.migrated), databaseUrl: appDatabaseUrl(adminUrl, names.migrated), dataDir: os.tmpdir() });
    await admin.unsafe(`create database ${names.seeded} template ${names.migrated}`);
    const seeded = openDatabase({ databaseUrl: appDatabaseUrl(adminUrl, names.seeded), dataDir: os.tmpdir() });
    await seedDemoData(seeded.db, demoData);
    await seeded.close();
  } finally {
    await admin.end();
  }
  return { kind: "postgres", adminUrl, names };
}

export async function dropTemplates(templates: Templates) {
  if (templates.kind === "pglite") {
    fs.rmSync(templates.root, { recursive: true, force: true });
    return;
  }
  const admin = postgres(templates.adminUrl, { max: 1, onnotice: () => {} });
  for (const name of Object.values(templates.names)) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}

export function databaseUrl(adminUrl: string, name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The role the app connects as in the PostgreSQL tests: it owns nothing (db/app-role.ts). */
export const TEST_APP_ROLE = "governance_test_app";

/** The database's URL as the app's role sees it (the owner's URL with the app's user name). */
export function appDatabaseUrl(adminUrl: string, name: string) {
  const url = new URL(databaseUrl(adminUrl, name));
  url.username = TEST_APP_ROLE;
  url.password = "";
  return url.toString();
}
