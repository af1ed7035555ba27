import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { count } from "drizzle-orm";
import type { ServerBuild } from "react-router";
import { database, openDatabase, setDatabase, type DatabaseHandle } from "../db/client";
import { partnerships } from "../db/schema";
import { EnvError, env } from "../app/platform/env.server";
import { demoData } from "../seeds/demo-data";
import { seedDemoData } from "../seeds/seed";
import { startJobRuntime } from "../jobs/runtime";
import { createApp } from "./app";
import { superviseWebProcesses } from "./web-processes";
import { settleBackground } from "../app/platform/background.server";
import { stopJobSender } from "../app/platform/job-queue.server";
import { requireSafeAppRole, UnsafeRoleError } from "../db/app-role";
import { setUpDatabase, usesAppRole } from "../db/setup";


/**
 * Starts the web process: validates the environment, migrates, seeds demo
 * data on the first run outside production, then serves the built app.
 */
export async function startServer(options: { buildDir?: string; quiet?: boolean } = {}) {
  const e = env();
  const buildDir = path.resolve(options.buildDir ?? "build");
  setDatabase(openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR }));
  const settings = { databaseUrl: e.DATABASE_URL, migrationUrl: e.MIGRATION_DATABASE_URL, dataDir: e.DATA_DIR };
  if (e.APP_ENV === "production") {
    // fly.toml's release command migrates once before a deploy. The app must not be able to rewrite its own audit trail.
    await requireSafeAppRole(database().sql).catch(async (error) => {
      await database().close();
      throw error;
    });
  } else if (!cluster.isWorker) {
    await prepareDatabase(settings, database());
  }
  // PGlite admits one process, so on the embedded database the web process also runs the jobs.
  const runJobs = e.JOBS_IN_WEB === "on" || (e.JOBS_IN_WEB === "auto" && database().kind === "pglite" && e.APP_ENV !== "test");
  const jobs = runJobs ? await startJobRuntime(database(), options.quiet ? () => {} : undefined) : null;
  const build = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;
  const app = createApp(build, buildDir);
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(e.PORT, e.HOST, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : e.PORT;
  if (!options.quiet) printBanner(port);
  return {
    server,
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await settleBackground();
      await stopJobSender();
      await jobs?.stop();
      await database().close();
    },
  };
}

/** Outside production: migrations and grants, then the demo data on the first run. (Of several web processes, the first prepares it before starting the others.) */
async function prepareDatabase(settings: Parameters<typeof setUpDatabase>[0], handle: DatabaseHandle) {
  // PGlite admits one handle: when the app has no role of its own, the owner's work runs on the app's handle.
  await setUpDatabase(settings, usesAppRole(settings) ? undefined : handle);
  const [{ n }] = await handle.db.select({ n: count() }).from(partnerships);
  if (n === 0) await seedDemoData(handle.db, demoData);
}

async function superviseWhenReady(webProcesses: number) {
  const e = env();
  if (e.APP_ENV !== "production") {
    const handle = openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR });
    try {
      await prepareDatabase({ databaseUrl: e.DATABASE_URL, migrationUrl: e.MIGRATION_DATABASE_URL, dataDir: e.DATA_DIR }, handle);
    } finally {
      await handle.close();
    }
  }
  superviseWebProcesses(webProcesses);
}

function printBanner(port: number) {
  const e = env();
  const where = e.APP_URL.includes(`:${port}`) || e.APP_ENV === "production" ? e.APP_URL : `http://localhost:${port}`;
  console.log(`\nPartnership governance platform is running at ${where}`);
  console.log(`Database: ${database().kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${e.DATA_DIR}`}`);
  if (e.APP_ENV === "production") return;
  console.log(`Emails: ${e.SMTP_URL ? "sent over SMTP_URL" : `written to ${path.join(e.DATA_DIR, "outbox")} (see ${where}/dev/outbox)`}`);
  console.log("\nDemo sign-ins (all use the password shown):");
  for (const a of demoData.demoAccounts) console.log(`  ${a.email.padEnd(32)} ${a.password}   ${a.description}`);
  const yp = demoData.portal.demoAccount;
  console.log(`\nYoung people's portal (${where}/portal/sign-in): portal name ${yp.displayName}, passphrase "${yp.passphrase}"   ${yp.description}`);
  console.log("");
}

const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  let webProcesses = 1;
  try {
    webProcesses = env().WEB_CONCURRENCY;
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : error);
    process.exit(1);
  }
  if (cluster.isPrimary && webProcesses > 1)
    superviseWhenReady(webProcesses).catch((error) => {
      console.error(error instanceof EnvError ? error.message : error);
      process.exit(1);
    });
  else
    // Of several web processes, the first one started prints where to open the app.
    startServer({ quiet: cluster.isWorker && cluster.worker?.id !== 1 }).then(
      (running) => {
        const stop = () => running.close().then(() => process.exit(0));
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      },
      (error) => {
        console.error(error instanceof EnvError || error instanceof UnsafeRoleError ? error.message : error);
        process.exit(1);
      },
    );
}
