import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { appDatabaseUrl, databaseUrl, type TemplateKind } from "./templates";

/**
 * A database for one test file, copied from the run's template (see
 * templates.ts): "seeded" has the demo data, "migrated" is empty. A
 * temporary PGlite directory by default, or a throwaway PostgreSQL database
 * when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(from: TemplateKind = "seeded") {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-test-"));
  const templates = inject("templates");
  if (templates.kind === "pglite") {
    fs.cpSync(path.join(templates.root, from), dataDir, { recursive: true });
    return {
      kind: "pglite" as const,
      dataDir,
      databaseUrl: undefined,
      ownerUrl: undefined as string | undefined,
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const { adminUrl } = templates;
  const name = `governance_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    // Two files copying the same template at the same moment may briefly see each other: try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.unsafe(`create database ${name} template ${templates.names[from]}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    kind: "postgres" as const,
    dataDir,
    /** What the app connects as: a role that owns nothing. */
    databaseUrl: appDatabaseUrl(adminUrl, name),
    /** The owner, for what only the owner may do (migrations, backups, tampering in tests). */
    ownerUrl: databaseUrl(adminUrl, name) as string | undefined,
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
  const database = await createTestDatabase("migrated");
  const handle = openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
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
