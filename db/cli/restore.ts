import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { z } from "zod";
import { verifyAuditTrail } from "../audit";
import { openDatabase } from "../client";
import { EnvError, env } from "../../app/platform/env.server";
import { setUpDatabase } from "../setup";
import { CliError, describeUrl, exitWith, libpqConnection, runTool } from "./postgres-tools";

// npm run db:restore -- --from FILE [--clean] — loads a db:backup file, then
// verifies every audit chain in what was restored.
// On PostgreSQL (as the owner, MIGRATION_DATABASE_URL, else DATABASE_URL;
// the app's own role is granted its rights again after): pg_restore in one transaction, so a failed or
// truncated restore leaves the target as it was. On the embedded database: the
// tarball is loaded beside DATA_DIR's database and swapped in once complete
// (stop the app first). Without --clean the target must be empty.
// Exit 0 restored and the audit trail intact; 1 the restore failed or the
// trail is broken; 2 asked wrongly (nothing was done).

const usage = `Usage: npm run db:restore -- --from FILE [--clean] [--yes-really]

  --from FILE    a backup written by npm run db:backup
  --clean        replace what the target database already holds (otherwise it must be empty)
  --yes-really   also required with --clean when APP_ENV=production

The target is DATABASE_URL (PostgreSQL, restored as the owner in MIGRATION_DATABASE_URL
when that is set), or the embedded database in DATA_DIR.`;

const argsSchema = z.object({
  from: z.string({ error: "--from FILE is required: the backup to restore" }).trim().min(1, { error: "--from needs a file name" }),
  clean: z.boolean().default(false),
  "yes-really": z.boolean().default(false),
});

