import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/helpers/console-guard.ts"],
    pool: "forks",
    maxWorkers: 3,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
