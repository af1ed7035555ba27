import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { adminClient, databaseUrl } from "./databases";

/**
 * A throwaway, empty database for the smaller benches (decision log,
 * scheduling): a temporary PGlite directory, or, given an admin URL, a new
 * PostgreSQL database named bench_tmp_… that its owner (the admin role)
 * migrates. The tests' template databases need vitest's runner, so the
 * benches make their own. drop() removes it.
 */
export async function createFreshDatabase(adminUrl?: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-bench-"));
  if (!adminUrl) {
    return {
      kind: "pglite" as const,
      dataDir,
      databaseUrl: undefined,
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `bench_tmp_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = adminClient(adminUrl);
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    kind: "postgres" as const,
    dataDir,
    databaseUrl: databaseUrl(adminUrl, name),
    async drop() {
      const a = adminClient(adminUrl);
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
