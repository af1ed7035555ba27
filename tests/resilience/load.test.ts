import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { verifyAuditTrail } from "../../db/audit";
import { startWebProcess, type WebProcess } from "../helpers/app-process";
import { createTestDatabase } from "../helpers/database";
import { findWrites, loadTargets, percentile, runLoad, signInClients, statusTally, type Outcome } from "./load";

// Load: 50 people at once for 60 s (RESILIENCE_SECONDS, RESILIENCE_CLIENTS),
// reading the pages they use and writing through the real forms, against the
// built server in its own process on PostgreSQL. Not one answer may be a 5xx
// or go unanswered, and every write answered with success must be in the
// database, once.

const SECONDS = Number(process.env.RESILIENCE_SECONDS ?? 60);
const CLIENTS = Number(process.env.RESILIENCE_CLIENTS ?? 50);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let web: WebProcess;
let handle: DatabaseHandle;
let scratch: string;

beforeAll(async () => {
  database = await createTestDatabase();
  web = await startWebProcess(database);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "governance-resilience-test-"));
  handle = openDatabase({ databaseUrl: database.databaseUrl, dataDir: scratch });
});
afterAll(async () => {
  await handle?.close();
  await web?.stop();
  await database?.drop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

it(`${CLIENTS} clients reading and writing for ${SECONDS} s get no 5xx, and every write they were told succeeded is in the database`, async () => {
  const outcomes: Outcome[] = [];
  const clients = await signInClients(web.baseUrl, CLIENTS, (o) => outcomes.push(o));
  const targets = await loadTargets(handle.db);
  const started = Date.now();
  const { writes } = await runLoad({ clients, targets, until: started + SECONDS * 1000 }, outcomes);
  const elapsed = (Date.now() - started) / 1000;

  const found = await findWrites(handle.db, writes);
  const audit = await verifyAuditTrail(handle.db);
  const serverErrors = outcomes.filter((o) => o.status >= 500);
  const unanswered = outcomes.filter((o) => o.status === 0);
  // Reads answer 200, sign-ins and writes 302; a write that lost a race with another person's save is a 409 conflict.
  const unexpected = outcomes.filter((o) => !(o.method === "GET" ? [200] : [302, 409]).includes(o.status));
  const succeeded = outcomes.filter((o) => o.status === 200 || o.status === 302);
  const ms = outcomes.map((o) => o.endedAt - o.startedAt);
  console.log(
    [
      `Resilience — load: ${CLIENTS} clients for ${elapsed.toFixed(0)} s against the server in its own process (pid ${web.pid})`,
      `  requests ${outcomes.length} (${(outcomes.length / elapsed).toFixed(1)}/s), successes ${succeeded.length}, 5xx ${serverErrors.length}, unanswered ${unanswered.length}`,
      `  by status: ${statusTally(outcomes)}`,
      `  latency ms: p50 ${percentile(ms, 50)}, p95 ${percentile(ms, 95)}, p99 ${percentile(ms, 99)}, max ${Math.max(...ms)}`,
      `  successful writes ${writes.length} (${writes.filter((w) => w.kind === "action update").length} action updates, ${writes.filter((w) => w.kind === "decision proposal").length} decision proposals), conflicts ${outcomes.filter((o) => o.status === 409).length}; found once each: ${found.filter((f) => f.rows === 1).length}/${found.length}`,
      `  audit chain: ${audit.ok ? `verifies (${audit.events} events)` : `BROKEN at ${JSON.stringify(audit)}`}`,
    ].join("\n"),
  );

  expect(serverErrors, web.output().slice(-5000)).toEqual([]);
  expect(unanswered).toEqual([]);
  expect(unexpected).toEqual([]);
  expect(writes.length).toBeGreaterThan(0);
  expect(found.filter((f) => f.rows !== 1)).toEqual([]);
  expect(audit.ok).toBe(true);
  expect(web.isRunning()).toBe(true);
});
