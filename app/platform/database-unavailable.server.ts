import { requestStore } from "./request-store.server";

/** Errors that mean the database cannot be reached (down, restarting, refusing connections), not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; cause?: unknown } | null;
  const code = e?.code ?? (e?.cause as { code?: string } | undefined)?.code;
  return Boolean(code && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|CONNECT_TIMEOUT|CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED|57P0[1-3]|08\d{3}|53300)$/.test(code));
}

/**
 * Notes on the request's store that a loader or action failed because the
 * database could not be reached (entry.server.tsx's handleError), so that
 * server/app.ts answers 503 with Retry-After, not the router's 500.
 */
export function noteDatabaseUnavailable() {
  const store = requestStore();
  if (store) store.databaseUnavailable = true;
}
