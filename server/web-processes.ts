import cluster, { type Worker } from "node:cluster";

// Several web processes on one machine (WEB_CONCURRENCY, one per CPU): this
// first process only hands the port to its workers (node:cluster) and keeps
// them running. Each worker is a whole web process (server/start.ts) with its
// own database pool; nothing is shared between them but PostgreSQL, as
// between machines (sessions, rate limits, form keys and jobs all live there).
// docs/decisions/0023-one-web-process-per-cpu.md

/** A worker that stops this often within a minute is not restarted again: the machine is failing and its platform should restart it. */
const MOST_RESTARTS_A_MINUTE = 5;
const RESTART_DELAY_MS = 1_000;

export function superviseWebProcesses(count: number, say: (line: string) => void = (line) => console.error(line)) {
  let stopping = false;
  const recentExits: number[] = [];

  const start = () => cluster.fork();
  cluster.on("exit", (worker: Worker, code, signal) => {
    if (stopping) {
      // Ends with the code set when it gave up (1), otherwise 0.
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const now = Date.now();
    recentExits.push(now);
    while (recentExits.length && recentExits[0] < now - 60_000) recentExits.shift();
    say(`web process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`})`);
    if (recentExits.length > MOST_RESTARTS_A_MINUTE) {
      say(`web processes stopped ${recentExits.length} times in a minute: giving up`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
      process.exitCode = 1;
      setTimeout(() => process.exit(1), 20_000).unref();
      return;
    }
    setTimeout(() => {
      if (!stopping) start();
    }, RESTART_DELAY_MS);
  });

  // Stopping: each worker finishes what it is answering (its own SIGTERM handler), then this process ends.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const w of workers) w?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 20_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  for (let i = 0; i < count; i++) start();
}
