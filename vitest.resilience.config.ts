import { defineConfig } from "vitest/config";

// Resilience: the built server and the jobs worker as real processes against a
// private PostgreSQL cluster that the tests stop and start (tests/resilience).
// One file at a time: each puts the machine under load of its own.
export default defineConfig({
  test: {
    include: ["tests/resilience/**/*.test.ts"],
    globalSetup: ["tests/resilience/global-setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
