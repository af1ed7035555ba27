import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { z } from "zod";
import { openDatabase } from "../client";
import { auditEvents } from "../schema";
import { EnvError, env } from "../../app/platform/env.server";
import { CliError, describeUrl, exitWith, libpqConnection, runTool } from "./postgres-tools";

// npm run db:backup -- --out FILE — a backup of the whole database.
// The job queue (pg-boss's schema) is left out: it is rebuilt on start, and
// messages waiting to go are in reminders_sent, which a starting worker queues again.
// On PostgreSQL (as the owner, MIGRATION_DATABASE_URL, else DATABASE_URL): pg_dump's custom format, restored with db:restore
// (pg_restore). On the embedded database: a .tar.gz of DATA_DIR's database, from
// PGlite's dumpDataDir (stop the app first: two processes must not open it).
// The dump is written to FILE.partial and renamed only once complete, so a
// failed backup never leaves a file that looks good.
// Exit 0 written; 1 the backup failed; 2 asked wrongly (nothing was done).

const usage = `Usage: npm run db:backup -- --out FILE

  --out FILE   where to write the backup (replaced only once the new one is complete)

On PostgreSQL (DATABASE_URL set; it is read as the owner, MIGRATION_DATABASE_URL, when
that is set) FILE is a pg_dump custom-format archive;
on the embedded database (DATA_DIR) it is a .tar.gz of the database directory.
Restore it with npm run db:restore -- --from FILE.`;

const argsSchema = z.object({
  out: z.string({ error: "--out FILE is required: where to write the backup" }).trim().min(1, { error: "--out needs a file name" }),
  help: z.boolean().default(false),
});

function parseCommandLine(argv: string[]) {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`, 2);
  }
  if (values.help) return { help: true as const };
  const result = argsSchema.safeParse(values);
  if (!result.success) throw new CliError(`${result.error.issues.map((i) => i.message).join("\n")}\n\n${usage}`, 2);
  return { help: false as const, out: result.data.out };
}

/** Rows of audit_events in a pg_dump archive, read back from the file itself (which also shows it can be read). */
async function auditEventsInDump(file: string) {
  let rows = 0;
  const result = await runTool("pg_restore", ["--data-only", "--table=audit_events", "--file=-", file], process.env, async (stdout) => {
    let inCopy = false;
    for await (const line of readline.createInterface({ input: stdout, crlfDelay: Infinity })) {
      if (inCopy) {
        if (line === "\\.") inCopy = false;
        else rows += 1;
      } else if (/^COPY (\S+\.)?audit_events /.test(line)) inCopy = true;
    }
  });
  if (result.code !== 0) throw new CliError(`The new backup could not be read back with pg_restore (exit ${result.code}):\n${result.stderr}`, 1);
  return rows;
}

async function backupPostgres(databaseUrl: string, partial: string) {
  const { url, env: childEnv } = libpqConnection(databaseUrl);
  const result = await runTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--exclude-schema=pgboss", `--file=${partial}`, `--dbname=${url}`], childEnv);
  if (result.code !== 0) {
    const hint = /version mismatch/.test(result.stderr) ? "\nUse pg_dump of the server's major version or newer." : "";
    throw new CliError(`pg_dump of ${describeUrl(databaseUrl)} failed (exit ${result.code}):\n${result.stderr}${hint}`, 1);
  }
  return auditEventsInDump(partial);
}

async function backupPglite(dataDir: string, partial: string) {
  const dir = path.resolve(dataDir, "pglite");
  if (!fs.existsSync(path.join(dir, "PG_VERSION")))
    throw new CliError(`There is no embedded database in ${dir} to back up. Set DATA_DIR to the app's data directory, or DATABASE_URL for PostgreSQL.`, 2);
  const handle = openDatabase({ dataDir });
  try {
    const [{ events }] = await handle.db.select({ events: count() }).from(auditEvents);
    await handle.pglite!.exec("checkpoint");
    const tarball = await handle.pglite!.dumpDataDir("gzip");
    fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    return events;
  } finally {
    await handle.close();
  }
}

function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main() {
  const args = parseCommandLine(process.argv.slice(2));
  if (args.help) {
    console.log(usage);
    return 0;
  }
  // npm runs scripts in the package's directory; a relative FILE means the caller's.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
  if (!fs.existsSync(path.dirname(file)) || !fs.statSync(path.dirname(file)).isDirectory())
    throw new CliError(`Cannot write ${file}: the directory ${path.dirname(file)} does not exist.`, 2);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new CliError(`Cannot write ${file}: it is a directory. Give a file name.`, 2);
  const e = env();
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const ownerUrl = e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL;
    const events = ownerUrl ? await backupPostgres(ownerUrl, partial) : await backupPglite(e.DATA_DIR, partial);
    fs.renameSync(partial, file);
    const source = ownerUrl ? describeUrl(ownerUrl) : `the embedded database in ${e.DATA_DIR}`;
    console.log(`Backup written: ${file} (${formatSize(fs.statSync(file).size)}, ${events} audit events) from ${source}.`);
    return 0;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

exitWith(main(), (error) => error instanceof EnvError);
