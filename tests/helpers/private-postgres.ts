import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// A throwaway PostgreSQL cluster of the suite's own (initdb into a temporary
// directory, on a free port, with its unix socket inside that directory), so a
// test may stop and start it at will without touching the machine's shared
// cluster. initdb and pg_ctl refuse to run as root: as root they run as the
// `postgres` OS user (runuser), which then owns the directory.

const run = promisify(execFile);

/** What a test needs to reach and restart the cluster (plain data: it crosses from the global set-up to the test files). */
export type PrivateCluster = {
  root: string;
  dataDir: string;
  socketDir: string;
  logFile: string;
  port: number;
  binDir: string;
  /** The OS user the binaries run as (set when this process is root). */
  osUser: string | null;
  /** The superuser URL of the cluster's `postgres` database. */
  adminUrl: string;
};

/** PostgreSQL's binaries: PG_BIN_DIR, else the newest /usr/lib/postgresql/<version>/bin, else whatever is on PATH. */
function findBinDir() {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : "";
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function command(cluster: Pick<PrivateCluster, "binDir" | "osUser">, bin: string, args: string[]): [string, string[]] {
  const exe = cluster.binDir ? path.join(cluster.binDir, bin) : bin;
  return cluster.osUser ? ["runuser", ["-u", cluster.osUser, "--", exe, ...args]] : [exe, args];
}

/** The environment without PG* variables (CI exports PGHOST, PGPORT, PGUSER for the shared cluster): the private one is addressed explicitly. */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PG")));
}

async function pg(cluster: Pick<PrivateCluster, "binDir" | "osUser">, bin: string, args: string[], timeoutMs = 60_000) {
  const [file, argv] = command(cluster, bin, args);
  try {
    return await run(file, argv, { timeout: timeoutMs, env: cleanEnv() });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${bin} ${args.join(" ")} failed: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

/** A port nothing listens on now (the kernel's choice). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Creates the cluster and starts it; `stopPrivateCluster` stops it and removes every file. */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const binDir = findBinDir();
  const osUser = isRoot() ? "postgres" : null;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-resilience-pg-"));
  const cluster: PrivateCluster = {
    root,
    dataDir: path.join(root, "data"),
    socketDir: path.join(root, "socket"),
    logFile: path.join(root, "postgres.log"),
    port: 0,
    binDir,
    osUser,
    adminUrl: "",
  };
  try {
    fs.mkdirSync(cluster.socketDir);
    if (osUser) {
      const uid = Number(execFileSync("id", ["-u", osUser]).toString().trim());
      const gid = Number(execFileSync("id", ["-g", osUser]).toString().trim());
      for (const p of [root, cluster.socketDir]) fs.chownSync(p, uid, gid);
    }
    await pg(cluster, "initdb", ["-D", cluster.dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
    // Throwaway data: no fsync (a clean `pg_ctl stop` still writes everything out), enough connections for two app processes and the test.
    const settings = [
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${cluster.socketDir}'`,
      "max_connections = 200",
      "shared_buffers = 64MB",
      "fsync = off",
      "full_page_writes = off",
      "logging_collector = off",
      "log_min_messages = warning",
    ];
    fs.appendFileSync(path.join(cluster.dataDir, "postgresql.conf"), `\n# governance resilience suite\n${settings.join("\n")}\n`);
    // A port taken between choosing and starting: choose again.
    for (let attempt = 1; ; attempt++) {
      cluster.port = await freePort();
      cluster.adminUrl = `postgres://postgres@127.0.0.1:${cluster.port}/postgres`;
      try {
        await startCluster(cluster);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    return cluster;
  } catch (error) {
    await stopPrivateCluster(cluster);
    throw error;
  }
}

/** Starts the (stopped) cluster and returns once it accepts connections. */
export async function startCluster(cluster: PrivateCluster) {
  await pg(cluster, "pg_ctl", ["-D", cluster.dataDir, "-l", cluster.logFile, "-o", `-p ${cluster.port}`, "-w", "-t", "60", "start"]);
  await waitUntilReady(cluster);
}

/** Stops the cluster as a restart would: `fast` ends every session and writes a checkpoint. */
export async function stopCluster(cluster: PrivateCluster, mode: "fast" | "immediate" = "fast") {
  await pg(cluster, "pg_ctl", ["-D", cluster.dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
}

/** pg_isready on the cluster's TCP address, polled until it answers (at most `timeoutMs`). */
export async function waitUntilReady(cluster: PrivateCluster, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [file, argv] = command({ binDir: cluster.binDir, osUser: null }, "pg_isready", ["-q", "-h", "127.0.0.1", "-p", String(cluster.port), "-U", "postgres"]);
    const ready = await run(file, argv, { timeout: 5_000, env: cleanEnv() }).then(
      () => true,
      () => false,
    );
    if (ready) return;
    if (Date.now() > until) throw new Error(`The private PostgreSQL on port ${cluster.port} did not accept connections within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stops the cluster (if running) and removes its directory. Never throws: it is clean-up. */
export async function stopPrivateCluster(cluster: PrivateCluster) {
  if (fs.existsSync(path.join(cluster.dataDir, "postmaster.pid"))) {
    await pg(cluster, "pg_ctl", ["-D", cluster.dataDir, "-m", "immediate", "-w", "-t", "30", "stop"]).catch((error: Error) => process.stderr.write(`${error.message}\n`));
  }
  fs.rmSync(cluster.root, { recursive: true, force: true });
}

/** The same, synchronously: for a process that is exiting without having run its clean-up. */
export function stopPrivateClusterNow(cluster: PrivateCluster) {
  try {
    if (fs.existsSync(path.join(cluster.dataDir, "postmaster.pid"))) {
      const [file, argv] = command(cluster, "pg_ctl", ["-D", cluster.dataDir, "-m", "immediate", "-w", "-t", "30", "stop"]);
      execFileSync(file, argv, { stdio: "ignore", env: cleanEnv() });
    }
  } catch {
    // already stopped
  }
  fs.rmSync(cluster.root, { recursive: true, force: true });
}

/** A URL for one database of the cluster. */
export function clusterDatabaseUrl(cluster: PrivateCluster, name: string) {
  return `postgres://postgres@127.0.0.1:${cluster.port}/${name}`;
}
