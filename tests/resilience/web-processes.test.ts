import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { processTree } from "../../bench/lib/server";
import { startWebProcess, type WebProcess } from "../helpers/app-process";
import { createTestDatabase } from "../helpers/database";
import { HttpClient } from "../helpers/server";
import { sleep } from "./load";

// Two web processes on one machine (WEB_CONCURRENCY=2, as fly.toml runs it):
// both answer, a signed-in person stays signed in whichever answers, one
// killed outright is replaced while the other goes on answering, and
// stopping the first process stops them all.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let web: WebProcess;

/** The web processes the first one started (its children). */
const childrenOf = (pid: number) => processTree(pid).slice(1).sort();

/** CPU time (hundredths of a second) a process has used. */
function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

async function until<T>(what: string, check: () => T | undefined | false, seconds = 60): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${seconds} s for ${what}; the server said:\n${web.output().slice(-3000)}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  web = await startWebProcess(database, { WEB_CONCURRENCY: "2" });
});
afterAll(async () => {
  await web?.stop("SIGKILL");
  await database?.drop();
});

it("two web processes answer, one killed is replaced while the other answers, and stopping the first stops both", async () => {
  const workers = await until("two web processes", () => {
    const pids = childrenOf(web.pid);
    return pids.length === 2 && pids;
  });

  // Signed in once, the chair is answered by whichever process takes each request (the session is in PostgreSQL).
  const chair = new HttpClient(web.baseUrl);
  await chair.signIn("chair@nelcp.example");
  const before = workers.map(cpuTicks);
  const pages = await Promise.all(
    Array.from({ length: 60 }, async () => {
      // A new connection each time, so the first process deals them out to both.
      const res = await chair.get("/p/nelcp", { connection: "close" });
      return { status: res.status, text: await res.text() };
    }),
  );
  expect(pages.map((p) => p.status)).toEqual(pages.map(() => 200));
  expect(pages.every((p) => p.text.includes("North-East London Commissioning Partnership"))).toBe(true);
  const used = workers.map((pid, i) => cpuTicks(pid) - before[i]);
  expect(used.every((ticks) => ticks > 0), `CPU used by each web process: ${used}`).toBe(true);

  // One is killed outright. Once the first process has seen it go (a connection handed to it in that instant is lost),
  // the other answers everything, and a new one takes the place of the killed one.
  process.kill(workers[0], "SIGKILL");
  await until("the first process to see it go", () => web.output().includes(`web process ${workers[0]} stopped (SIGKILL)`));
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${web.baseUrl}/healthz`, { headers: { connection: "close" } });
    expect(res.status).toBe(200);
  }
  const replaced = await until("a new web process", () => {
    const pids = childrenOf(web.pid);
    return pids.length === 2 && !pids.includes(workers[0]) && pids;
  });
  expect(replaced).toContain(workers[1]);
  const again = await chair.get("/p/nelcp", { connection: "close" });
  expect(again.status).toBe(200);

  // Stopping the first process stops every web process, and it ends cleanly.
  await web.stop("SIGTERM");
  expect(await web.exited).toBe(0);
  expect(replaced.filter((pid) => fs.existsSync(`/proc/${pid}`))).toEqual([]);
});
