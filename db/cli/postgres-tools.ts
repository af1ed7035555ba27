import { spawn } from "node:child_process";

// What db:backup and db:restore share: their error with an exit code, how a
// connection is named in messages, and how PostgreSQL's client tools run.

/** A failure the CLI reports in its own words: exit 1 it failed, 2 it was asked wrongly (nothing was done). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** The connection without its password, for messages. */
export function describeUrl(url: string) {
  const u = new URL(url);
  return `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ""}${u.host}${u.pathname}`;
}

/** The URL for libpq without the password, which goes in PGPASSWORD instead (never on a command line `ps` shows). */
export function libpqConnection(url: string) {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = "";
  return { url: u.toString(), env: { ...process.env, ...(password !== undefined ? { PGPASSWORD: password } : {}) } };
}

/** Runs a PostgreSQL client tool; its stderr is collected for the message if it fails; `onStdout` reads what it prints. */
export function runTool(tool: string, args: string[], childEnv: NodeJS.ProcessEnv, onStdout?: (stdout: NodeJS.ReadableStream) => Promise<void>) {
  return new Promise<{ code: number; stderr: string }>((resolve, reject) => {
    const child = spawn(tool, args, { env: childEnv, stdio: ["ignore", onStdout ? "pipe" : "ignore", "pipe"] });
    let stderr = "";
    let settled = false;
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    const reading = onStdout ? onStdout(child.stdout!) : Promise.resolve();
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      reject(
        error.code === "ENOENT"
          ? new CliError(`${tool} was not found on PATH. Install the PostgreSQL client tools (the server's major version or newer), e.g. apt-get install postgresql-client-15.`, 1)
          : error,
      );
    });
    child.on("close", (code) => {
      if (settled) return;
      settled = true;
      reading.then(() => resolve({ code: code ?? 1, stderr: stderr.trim() }), reject);
    });
  });
}

/** Ends the process as the CLI's contract says: its own errors with their code and message, others as failures. */
export function exitWith(run: Promise<number>, isUsageError: (error: unknown) => boolean) {
  run.then(
    (code) => process.exit(code),
    (error) => {
      if (error instanceof CliError) {
        console.error(error.message);
        process.exit(error.exitCode);
      }
      const usage = isUsageError(error);
      console.error(usage ? (error as Error).message : error);
      process.exit(usage ? 2 : 1);
    },
  );
}
