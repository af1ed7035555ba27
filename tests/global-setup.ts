import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { buildTemplates, dropTemplates, type Templates } from "./helpers/templates";

declare module "vitest" {
  export interface ProvidedContext {
    templates: Templates;
  }
}

// Integration tests drive the real built server, so build it once per run;
// and build the migrated and seeded databases each test file starts from.
export default async function setup(project: TestProject) {
  // The build runs in its own process while the templates are made here.
  const build = process.env.SKIP_BUILD === "1" ? Promise.resolve() : promisify(execFile)("npm", ["run", "--silent", "build"]).then(({ stderr }) => void (stderr && process.stderr.write(stderr)));
  const [templates] = await Promise.all([buildTemplates(), build]);
  project.provide("templates", templates);
  return () => dropTemplates(templates);
}
