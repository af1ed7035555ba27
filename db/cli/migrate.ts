import { EnvError, env } from "../../app/platform/env.server";
import { setUpDatabase } from "../setup";

// npm run db:migrate — applies the committed SQL migrations (PGlite or
// PostgreSQL) as the owner (MIGRATION_DATABASE_URL, else DATABASE_URL), and
// when the app has a role of its own (DATABASE_URL), creates it if missing and grants it its rights.
async function main() {
  const e = env();
  for (const line of await setUpDatabase({ databaseUrl: e.DATABASE_URL, migrationUrl: e.MIGRATION_DATABASE_URL, dataDir: e.DATA_DIR })) console.log(line);
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
