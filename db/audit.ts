import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Queryable, Tx } from "./client";
import { auditEvents } from "./schema";

// The exact canonical form is documented in docs/audit-trail.md so that a
// third party can re-verify an exported chain. Change both together.

export const GENESIS_HASH = "0".repeat(64);
export const PLATFORM_CHAIN = "platform";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** RFC 8785-style canonical JSON: sorted keys, no whitespace, undefined dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("canonicalJson: non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new Error(`canonicalJson: cannot encode ${typeof value}`);
}

export type HashedFields = {
  id: string;
  chain: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  partnershipId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
};

/** The JSON object whose canonical form is hashed (every stored column but the two hashes). */
export function eventForHashing(e: HashedFields) {
  return {
    id: e.id,
    chain: e.chain,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorUserId: e.actorUserId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    partnershipId: e.partnershipId,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason,
  };
}

export function computeEventHash(prevHash: string, e: HashedFields): string {
  // Node's native SHA-256: the explorer re-hashes every event it shows, and audit:verify every event there is.
  return createHash("sha256").update(prevHash + canonicalJson(eventForHashing(e)), "utf8").digest("hex");
}

export type AuditInput = {
  actorUserId: string | null; // null: the system (seeding, scheduled jobs)
  action: string; // a member of the catalogue in app/audit/catalogue.ts
  entityType: string;
  entityId: string;
  partnershipId?: string | null; // null: the platform-level chain
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

// Dates become ISO strings and undefined disappears, exactly as they will
// read back from jsonb, so the hash computed now matches the one verified later.
function asStoredJson(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

/**
 * Appends one event to its chain. Must run inside the transaction that makes
 * the change it records, so both commit or neither does. Chains are locked
 * separately, so writes in different partnerships never wait on each other.
 * Only app/audit/append.server.ts calls this, after checking the action and
 * its payloads against the catalogue.
 */
export async function appendAuditEvent(tx: Tx, input: AuditInput) {
  const chain = input.partnershipId ?? PLATFORM_CHAIN;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${chain}`}, 0))`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.chain, chain))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const fields: HashedFields = {
    id: crypto.randomUUID(),
    chain,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(),
    actorUserId: input.actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    partnershipId: input.partnershipId ?? null,
    before: asStoredJson(input.before),
    after: asStoredJson(input.after),
    reason: input.reason?.trim() || null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = computeEventHash(prevHash, fields);
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash });
  return { ...fields, prevHash, hash };
}

export type VerifyResult =
  | { ok: true; events: number; chains: number }
  | { ok: false; events: number; chains: number; badEventId: string; chain: string; seq: number; problem: string };

/** Walks every chain in order, recomputing each hash. Stops at the first bad event. */
export async function verifyAuditTrail(db: Queryable, batchSize = 1000): Promise<VerifyResult> {
  const chains = await db.selectDistinct({ chain: auditEvents.chain }).from(auditEvents).orderBy(auditEvents.chain);
  let events = 0;
  for (const { chain } of chains) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let afterSeq = 0;
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chain, chain), gt(auditEvents.seq, afterSeq)))
        .orderBy(asc(auditEvents.seq))
        .limit(batchSize);
      for (const row of rows) {
        const fail = (problem: string): VerifyResult => ({
          ok: false,
          events,
          chains: chains.length,
          badEventId: row.id,
          chain,
          seq: row.seq,
          problem,
        });
        if (row.seq !== expectedSeq) return fail(`expected sequence number ${expectedSeq}, found ${row.seq} (an event is missing or was renumbered)`);
        if (row.prevHash !== prevHash) return fail("prev_hash does not match the hash of the event before it");
        if (computeEventHash(row.prevHash, row) !== row.hash) return fail("its contents do not match its hash (the event was altered)");
        prevHash = row.hash;
        expectedSeq += 1;
        events += 1;
      }
      if (rows.length < batchSize) break;
      afterSeq = rows[rows.length - 1].seq;
    }
  }
  return { ok: true, events, chains: chains.length };
}
