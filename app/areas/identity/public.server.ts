// The identity area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { hashPassword, verifyPassword } from "./password.server";
export { blankSessionCookie, readSessionToken, sessionCookie, validateSessionToken } from "./session.server";
// The sign-in throttle and request limits, for the young people's portal's own sign-in.
export { clear as clearRateLimit, hit as countRateLimitHit, recordFailure, throttleWait } from "./rate-limit.server";
export { SIGN_IN_THROTTLE } from "./rules";