function parseCommandLine(argv: string[]) {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: "string" }, clean: { type: "boolean" }, "yes-really": { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`, 2);
  }
  if (values.help) return undefined;
  const { help: _help, ...rest } = values;
  const result = argsSchema.safeParse(rest);
  if (!result.success) throw new CliError(`${result.error.issues.map((i) => i.message).join("\n")}\n\n${usage}`, 2);
  return { from: result.data.from, clean: result.data.clean, yesReally: result.data["yes-really"] };
}

const PG_DUMP_MAGIC = "PGDMP";
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

function fileStart(file: string) {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(5);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, 5, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** The user tables, views, sequences and extra schemas in the target: empty means none. */
async function objectsIn(sql: postgres.Sql) {
  const rows = await sql<{ name: string }[]>`
    select n.nspname || '.' || c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp)'
       and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
    union all
    select 'schema ' || nspname from pg_namespace where nspname not in ('public', 'information_schema') and nspname !~ '^pg_'
    order by 1`;
  return rows.map((r) => r.name);
}

async function restorePostgres(databaseUrl: string, file: string, clean: boolean) {
  const target = describeUrl(databaseUrl);
  const start = fileStart(file);
  if (start.subarray(0, 2).equals(GZIP_MAGIC))
    throw new CliError(`${file} is a backup of the embedded database (.tar.gz), not a pg_dump archive: restore it with DATABASE_URL unset.`, 2);
  if (start.toString("latin1") !== PG_DUMP_MAGIC) throw new CliError(`${file} is not a backup written by db:backup (a pg_dump custom-format archive starts with ${PG_DUMP_MAGIC}).`, 2);

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  let objects: string[];
  try {
    objects = await objectsIn(sql);
  } catch (error) {
    throw new CliError(`Cannot read the target database ${target}: ${(error as Error).message}`, 1);
  } finally {
    await sql.end({ timeout: 5 });
  }
  if (objects.length > 0 && !clean)
    throw new CliError(
      `The target database ${target} is not empty (${objects.length} objects, such as ${objects.slice(0, 3).join(", ")}). ` +
        "Nothing was restored. Restore into a new, empty database, or pass --clean to replace what it holds.",
      2,
    );

  const { url, env: childEnv } = libpqConnection(databaseUrl);
  const args = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", ...(clean ? ["--clean", "--if-exists"] : []), `--dbname=${url}`, file];
  const result = await runTool("pg_restore", args, childEnv);
  if (result.code !== 0) {
    const hint = /unsupported version/.test(result.stderr) ? "\nUse pg_restore of the version that wrote the backup or newer." : "";
    throw new CliError(
      `pg_restore of ${file} into ${target} failed (exit ${result.code}); it ran in one transaction, so the target was left as it was:\n${result.stderr}${hint}`,
      1,
    );
  }
  if (result.stderr) console.error(result.stderr);
  return target;
}

/** Why a tar archive is not a whole database directory, or undefined when it is. */
function tarProblem(tar: Buffer) {
  let offset = 0;
  let hasVersion = false;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) return hasVersion ? undefined : "it holds no PG_VERSION file, so it is not a database directory";
    const field = (from: number, to: number) => header.subarray(from, to).toString("utf8").replace(/\0[\s\S]*$/, "");
    const ustar = field(257, 262) === "ustar";
    const name = (ustar && field(345, 500) ? `${field(345, 500)}/` : "") + field(0, 100);
    const size = parseInt(field(124, 136).trim() || "0", 8);
    if (!Number.isFinite(size)) return `its entry at byte ${offset} has no readable size`;
    if (name.replace(/^(\.?\/)+/, "") === "PG_VERSION") hasVersion = true;
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return "it ends before the end of the archive (the file is incomplete)";
}

async function restorePglite(dataDir: string, file: string, clean: boolean) {
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, 5).toString("latin1") === PG_DUMP_MAGIC)
    throw new CliError(`${file} is a PostgreSQL backup (pg_dump archive), not one of the embedded database: set DATABASE_URL to restore it.`, 2);
  if (!bytes.subarray(0, 2).equals(GZIP_MAGIC)) throw new CliError(`${file} is not a backup written by db:backup (the embedded database's is a .tar.gz).`, 2);
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes);
  } catch (error) {
    throw new CliError(`${file} is damaged or incomplete (${(error as Error).message}). Nothing was restored.`, 1);
  }
  const problem = tarProblem(tar);
  if (problem) throw new CliError(`${file} is not a whole database backup: ${problem}. Nothing was restored.`, 1);

  const target = path.resolve(dataDir, "pglite");
  const occupied = fs.existsSync(target) && fs.readdirSync(target).length > 0;
  if (occupied && !clean)
    throw new CliError(
      `DATA_DIR already holds a database (${target}). Nothing was restored. Use a new DATA_DIR, or pass --clean to replace it (stop the app first).`,
      2,
    );

  // Loaded beside the target and swapped in only once complete.
  const staging = path.resolve(dataDir, `.restore-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    const pglite = new PGlite(path.join(staging, "pglite"), { loadDataDir: new Blob([new Uint8Array(bytes)]) });
    try {
      await pglite.waitReady;
    } catch (error) {
      throw new CliError(`${file} could not be loaded (${(error as Error).message}). Nothing was restored.`, 1);
    } finally {
      await pglite.close().catch(() => {});
    }
    if (fs.existsSync(target)) fs.renameSync(target, path.join(staging, "replaced"));
    fs.renameSync(path.join(staging, "pglite"), target);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return `the embedded database in ${dataDir}`;
}

async function main() {
  const args = parseCommandLine(process.argv.slice(2));
  if (!args) {
    console.log(usage);
    return 0;
  }
  // npm runs scripts in the package's directory; a relative FILE means the caller's.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.from);
  if (!fs.existsSync(file)) throw new CliError(`Backup file not found: ${file}\n\n${usage}`, 2);
  if (!fs.statSync(file).isFile()) throw new CliError(`${file} is not a file: give the backup file written by db:backup.\n\n${usage}`, 2);
  const e = env();
  if (e.APP_ENV === "production" && args.clean && !args.yesReally)
    throw new CliError("APP_ENV is production: --clean would replace the live data. Nothing was restored. Add --yes-really if that is what you mean.", 2);

  const ownerUrl = e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL;
  const target = ownerUrl ? await restorePostgres(ownerUrl, file, args.clean) : await restorePglite(e.DATA_DIR, file, args.clean);
  console.log(`Restored ${file} into ${target}.`);

  // Bring the restored database up to this version (migrations), with pg-boss's schema and the app role's rights.
  const settings = { databaseUrl: e.DATABASE_URL, migrationUrl: e.MIGRATION_DATABASE_URL, dataDir: e.DATA_DIR };
  for (const line of await setUpDatabase(settings)) console.log(line);
  const handle = openDatabase({ databaseUrl: ownerUrl, dataDir: e.DATA_DIR });
  try {
    const result = await verifyAuditTrail(handle.db);
    if (result.ok) {
      console.log(`Audit trail intact: ${result.events} events in ${result.chains} chains.`);
      return 0;
    }
    console.error(`Audit trail BROKEN at event ${result.badEventId} (chain ${result.chain}, sequence ${result.seq}): ${result.problem}.`);
    console.error(`${result.events} events before it verified. The data was restored; treat this backup as tampered with.`);
    return 1;
  } catch (error) {
    throw new CliError(`Restored, but the audit trail could not be checked: ${(error as Error).message}`, 1);
  } finally {
    await handle.close();
  }
}

exitWith(main(), (error) => error instanceof EnvError);
