import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

/**
 * drizzle sends every statement unnamed, so PostgreSQL parses and plans it
 * each time: for a page's short queries that was most of their cost. Reads
 * outside a transaction go as named prepared statements instead (postgres.js
 * keeps them per connection); transactions use their own connection object
 * and stay as they were. See docs/decisions/0013.
 *
 * Except text searches: their best plan depends on how common the words are,
 * which the generic plan PostgreSQL settles on after five runs cannot know
 * (for "kinship" in the national benchmark, 25 ms against 4 ms planned for
 * the word). They are planned each time (docs/decisions/0022).
 */
const plannedEachTime = (query: string) => query.includes("websearch_to_tsquery");

export function preparingReads(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop !== "unsafe") return Reflect.get(target, prop, receiver);
      return (query: string, params?: unknown[], options?: object) => target.unsafe(query, params as never, { ...options, prepare: !plannedEachTime(query) });
    },
  });
}

export type DatabaseHandle = {
  db: Db;
  kind: "postgres" | "pglite";
  /** The PGlite instance when embedded (pg-boss uses it through an adapter). */
  pglite?: PGlite;
  /** The postgres.js client when on PostgreSQL. */
  sql?: postgres.Sql;
  /** The PostgreSQL URL (pg-boss opens its own pool with it). */
  connectionString?: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = path.resolve(import.meta.dirname, "migrations");

// How many statements this process has sent: tests read it to check that a
// page's queries do not grow with the history behind it. On globalThis, like
// the handle, because the server bundle has its own copy of this module.
const counterKey = Symbol.for("partnership-governance.queries-sent");
type GlobalWithCounter = typeof globalThis & { [counterKey]?: number };
const countQueries = {
  logQuery() {
    const g = globalThis as GlobalWithCounter;
    g[counterKey] = (g[counterKey] ?? 0) + 1;
  },
};
export const queriesSent = () => (globalThis as GlobalWithCounter)[counterKey] ?? 0;

export function openDatabase(opts: { databaseUrl?: string; dataDir: string; forMigrations?: boolean }): DatabaseHandle {
  if (opts.databaseUrl) {
    // Fail fast when the database is away (a restart, a failover): a request
    // waits at most a few seconds for a connection and a statement runs at
    // most 15 s, then the app answers 503 and recovers by itself once it is back.
    const sql = postgres(opts.databaseUrl, {
      max: 10,
      onnotice: () => {},
      connect_timeout: 3,
      // Retry a lost connection quickly (postgres.js's default waits grow to 20 s, shared by the pool): recovery in about 2 s.
      backoff: (attempts: number) => Math.min(0.05 * 2 ** attempts, 0.25),
      idle_timeout: 60,
      max_lifetime: 30 * 60,
      // No JIT: pages run short queries, and compiling them cost more than it saved (docs/decisions/0013).
      // Migrations may rewrite a big table (adding a stored column to a million decisions takes minutes): no statement timeout for them.
      connection: { statement_timeout: opts.forMigrations ? 0 : 15_000, idle_in_transaction_session_timeout: 30_000, lock_timeout: 10_000, jit: "off" },
    });
    const db = drizzlePostgres(preparingReads(sql), { schema, logger: countQueries }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      sql,
      connectionString: opts.databaseUrl,
      migrate: () => migratePostgres(db as never, { migrationsFolder }),
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dir = path.resolve(opts.dataDir, "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  const db = drizzlePglite(pglite, { schema, logger: countQueries }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    pglite,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => pglite.close(),
  };
}

// One handle per process. The server bundle and the start-up script import
// this module separately, so the handle lives on globalThis: two PGlite
// instances on one data directory would corrupt it.
const key = Symbol.for("partnership-governance.database");
type GlobalWithDb = typeof globalThis & { [key]?: DatabaseHandle };

export function setDatabase(handle: DatabaseHandle | undefined) {
  (globalThis as GlobalWithDb)[key] = handle;
}

export function database(): DatabaseHandle {
  const handle = (globalThis as GlobalWithDb)[key];
  if (!handle) throw new Error("The database has not been opened (call setDatabase(openDatabase(...)) at start-up)");
  return handle;
}

/** The process's database handle, if one has been opened (no error when not). */
export function openedDatabase(): DatabaseHandle | undefined {
  return (globalThis as GlobalWithDb)[key];
}

export function getDb(): Db {
  return database().db;
}
