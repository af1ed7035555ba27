import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { rateLimits } from "../../../db/schema";
import { throttleWaitMs, type ThrottlePolicy } from "./rules";

export type Limit = { max: number; windowMs: number };

/** Requests per address for reset links and the like: every request counts. */
export const REQUEST_LIMITS = {
  client: { max: 30, windowMs: 15 * 60 * 1000 },
} satisfies Record<string, Limit>;

/** Seconds until the key may try again, or 0 if it is under its limit. */
export async function retryAfterSeconds(db: Queryable, key: string, limit: Limit, now = new Date()) {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (!row) return 0;
  const windowEnds = row.windowStart.getTime() + limit.windowMs;
  if (windowEnds <= now.getTime() || row.count < limit.max) return 0;
  return Math.ceil((windowEnds - now.getTime()) / 1000);
}

/**
 * Counts one hit against the key, atomically (one statement), opening a new
 * window when the old one has ended. Returns the count in the current window.
 */
export async function hit(db: Queryable, key: string, limit: Limit, now = new Date()) {
  const windowOpenedBefore = new Date(now.getTime() - limit.windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowOpenedBefore.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowOpenedBefore.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return row.count;
}

export async function clear(db: Queryable, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

// ------------------------------------------------------------ sign-in throttle

/** Milliseconds the key must still wait before its next sign-in attempt (rules.ts). */
export async function throttleWait(db: Queryable, key: string, policy: ThrottlePolicy, now = new Date()) {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  return throttleWaitMs(row?.lastAt ? { failures: row.count, lastFailureAt: row.lastAt } : null, policy, now);
}

/** Counts one failed attempt against the key, atomically; a streak forgotten by now starts again at one. */
export async function recordFailure(db: Queryable, key: string, policy: ThrottlePolicy, now = new Date()) {
  const forgotten = new Date(now.getTime() - policy.forgetAfterMs).toISOString();
  await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1, lastAt: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when coalesce(${rateLimits.lastAt}, ${rateLimits.windowStart}) <= ${forgotten}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when coalesce(${rateLimits.lastAt}, ${rateLimits.windowStart}) <= ${forgotten}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
        lastAt: sql`${now.toISOString()}::timestamptz`,
      },
    });
}
