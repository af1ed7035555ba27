import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { rateLimits } from "../../../db/schema";

export type Limit = { max: number; windowMs: number };

// Sign-in limits: per account, failures within the window; per client
// address, every attempt (one address trying many accounts).
export const SIGN_IN_LIMITS = {
  account: { max: 5, windowMs: 15 * 60 * 1000 },
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
