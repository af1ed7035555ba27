import { eq } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { sessions, users } from "../../../db/schema";
import { env } from "../../platform/env.server";
import { generateToken, hashToken } from "../../platform/crypto.server";
import type { SessionUser } from "../../platform/request-context";

// Database sessions after Lucia's guide: the browser holds a random token,
// the database holds only its SHA-256; expiry slides forward while in use.

export const SESSION_COOKIE = "session";
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WHEN_LESS_THAN_MS = 15 * DAY;

/** Noting each use costs a write: a session is marked used at most once a minute. */
const TOUCH_EVERY_MS = 60 * 1000;

export async function createSession(db: Queryable, userId: string, now = new Date()) {
  const token = generateToken();
  const session = { id: hashToken(token), userId, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS), lastUsedAt: now };
  await db.insert(sessions).values(session);
  return { token, session };
}

/** Returns the session's user, or null (expired, or idle too long); renews the expiry when half used. */
export async function validateSessionToken(db: Queryable, token: string, now = new Date()) {
  const id = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const idleMs = env().SESSION_IDLE_HOURS * 60 * 60 * 1000;
  if (now.getTime() >= row.session.expiresAt.getTime() || now.getTime() - row.session.lastUsedAt.getTime() > idleMs) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let renewed = false;
  if (row.session.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LESS_THAN_MS) {
    row.session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.update(sessions).set({ expiresAt: row.session.expiresAt, lastUsedAt: now }).where(eq(sessions.id, id));
    renewed = true;
  } else if (now.getTime() - row.session.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, id));
  }
  const user: SessionUser = {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    kind: row.user.kind === "young_person" ? "young_person" : "adult",
    isPlatformAdmin: row.user.isPlatformAdmin,
  };
  return { session: row.session, user, renewed };
}

export async function invalidateSession(db: Queryable, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessions(db: Queryable, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

function secureCookies() {
  const e = env();
  return e.APP_ENV === "production" || e.APP_URL.startsWith("https://");
}

export function sessionCookie(token: string, expiresAt: Date): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Expires=${expiresAt.toUTCString()}`,
  ];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}

export function blankSessionCookie(): string {
  const parts = [`${SESSION_COOKIE}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}

/** The session token in a Cookie header, if there is one. */
export function readSessionToken(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}
