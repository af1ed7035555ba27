import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { startPrivateCluster, stopPrivateCluster, stopPrivateClusterNow, type PrivateCluster } from "../helpers/private-postgres";
import { buildTemplates } from "../helpers/templates";

declare module "vitest" {
  export interface ProvidedContext {
    privateCluster: PrivateCluster;
  }
}

// The resilience suite runs against a PostgreSQL cluster of its own, which
// the tests stop and start: made here (initdb into a temporary directory, a
// free port), with the migrated and seeded template databases each test file
// copies, and removed when the run ends. The app is built once, as for the
// integration tests, unless SKIP_BUILD=1.
export default async function setup(project: TestProject) {
  const build = process.env.SKIP_BUILD === "1" ? Promise.resolve() : promisify(execFile)("npm", ["run", "--silent", "build"]).then(({ stderr }) => void (stderr && process.stderr.write(stderr)));
  const cluster = await startPrivateCluster();
  // Should the run end without its teardown (an interrupted run), the cluster goes with it.
  const onExit = () => stopPrivateClusterNow(cluster);
  process.once("exit", onExit);
  const saved = process.env.TEST_DATABASE_URL;
  try {
    // buildTemplates makes its databases on the cluster TEST_DATABASE_URL names.
    process.env.TEST_DATABASE_URL = cluster.adminUrl;
    const [templates] = await Promise.all([buildTemplates(), build]);
    project.provide("templates", templates);
    project.provide("privateCluster", cluster);
  } catch (error) {
    await stopPrivateCluster(cluster);
    process.off("exit", onExit);
    throw error;
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  }
  return async () => {
    await stopPrivateCluster(cluster);
    process.off("exit", onExit);
  };
}
