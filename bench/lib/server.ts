import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { BenchDatabase } from "./databases";
import { log, sleep } from "./util";

// The app as production runs it: the built server (npm run build's build/)
// in its own node process, APP_ENV=production, connecting as a role that
// owns nothing, with a heap limit that fits a 512 MB machine. Its resident
// memory is read from /proc while it works.

const root = path.resolve(import.meta.dirname, "..", "..");

/** Builds the app (npm run build) when there is no server build yet, or when asked to. */
export function ensureBuild(force: boolean) {
  if (!force && fs.existsSync(path.join(root, "build", "server", "index.js"))) return;
  log("building the app (npm run build)");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", process.stderr, process.stderr] });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type ServerProcess = {
  pid: number;
  baseUrl: string;
  /** The last of what the process printed (its warnings and errors). */
  output(): string;
  isRunning(): boolean;
  stop(): Promise<void>;
};

export async function startServer(target: BenchDatabase, options: { heapMb: number; logLevel: string; webProcesses: number }): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-bench-server-"));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["APP_TODAY", "SMTP_URL", "METRICS_TOKEN", "DATABASE_URL", "MIGRATION_DATABASE_URL"]) delete env[name];
  Object.assign(env, {
    NODE_ENV: "production",
    APP_ENV: "production",
    DATABASE_URL: target.appUrl,
    MIGRATION_DATABASE_URL: target.ownerUrl,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    AUDIT_CHECKPOINT_KEY: randomBytes(32).toString("base64"),
    APP_URL: baseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    TRUST_PROXY_HEADER: "x-forwarded-for",
    JOBS_IN_WEB: "off",
    LOG_LEVEL: options.logLevel,
    // As fly.toml runs it: this many web processes (server/web-processes.ts), each with the heap limit above.
    WEB_CONCURRENCY: String(options.webProcesses),
  });
  // BENCH_SERVER_NODE_ARGS adds node options to the server's own (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile a page).
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [`--max-old-space-size=${options.heapMb}`, ...extra, "--import", "tsx", "server/start.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-200_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let running = true;
  const exited = new Promise<void>((resolve) => child.on("exit", () => ((running = false), resolve())));
  const stop = async () => {
    if (running) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (!running || Date.now() > deadline) {
      await stop();
      throw new Error(`The server ${running ? "did not answer /healthz within 120 s" : "exited before it answered"}:\n${out.slice(-5000)}`);
    }
    await sleep(200);
  }
  return { pid: child.pid!, baseUrl, output: () => out, isRunning: () => running, stop };
}

/** The resident set of a process, in bytes (VmRSS in /proc/<pid>/status), or null once it has gone. */
export function rssOf(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = status.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

const TICK_MS = 10; // USER_HZ is 100 on Linux: /proc counts CPU time in hundredths of a second

/** CPU time (user + system, ms) a process has used, from /proc/<pid>/stat; 0 once it has gone. */
export function cpuMsOf(pid: number | string): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU time (ms) used so far by every PostgreSQL process on this machine (the server and its backends). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== "postgres") continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** A server process and the web processes it started (its node children: not, say, the esbuild service tsx may start), while they run. */
export function processTree(pid: number): number[] {
  const pids = [pid];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (name === "node" && Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) pids.push(Number(entry));
    } catch {
      // it ended while we looked
    }
  }
  return pids;
}

/** CPU time (ms) used by a server and its web processes. */
export const treeCpuMs = (pid: number) => processTree(pid).reduce((sum, p) => sum + cpuMsOf(p), 0);

/**
 * Samples the server's RSS every 200 ms: the largest single process (each web
 * process must fit the machine size its heap limit is for) and all of them
 * together; the peak overall, and the peak since the last mark.
 */
export class RssSampler {
  peak = 0;
  totalPeak = 0;
  private windowPeak = 0;
  private totalWindowPeak = 0;
  private timer: NodeJS.Timeout;
  constructor(private readonly pid: number, intervalMs = 200) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    this.sample();
  }
  sample() {
    const sizes = processTree(this.pid)
      .map(rssOf)
      .filter((n): n is number => n !== null);
    if (sizes.length === 0) return null;
    const largest = Math.max(...sizes);
    const total = sizes.reduce((a, b) => a + b, 0);
    this.peak = Math.max(this.peak, largest);
    this.windowPeak = Math.max(this.windowPeak, largest);
    this.totalPeak = Math.max(this.totalPeak, total);
    this.totalWindowPeak = Math.max(this.totalWindowPeak, total);
    return { largest, total };
  }
  /** Starts a new window; returns the RSS of all the processes together now. */
  mark(): number {
    const now = this.sample();
    this.windowPeak = now?.largest ?? 0;
    this.totalWindowPeak = now?.total ?? 0;
    return now?.total ?? 0;
  }
  /** The largest single process's peak since the last mark (including a sample taken now). */
  windowMax(): number {
    this.sample();
    return this.windowPeak;
  }
  /** All the processes' peak together since the last mark. */
  totalWindowMax(): number {
    this.sample();
    return this.totalWindowPeak;
  }
  stop() {
    clearInterval(this.timer);
  }
}
