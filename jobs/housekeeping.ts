import { and, isNotNull, lt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { formSubmissions, rateLimits, sessions, userTokens } from "../db/schema";

const DAY = 86_400_000;

/**
 * Removes credentials that can no longer be used: expired sessions, emailed
 * links that expired or were used more than a day ago, and rate-limit
 * windows older than a day, and forms' one-time keys older than a week (a
 * page left open longer than that is reloaded). These are security plumbing, not the
 * partnership's records, so they are not audited (their creation and use are).
 */
export async function purgeExpired(db: Db, now = new Date()) {
  const dayAgo = new Date(now.getTime() - DAY);
  const removedSessions = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  const removedTokens = await db
    .delete(userTokens)
    .where(or(lt(userTokens.expiresAt, dayAgo), and(isNotNull(userTokens.usedAt), lt(userTokens.usedAt, dayAgo))))
    .returning({ id: userTokens.id });
  const removedWindows = await db.delete(rateLimits).where(lt(rateLimits.windowStart, dayAgo)).returning({ key: rateLimits.key });
  const removedKeys = await db.delete(formSubmissions).where(lt(formSubmissions.createdAt, new Date(now.getTime() - 7 * DAY))).returning({ key: formSubmissions.key });
  return { sessions: removedSessions.length, tokens: removedTokens.length, rateLimitWindows: removedWindows.length, formKeys: removedKeys.length };
}
