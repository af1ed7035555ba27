// The queues that pages send jobs to (app/platform/job-queue.server.ts) and
// the worker works (jobs/runtime.ts); jobs/boss.ts creates them with the rest.

export const jobQueues = {
  scrutinyPack: "scrutiny-pack", // one job per scrutiny pack run (app/areas/scrutiny/pack-runs.server.ts)
} as const;
