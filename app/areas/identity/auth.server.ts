import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { appendAudit } from "../../audit/append.server";
import type { Db } from "../../../db/client";
import { users, userTokens } from "../../../db/schema";
import { env } from "../../platform/env.server";
import { generateToken, hashToken, hmacHex } from "../../platform/crypto.server";
import { deliverSoon, recordReminders } from "../notifications/public.server";
import { hashPassword, newPasswordSchema, verifyPassword } from "./password.server";
import { clear, hit, recordFailure, REQUEST_LIMITS, throttleWait, type Limit } from "./rate-limit.server";
import { SIGN_IN_THROTTLE } from "./rules";
import { createSession, invalidateAllSessions, invalidateSession } from "./session.server";

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, { error: "Enter your email address" })
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.org" }))
  .transform((v) => v.toLowerCase());

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password" }).min(1, { error: "Enter your password" }),
});

export function findUserByEmail(db: Db, email: string) {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .then((rows) => rows[0]);
}

function clientKey(purpose: string, address: string) {
  // Client addresses are personal data: keep only a keyed hash of them.
  return `${purpose}:client:${hmacHex(env().SESSION_SECRET, address)}`;
}

let dummyHash: Promise<string> | undefined;

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: string; kind: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

async function overLimit(db: Db, key: string, limit: Limit) {
  const count = await hit(db, key, limit);
  return count > limit.max;
}

/**
 * Checks the credentials. Failed attempts slow further ones down, per account
 * and per client address, with growing waits (rules.ts: never a lock, and
 * only failures count); the counts live in the database, so they hold across
 * instances. A successful sign-in clears the account's count.
 */
export async function signIn(db: Db, input: z.output<typeof signInSchema>, address: string): Promise<SignInResult> {
  const accountKey = `sign-in:account:${input.email}`;
  const addressKey = clientKey("sign-in", address);
  const now = new Date();
  const wait = Math.max(await throttleWait(db, accountKey, SIGN_IN_THROTTLE.account, now), await throttleWait(db, addressKey, SIGN_IN_THROTTLE.address, now));
  if (wait > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: Math.ceil(wait / 1000) };
  const failed = async () => {
    await recordFailure(db, accountKey, SIGN_IN_THROTTLE.account, now);
    await recordFailure(db, addressKey, SIGN_IN_THROTTLE.address, now);
    return { ok: false as const, reason: "invalid" as const };
  };

  const user = await findUserByEmail(db, input.email);
  if (!user?.passwordHash) {
    // Spend the same time as a real check so timing does not reveal accounts.
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, input.password);
    return failed();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return failed();

  await clear(db, accountKey);
  const { token, session } = await db.transaction(async (tx) => {
    const created = await createSession(tx, user.id);
    await appendAudit(tx, { actorUserId: user.id, action: "user.sign_in", entityId: user.id });
    return created;
  });
  return { ok: true, token, expiresAt: session.expiresAt, userId: user.id, kind: user.kind };
}

export async function signOut(db: Db, userId: string, sessionId: string) {
  await db.transaction(async (tx) => {
    await invalidateSession(tx, sessionId);
    await appendAudit(tx, { actorUserId: userId, action: "user.sign_out", entityId: userId });
  });
}

// ---------------------------------------------------------------- tokens

export const INVITATION_LIFETIME_DAYS = 7;
export const RESET_LIFETIME_MINUTES = 60;

export type TokenPurpose = "invitation" | "password_reset";

export type TokenProblem = "unknown" | "used" | "expired";
export const tokenProblemMessages: Record<TokenPurpose, Record<TokenProblem, string>> = {
  invitation: {
    unknown: "This invitation link is not valid. Check you copied the whole link from the email.",
    used: "This invitation link has already been used. Sign in with the password you chose, or reset it.",
    expired: "This invitation link has expired. Ask the person who invited you to send a new one.",
  },
  password_reset: {
    unknown: "This password reset link is not valid. Check you copied the whole link from the email.",
    used: "This password reset link has already been used. Ask for a new one if you still need it.",
    expired: "This password reset link has expired. Ask for a new one.",
  },
};

