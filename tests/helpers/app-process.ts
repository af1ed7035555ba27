import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./private-postgres";
import { SCENARIO_TODAY } from "./templates";

// The app as it runs in production: its own node process (the built server,
// `node --import tsx server/start.ts`) or the jobs worker (`jobs/worker.ts`),
// started as node itself so that a signal reaches the process that works.

export type AppProcess = {
  child: ChildProcess;
  pid: number;
  /** Everything the process wrote (its JSON log lines and anything else). */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<number | string | null>;
  isRunning(): boolean;
  stop(signal?: NodeJS.Signals): Promise<void>;
};

function spawnNode(script: string, env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  let running = true;
  const exited = new Promise<number | string | null>((resolve) =>
    child.on("exit", (code, signal) => {
      running = false;
      resolve(code ?? signal);
    }),
  );
  return {
    child,
    pid: child.pid!,
    output: () => out,
    exited,
    isRunning: () => running,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (!running) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A test database (helpers/database.ts): the URL the app connects with and, when it has a role of its own, the owner's. */
export type TestDatabaseUrls = { databaseUrl?: string; ownerUrl?: string };

/** The environment both processes share: the test's today, a data directory of their own, the real (production) React. */
function baseEnv(database: TestDatabaseUrls, dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  if (!database.databaseUrl) throw new Error("The resilience tests run on PostgreSQL: the test database has no URL");
  const owner = database.ownerUrl && database.ownerUrl !== database.databaseUrl ? { MIGRATION_DATABASE_URL: database.ownerUrl } : {};
  return {
    ...process.env,
    // Nothing from the caller's shell decides where mail goes or who migrates.
    SMTP_URL: "",
    MIGRATION_DATABASE_URL: "",
    NODE_ENV: "production",
    APP_ENV: "test",
    DATABASE_URL: database.databaseUrl,
    ...owner,
    DATA_DIR: dataDir,
    APP_TODAY: SCENARIO_TODAY,
    // warn: each 5xx is a "request failed" line, each database outage a "database unavailable" line.
    LOG_LEVEL: "warn",
    ...extra,
  };
}

export type WebProcess = AppProcess & { baseUrl: string; port: number; dataDir: string };

/**
 * The web server in its own process on a free port of this machine, clients'
 * addresses taken from x-forwarded-for (each simulated person has their own).
 * Resolves once /healthz answers 200.
 */
export async function startWebProcess(database: TestDatabaseUrls, extraEnv: Record<string, string> = {}): Promise<WebProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-resilience-web-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = baseEnv(database, dataDir, {
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: baseUrl,
    TRUST_PROXY_HEADER: "x-forwarded-for",
    JOBS_IN_WEB: "off",
    ...extraEnv,
  });
  const app = spawnNode("server/start.ts", env);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (!app.isRunning() || Date.now() > deadline) {
      const what = app.isRunning() ? "did not answer /healthz within 90 s" : "exited before it answered";
      await app.stop("SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`The server ${what}:\n${app.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    ...app,
    baseUrl,
    port,
    dataDir,
    async stop(signal?: NodeJS.Signals) {
      await app.stop(signal);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `npm run jobs:worker` in its own process (pg-boss schedules and workers). */
export function startWorkerProcess(database: TestDatabaseUrls, extraEnv: Record<string, string> = {}): AppProcess & { dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-resilience-worker-"));
  const worker = spawnNode("jobs/worker.ts", baseEnv(database, dataDir, { LOG_LEVEL: "info", ...extraEnv }));
  return {
    ...worker,
    dataDir,
    async stop(signal?: NodeJS.Signals) {
      await worker.stop(signal);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
