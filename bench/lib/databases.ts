import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { resetEnvCache } from "../../app/platform/env.server";
import { openDatabase } from "../../db/client";
import { setUpDatabase } from "../../db/setup";
import { demoData } from "../../seeds/demo-data";
import { seedDemoData } from "../../seeds/seed";
import { log, seconds } from "./util";

// The bench's databases on one PostgreSQL server, reached through an admin
// URL (a role that may create databases; the machine's postgres superuser).
// Each is set up exactly as the app's own start-up and release command do it
// (db/setup.ts: migrations as the owner, pg-boss's schema, the app's own role
// and its grants), then the demo is seeded (seeds/seed.ts) as of today. They
// are kept between runs: a bench.dataset row marks one as complete.

/** The role the bench's server connects as: it owns nothing, as production requires (db/app-role.ts). */
export const BENCH_APP_ROLE = "bench_app";

export type BenchDatabase = {
  name: string;
  /** The owner of the tables (the admin role), for migrations and bulk loading. */
  ownerUrl: string;
  /** The app's role, for the server and the seed. */
  appUrl: string;
};

export function databaseUrl(adminUrl: string, name: string, role?: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (role) {
    url.username = role;
    url.password = "";
  }
  return url.toString();
}

export function benchDatabase(adminUrl: string, name: string): BenchDatabase {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`The bench only creates databases named bench_…, not ${name}`);
  return { name, ownerUrl: databaseUrl(adminUrl, name), appUrl: databaseUrl(adminUrl, name, BENCH_APP_ROLE) };
}

export const adminClient = (url: string, connection: Record<string, string> = {}) => postgres(url, { max: 1, onnotice: () => {}, connection });

/** What the marker row says about a complete dataset, or null when the database is missing or unfinished. */
export async function datasetMarker(adminUrl: string, name: string): Promise<Record<string, unknown> | null> {
  const admin = adminClient(adminUrl);
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) return null;
  } finally {
    await admin.end();
  }
  const db = adminClient(databaseUrl(adminUrl, name));
  try {
    const [table] = await db`select to_regclass('bench.dataset') as t`;
    if (!table.t) return null;
    const [row] = await db`select info from bench.dataset where complete`;
    return (row?.info as Record<string, unknown>) ?? null;
  } finally {
    await db.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string) {
  if (!name.startsWith("bench_")) throw new Error(`Refusing to drop ${name}: the bench drops only its own bench_… databases`);
  const admin = adminClient(adminUrl);
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database with the app's schema and the demo data, as the app
 * itself would make it: created, migrated by the owner with the app's role
 * granted (db/setup.ts), the demo seeded through the app's role as of today.
 */
export async function createSeededDatabase(adminUrl: string, target: BenchDatabase) {
  await dropDatabase(adminUrl, target.name);
  const admin = adminClient(adminUrl);
  try {
    await admin.unsafe(`create database ${target.name}`);
  } finally {
    await admin.end();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-bench-setup-"));
  try {
    let t = performance.now();
    for (const line of await setUpDatabase({ migrationUrl: target.ownerUrl, databaseUrl: target.appUrl, dataDir })) log(line);
    log(`${target.name}: migrated in ${seconds(performance.now() - t)}`);
    t = performance.now();
    const handle = openDatabase({ databaseUrl: target.appUrl, dataDir });
    try {
      const { partnershipsCreated } = await seedDemoData(handle.db, demoData);
      log(`${target.name}: demo seeded (${partnershipsCreated} partnerships) in ${seconds(performance.now() - t)}`);
    } finally {
      await handle.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Marks a database complete, with what it holds. */
export async function markComplete(ownerUrl: string, info: Record<string, unknown>) {
  const db = adminClient(ownerUrl);
  try {
    await db`create schema if not exists bench`;
    await db`create table if not exists bench.dataset (complete boolean not null, info jsonb not null, made_at timestamptz not null default now())`;
    await db`delete from bench.dataset`;
    await db`insert into bench.dataset (complete, info) values (true, ${db.json(info as postgres.JSONValue)})`;
  } finally {
    await db.end();
  }
}

/**
 * The environment the seed (and anything else of the app's run in this
 * process) reads: the app's clock is the real today, as in production, and
 * nothing is written under ./data.
 */
export function useBenchProcessEnv(appUrl: string, dataDir: string, secrets: { sessionSecret: string; checkpointKey: string }) {
  delete process.env.APP_TODAY;
  Object.assign(process.env, {
    APP_ENV: "development",
    DATABASE_URL: appUrl,
    DATA_DIR: dataDir,
    SESSION_SECRET: secrets.sessionSecret,
    AUDIT_CHECKPOINT_KEY: secrets.checkpointKey,
    LOG_LEVEL: "warn",
    JOBS_IN_WEB: "off",
  });
  resetEnvCache();
}
