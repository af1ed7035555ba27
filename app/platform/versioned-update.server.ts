import { and, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client";
import { conflict, refuse } from "./write-result";

type Versioned = PgTable & { version: PgColumn };

/**
 * The one versioned update (docs/decisions/0006): changes the row only while
 * it still has the version the form was loaded with, in the same statement
 * (`where … and version = ?`), and moves the version on. When another save
 * got there first nothing matches: the transaction is refused with the
 * conflict message and rolls back, so a concurrent edit is reported, never
 * silently overwritten. Returns the updated row.
 */
export async function versionedUpdate<T extends Versioned>(
  tx: Tx,
  table: T,
  where: SQL | undefined,
  expectedVersion: number,
  set: PgUpdateSetSource<T>,
  what: string,
): Promise<T["$inferSelect"]> {
  const rows = (await tx
    .update(table)
    .set({ ...set, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>)
    .where(and(where, eq(table.version, expectedVersion)))
    .returning()) as T["$inferSelect"][];
  if (rows.length !== 1) refuse(conflict(what));
  return rows[0];
}

/** The versioned delete: removes the row only while it still has the version the form was loaded with. */
export async function versionedDelete<T extends Versioned>(tx: Tx, table: T, where: SQL | undefined, expectedVersion: number, what: string) {
  const rows = await tx.delete(table).where(and(where, eq(table.version, expectedVersion))).returning();
  if (rows.length !== 1) refuse(conflict(what));
}
