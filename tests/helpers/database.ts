import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

/**
 * A fresh, empty database for one test file: a temporary PGlite directory by
 * default, or a throwaway PostgreSQL database when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-test-"));
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    return {
      kind: "pglite" as const,
      dataDir,
      databaseUrl: undefined,
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `governance_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres" as const,
    dataDir,
    databaseUrl: url.toString(),
    async drop() {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A migrated, empty database opened in this process (no server). */
export async function openMigratedTestDatabase() {
  const { openDatabase } = await import("../../db/client");
  const database = await createTestDatabase();
  const handle = openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
  await handle.migrate();
  return {
    ...database,
    handle,
    db: handle.db,
    async close() {
      await this.handle.close(); // the test may have reopened it
      await database.drop();
    },
  };
}
