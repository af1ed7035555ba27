import { log } from "./log.server";

// Work a request starts but does not wait for (sending an email it has
// recorded), tracked so that stopping the server waits for it. Failures are
// logged; whatever the work recorded first (a message in the delivery log) is
// retried by the scheduled jobs.

const key = Symbol.for("partnership-governance.background");
type GlobalWithTasks = typeof globalThis & { [key]?: Set<Promise<void>> };
// The server and the built app import this module separately: one set per process.
const tasks = ((globalThis as GlobalWithTasks)[key] ??= new Set<Promise<void>>());

export function runInBackground(what: string, work: () => Promise<unknown>) {
  const task: Promise<void> = Promise.resolve()
    .then(work)
    .then(
      () => undefined,
      (error) => log().error({ err: error, task: what }, "background task failed"),
    )
    .finally(() => tasks.delete(task));
  tasks.add(task);
}

/** Waits for every background task started so far (the server calls it as it stops). */
export async function settleBackground() {
  while (tasks.size) await Promise.all([...tasks]);
}
