import { database, openDatabase, setDatabase } from "../client";
import { verifyAuditTrail } from "../audit";
import { EnvError, env } from "../../app/platform/env.server";

// npm run audit:verify — walks every audit chain. Exit 0 and the count when
// intact; exit 1 naming the first bad event when not.
async function main() {
  const e = env();
  setDatabase(openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR }));
  try {
    const result = await verifyAuditTrail(database().db);
    if (result.ok) {
      console.log(`Audit trail intact: ${result.events} events in ${result.chains} chains.`);
      return 0;
    }
    console.error(
      `Audit trail BROKEN at event ${result.badEventId} (chain ${result.chain}, sequence ${result.seq}): ${result.problem}.`,
    );
    console.error(`${result.events} events before it verified.`);
    return 1;
  } finally {
    await database().close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof EnvError ? error.message : error);
    process.exit(2);
  },
);
