import { z } from "zod";
import { database, openDatabase, setDatabase } from "../db/client";
import { EnvError, env } from "../app/platform/env.server";
import { startBoss } from "./boss";
import { describeTick, runTick } from "./scheduler";

// npm run jobs:tick -- --now 2026-03-31T07:00:00Z
// One scheduling pass for that instant, then delivers what is queued and any
// waiting digests, and exits with a summary. For operators and tests.

const argsSchema = z.object({
  now: z.iso.datetime({ offset: true, error: "--now must be an ISO 8601 instant such as 2026-03-31T07:00:00Z" }).optional(),
});

function parseArgs(argv: string[]) {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--now") args.now = argv[++i] ?? "";
    else if (a.startsWith("--now=")) args.now = a.slice(6);
    else throw new UsageError(`Unknown argument ${a}. Usage: npm run jobs:tick -- [--now 2026-03-31T07:00:00Z]`);
  }
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0].message);
  return { now: parsed.data.now ? new Date(parsed.data.now) : new Date() };
}

class UsageError extends Error {}

async function main() {
  const { now } = parseArgs(process.argv.slice(2));
  const e = env();
  setDatabase(openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR }));
  const handle = database();
  const boss = await startBoss(handle, { cron: false });
  try {
    console.log(describeTick(now, await runTick(handle.db, boss, now)));
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError || error instanceof UsageError ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
