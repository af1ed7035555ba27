import { execFile } from "node:child_process";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../helpers/database";

const run = promisify(execFile);

// The first time the scheduler runs against a database, pg-boss creates its
// schema and queues. Two processes starting together (a deploy's worker and
// an operator's tick) must both come up, not deadlock or fail on each other's
// half-made tables. PostgreSQL only: PGlite is one process. With a role of
// its own the app finds pg-boss installed by the migrations; this is the
// database of an installation with one role, where the first tick installs it.

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("the scheduler's first start", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase("migrated");
    const owner = postgres(database.ownerUrl!, { max: 1, onnotice: () => {} });
    await owner`drop schema if exists pgboss cascade`.finally(() => owner.end());
  });
  afterAll(() => database?.drop());

  it("two jobs:tick processes on a fresh database both finish, and the queues exist once", async () => {
    const tick = () =>
      run("node", ["--import", "tsx", "jobs/tick.ts", "--now", "2026-12-01T07:00:00Z"], {
        env: { ...process.env, DATABASE_URL: database.ownerUrl, APP_ENV: "test", SMTP_URL: "smtp://127.0.0.1:9" },
        timeout: 60_000,
      });
    const results = await Promise.allSettled([tick(), tick(), tick()]);
    for (const result of results) {
      expect(result.status, result.status === "rejected" ? String((result.reason as { stderr?: string }).stderr ?? result.reason) : "").toBe("fulfilled");
    }
    const sql = postgres(database.ownerUrl!, { max: 1, onnotice: () => {} });
    try {
      const queues = await sql<{ name: string }[]>`select name from pgboss.queue order by name`;
      expect(queues.length).toBeGreaterThan(0);
      expect(new Set(queues.map((q) => q.name)).size).toBe(queues.length);
    } finally {
      await sql.end();
    }
  });
});
