import { log } from "../app/platform/log.server";
import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "../db/client";
import { jobQueues } from "../app/platform/job-names";

// pg-boss on either database: on PostgreSQL with its own small pool; on the
// embedded PGlite through its `db` adapter, in the same process (PGlite
// allows one process per data directory).

export const queues = {
  schedule: "reminders-schedule", // the hourly scheduling pass
  deliver: "reminders-deliver", // one job per message
  sweep: "reminders-sweep", // every minute: queue messages recorded by the pages, and retries that are due
  digest: "reminders-digest", // daily digests of non-urgent reminders
  housekeeping: "housekeeping",
  ...jobQueues, // jobs the pages send (the scrutiny pack)
} as const;

/** pg-boss's `db` adapter for PGlite: `exec` for plain SQL (several statements), `query` when there are parameters. */
export function pgliteAdapter(pg: PGlite) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      if (values && values.length) return pg.query(text, values as never[]);
      const results = await pg.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

export async function startBoss(handle: DatabaseHandle, options: { cron: boolean }) {
  const common = { supervise: options.cron, schedule: options.cron, migrate: true } as const;
  const boss =
    handle.kind === "pglite"
      ? new PgBoss({ db: pgliteAdapter(handle.pglite!), ...common })
      : new PgBoss({ connectionString: handle.connectionString!, max: 4, ...common });
  boss.on("error", (error) => log().error({ err: error }, "pg-boss error"));
  // pg-boss's first start creates its schema and queues; two processes doing
  // that at once can deadlock. One at a time, under an advisory lock.
  await withSetUpLock(handle, async () => {
    await boss.start();
    for (const name of Object.values(queues)) await boss.createQueue(name);
  });
  return boss;
}

/** Runs set-up while holding a PostgreSQL advisory lock (PGlite has one process, so needs none). */
async function withSetUpLock(handle: DatabaseHandle, work: () => Promise<void>) {
  if (handle.kind !== "postgres" || !handle.sql) return work();
  const connection = await handle.sql.reserve();
  try {
    await connection`select pg_advisory_lock(hashtextextended('partnership-governance:pg-boss-set-up', 0))`;
    await work();
  } finally {
    await connection`select pg_advisory_unlock(hashtextextended('partnership-governance:pg-boss-set-up', 0))`.catch(() => {});
    connection.release();
  }
}
