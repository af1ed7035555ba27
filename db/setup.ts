import { startBoss } from "../jobs/boss";
import { grantAppRole, roleOf } from "./app-role";
import { openDatabase, type DatabaseHandle } from "./client";

// Bringing a database up to date, as its owner: the committed migrations,
// pg-boss's schema and queues, and — when the app connects as a role of its
// own — that role's grants. The release command (db:migrate) runs it once per
// deploy; outside production the web process runs it on start.

export type DatabaseSettings = { databaseUrl?: string; migrationUrl?: string; dataDir: string };

/** Whether the app connects as a role other than the owner's (PostgreSQL with both URLs, naming different roles). */
export function usesAppRole(s: DatabaseSettings): s is DatabaseSettings & { databaseUrl: string; migrationUrl: string } {
  return Boolean(s.databaseUrl && s.migrationUrl && roleOf(s.databaseUrl) !== roleOf(s.migrationUrl));
}

/** Migrates (as the owner) and prepares the app's role; returns what it did, in words. */
export async function setUpDatabase(s: DatabaseSettings, owner?: DatabaseHandle): Promise<string[]> {
  const handle = owner ?? openDatabase({ databaseUrl: s.migrationUrl ?? s.databaseUrl, dataDir: s.dataDir, forMigrations: true });
  try {
    await handle.migrate().catch((error: Error & { cause?: { code?: string } }) => {
      if (error.cause?.code !== "42501") throw error;
      throw new Error(
        `The database role in ${s.migrationUrl ? "MIGRATION_DATABASE_URL" : "DATABASE_URL"} may not create tables, so it cannot migrate. ` +
          "Set MIGRATION_DATABASE_URL to the owner of the database (the app keeps its own role in DATABASE_URL).",
        { cause: error },
      );
    });
    const done = [`Migrations applied (${handle.kind === "postgres" ? "PostgreSQL" : `embedded database in ${s.dataDir}`}).`];
    if (!usesAppRole(s)) return done;
    // pg-boss creates its tables and queues on first start; the app's role could not (it owns nothing).
    const boss = await startBoss(handle, { cron: false });
    await boss.stop({ graceful: false, wait: true });
    const { role, created } = await grantAppRole(handle.sql!, s.databaseUrl);
    done.push(`The app's role ${role} ${created ? "was created and " : ""}may read and write rows, and only add audit events and checkpoints.`);
    return done;
  } finally {
    if (!owner) await handle.close();
  }
}
