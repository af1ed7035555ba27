/**
 * A bound on heavy work one server process does at once (a whole PDF made in
 * the request, say): at most `running` at a time, at most `waiting` more
 * queued in arrival order, and any beyond that refused at once with
 * BusyError, so that a crowd of such requests costs time, never the
 * process's memory. Per process: each instance bounds its own.
 */
export class BusyError extends Error {
  constructor(what: string) {
    super(`Too many ${what} are being made at once on this server`);
    this.name = "BusyError";
  }
}

export function workLimit(what: string, limits: { running: number; waiting: number }) {
  let running = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    /** Runs the work when a place is free; throws BusyError at once when the queue is full. */
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running < limits.running) running += 1;
      else if (queue.length < limits.waiting) await new Promise<void>((resolve) => queue.push(resolve));
      else throw new BusyError(what);
      try {
        return await work();
      } finally {
        release();
      }
    },
    /** How many are being made and how many wait. */
    state: () => ({ running, waiting: queue.length }),
  };
}
