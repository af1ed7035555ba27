import { database, openDatabase, setDatabase } from "../client";
import { EnvError, env } from "../../app/platform/env.server";

// npm run db:migrate — applies the committed SQL migrations (PGlite or PostgreSQL).
async function main() {
  const e = env();
  setDatabase(openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR }));
  try {
    await database().migrate();
    console.log(`Migrations applied (${database().kind === "postgres" ? "PostgreSQL" : `embedded database in ${e.DATA_DIR}`}).`);
  } finally {
    await database().close();
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
