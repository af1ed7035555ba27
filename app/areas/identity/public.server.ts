// The identity area's door for server code elsewhere: the only file other areas, jobs and seeds import from it.

export { hashPassword } from "./password.server";
export { blankSessionCookie, readSessionToken, sessionCookie, validateSessionToken } from "./session.server";
