import { database, openDatabase, setDatabase } from "../db/client";
import { EnvError, env } from "../app/platform/env.server";
import { demoData } from "./demo-data";
import { seedDemoData } from "./seed";
import { setUpDatabase, usesAppRole } from "../db/setup";

// npm run db:seed — loads the demo data (idempotent). Migrate first.
async function main() {
  const e = env();
  setDatabase(openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR }));
  try {
    const settings = { databaseUrl: e.DATABASE_URL, migrationUrl: e.MIGRATION_DATABASE_URL, dataDir: e.DATA_DIR };
    await setUpDatabase(settings, usesAppRole(settings) ? undefined : database());
    const { partnershipsCreated } = await seedDemoData(database().db, demoData);
    console.log(
      partnershipsCreated === 0
        ? "Demo data already present: nothing to add."
        : `Demo data loaded: ${partnershipsCreated} partnerships.`,
    );
  } finally {
    await database().close();
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
