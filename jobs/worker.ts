import { database, openDatabase, setDatabase } from "../db/client";
import { EnvError, env } from "../app/platform/env.server";
import { startJobRuntime } from "./runtime";
import { log } from "../app/platform/log.server";
import { requireSafeAppRole, UnsafeRoleError } from "../db/app-role";

// npm run jobs:worker — the long-lived worker process (fly.toml "worker"):
// reminders, delivery, digests and housekeeping on pg-boss schedules.

async function main() {
  const e = env();
  setDatabase(openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR }));
  if (e.APP_ENV === "production") await requireSafeAppRole(database().sql);
  const runtime = await startJobRuntime(database());
  const stop = async () => {
    await runtime.stop();
    await database().close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  log().info("worker running");
}

main().catch((error) => {
  console.error(error instanceof EnvError || error instanceof UnsafeRoleError ? error.message : error);
  process.exit(1);
});