export async function issueToken(
  db: Pick<Db, "insert">,
  userId: string,
  purpose: TokenPurpose,
  createdBy: string | null,
  now = new Date(),
) {
  const token = generateToken();
  const lifetimeMs =
    purpose === "invitation" ? INVITATION_LIFETIME_DAYS * 86_400_000 : RESET_LIFETIME_MINUTES * 60_000;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  const id = hashToken(token);
  await db.insert(userTokens).values({ id, userId, purpose, expiresAt, createdBy });
  return { token, id, expiresAt };
}

/** Looks a token up without using it: for showing the set-password page. */
export async function inspectToken(db: Db, token: string, purpose: TokenPurpose, now = new Date()) {
  const [row] = await db
    .select({ token: userTokens, user: { id: users.id, name: users.name, email: users.email } })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(and(eq(userTokens.id, hashToken(token)), eq(userTokens.purpose, purpose)));
  if (!row) return { ok: false as const, problem: "unknown" as TokenProblem };
  if (row.token.usedAt) return { ok: false as const, problem: "used" as TokenProblem };
  if (row.token.expiresAt <= now) return { ok: false as const, problem: "expired" as TokenProblem };
  return { ok: true as const, user: row.user };
}

export const setPasswordSchema = z
  .object({ password: newPasswordSchema, confirmPassword: z.string({ error: "Confirm your password" }) })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The passwords do not match",
  });

/**
 * Uses a single-use token to set a password and signs the person in. The
 * token is claimed with one conditional UPDATE, so two submissions of the
 * same link cannot both succeed.
 */
export async function setPasswordWithToken(db: Db, token: string, purpose: TokenPurpose, password: string) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [claimed] = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(userTokens.id, hashToken(token)),
          eq(userTokens.purpose, purpose),
          isNull(userTokens.usedAt),
          gt(userTokens.expiresAt, now),
        ),
      )
      .returning({ userId: userTokens.userId });
    if (!claimed) return { ok: false as const };
    await tx.update(users).set({ passwordHash }).where(eq(users.id, claimed.userId));
    // A new password ends everything the old one could lead to: every other
    // emailed link still outstanding, and every session signed in before.
    await tx.update(userTokens).set({ usedAt: now }).where(and(eq(userTokens.userId, claimed.userId), isNull(userTokens.usedAt)));
    await invalidateAllSessions(tx, claimed.userId);
    await appendAudit(tx, {
      actorUserId: claimed.userId,
      action: purpose === "invitation" ? "user.accept_invitation" : "user.reset_password",
      entityId: claimed.userId,
    });
    const { token: sessionToken, session } = await createSession(tx, claimed.userId);
    await appendAudit(tx, { actorUserId: claimed.userId, action: "user.sign_in", entityId: claimed.userId });
    return { ok: true as const, sessionToken, expiresAt: session.expiresAt };
  });
}

const RESET_REQUEST_LIMIT: Limit = { max: 3, windowMs: 60 * 60 * 1000 };

/**
 * Emails a reset link if the address belongs to an account. The caller shows
 * the same confirmation either way, without waiting for this (so neither the
 * answer nor its timing reveals who has an account). The link is recorded in
 * the delivery log with the token, then sent; a failed send is retried.
 */
export async function requestPasswordReset(db: Db, email: string, address: string) {
  if (await overLimit(db, clientKey("reset", address), REQUEST_LIMITS.client)) return;
  if (await overLimit(db, `reset:account:${email}`, RESET_REQUEST_LIMIT)) return;
  const user = await findUserByEmail(db, email);
  if (!user) return;
  const ids = await db.transaction(async (tx) => {
    const { token, id } = await issueToken(tx, user.id, "password_reset", null);
    await appendAudit(tx, { actorUserId: null, action: "user.request_password_reset", entityId: user.id });
    return recordReminders(tx, [
      {
        kind: "password_reset",
        partnershipId: null,
        subjectId: id,
        periodKey: "-",
        stage: "link",
        recipient: { userId: user.id, email: user.email, name: user.name, emailDigest: false },
        urgent: true,
        template: "password-reset",
        subject: "Reset your password",
        props: { recipientName: user.name, link: `${env().APP_URL}/reset-password/${token}`, expiresInMinutes: RESET_LIFETIME_MINUTES },
        sensitiveProps: ["link"],
      },
    ]);
  });
  deliverSoon(db, ids);
}
