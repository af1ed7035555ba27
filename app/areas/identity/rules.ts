// Identity's pure rules: how failed sign-ins slow further attempts down.

/**
 * Sign-in is slowed, never locked: the first few failures cost nothing, then
 * each further failure doubles the wait before the next try, up to a cap. A
 * streak ends a quarter of an hour after its last failure, and a successful
 * sign-in clears the account's (not the address's). Only failures count, so
 * a council office behind one address is never slowed by its own sign-ins.
 */
export type ThrottlePolicy = { freeFailures: number; capMs: number; forgetAfterMs: number };

export const SIGN_IN_THROTTLE = {
  /** Guessing one person's password. */
  account: { freeFailures: 5, capMs: 5 * 60_000, forgetAfterMs: 15 * 60_000 },
  /** One address trying many accounts. */
  address: { freeFailures: 20, capMs: 5 * 60_000, forgetAfterMs: 15 * 60_000 },
} satisfies Record<string, ThrottlePolicy>;

/** How long after its last failure a key must wait before the next attempt. */
export function throttleDelayMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.capMs, 1000 * 2 ** (failures - policy.freeFailures));
}

/** Milliseconds still to wait, given a key's failures and when the last one was (0: it may try now). */
export function throttleWaitMs(streak: { failures: number; lastFailureAt: Date } | null, policy: ThrottlePolicy, now: Date): number {
  if (!streak) return 0;
  const since = now.getTime() - streak.lastFailureAt.getTime();
  if (since >= policy.forgetAfterMs) return 0;
  return Math.max(0, throttleDelayMs(streak.failures, policy) - since);
}
