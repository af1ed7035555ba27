import { database, openDatabase, setDatabase } from "../db/client";
import { EnvError, env } from "../app/env.server";
import { purgeExpired } from "./housekeeping";

// npm run jobs:worker — the long-lived worker process (fly.toml "worker").
// Today it runs housekeeping hourly; the reminders issue adds pg-boss here.
const HOUR = 60 * 60 * 1000;

async function main() {
  const e = env();
  setDatabase(openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR }));
  const tick = async () => {
    try {
      const removed = await purgeExpired(database().db);
      console.log(`housekeeping: removed ${removed.sessions} sessions, ${removed.tokens} links, ${removed.rateLimitWindows} rate-limit windows`);
    } catch (error) {
      console.error("housekeeping failed", error);
    }
  };
  await tick();
  const timer = setInterval(tick, HOUR);
  const stop = async () => {
    clearInterval(timer);
    await database().close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  console.log("worker running");
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
