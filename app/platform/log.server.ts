import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import { env } from "./env.server";
import { requestStore } from "./request-store.server";

// One JSON line per event on stdout (pino), each carrying the request id of
// the request it happened in. Lines never hold personal data or secrets:
// paths lose their query string and their tokens, errors keep their name,
// code, message and stack but not the query parameters or row details a
// database error carries, and fields that could hold an email address,
// password, token or cookie are blanked wherever they appear.

const REDACTED_FIELDS = ["password", "newPassword", "token", "email", "cookie", "authorization", "secret", "sessionToken"];

// drizzle puts a failed query's parameters into its error's message: "params: …" to the end of the line.
const withoutParameters = (text: string | undefined) => text?.replace(/\nparams: .*$/gm, "\nparams: [not logged]");

/** An error as it may be logged: what went wrong and where, never the values it was working on. */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: "a value that is not an Error was thrown" };
  const e = error as Error & { code?: unknown; cause?: unknown };
  return {
    type: e.name,
    message: withoutParameters(e.message),
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    stack: withoutParameters(e.stack),
    // eslint-disable-next-line no-restricted-syntax -- the serializer itself, on the error's cause
    ...(e.cause instanceof Error ? { cause: loggableError(e.cause) } : {}),
  };
}

/** The address without its query string, and with what follows a token-bearing prefix blanked. */
export function loggablePath(url: string): string {
  const path = url.split(/[?#]/)[0];
  return path
    .replace(/^\/(reset-password|invitation|calendar\/feed)\/[^/]+/, "/$1/:token")
    .replace(/^\/dev\/outbox\/[^/]+/, "/dev/outbox/:file")
    .slice(0, 300);
}

function create(): Logger {
  const e = env();
  const level = e.LOG_LEVEL ?? (e.APP_ENV === "test" ? "error" : "info");
  const options: pino.LoggerOptions = {
    level,
    base: { service: "partnership-governance" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    messageKey: "msg",
    // Log the error itself ({ err: error }): the serializer makes it loggable (once).
    serializers: { err: loggableError, error: loggableError },
    redact: { paths: REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: "[redacted]" },
    mixin: () => {
      const store = requestStore();
      return store?.requestId ? { requestId: store.requestId } : {};
    },
  };
  // In the test suite the server runs inside the test process: what it logs
  // as an error goes to console.error, where the console guard notices it.
  if (e.APP_ENV === "test" && !e.LOG_LEVEL) return pino(options, { write: (line: string) => console.error(line.trimEnd()) });
  return pino(options); // stdout, written synchronously: nothing is lost when a process exits
}

// One logger per process: the server and the built app bundle import this module separately.
const key = Symbol.for("partnership-governance.logger");
type GlobalWithLogger = typeof globalThis & { [key]?: Logger };

export function log(): Logger {
  const g = globalThis as GlobalWithLogger;
  return (g[key] ??= create());
}

/** The id a request is known by in the logs: the proxy's, if it sent a sensible one, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{8,100}$/.test(value) ? value : randomUUID();
}
