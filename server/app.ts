import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@react-router/express";
import fs from "node:fs";
import zlib from "node:zlib";
import compression from "compression";
import { COMPRESSIBLE } from "./precompress";
import { sql } from "drizzle-orm";
import express, { type NextFunction, type Request, type Response } from "express";
import type { ServerBuild } from "react-router";
import { getDb } from "../db/client";
import { env } from "../app/platform/env.server";
import { isSameOriginMutation } from "../app/platform/origin.server";
import { blankSessionCookie, readSessionToken, sessionCookie, validateSessionToken } from "../app/areas/identity/public.server";
import type { SessionUser } from "../app/platform/request-context";
import { requestStore, runWithRequestStore } from "../app/platform/request-store.server";
import { isDatabaseUnavailable } from "../app/platform/database-unavailable.server";
import { log, loggablePath, requestIdFrom } from "../app/platform/log.server";
import { metrics, metricsTokenMatches, routeLabel } from "../app/platform/metrics.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Each request's own store (app/platform/request-store.server.ts), carrying
 * its id onto every log line and into X-Request-Id; when it is answered, one
 * log line and one latency observation.
 */
function requestContext(req: Request, res: Response, next: NextFunction) {
  const requestId = requestIdFrom(req.headers["x-request-id"] ?? req.headers["fly-request-id"]);
  res.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  const store = { requestId, userId: null, path: req.path, formKey: null, formKeyUsed: false };
  res.on("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics().requestSeconds.observe({ method: req.method, route: routeLabel(req.path, res.statusCode), status: `${Math.floor(res.statusCode / 100)}xx` }, seconds);
    const line = { requestId, method: req.method, path: loggablePath(req.originalUrl), status: res.statusCode, ms: Math.round(seconds * 1000), userId: store.userId ?? undefined };
    if (res.statusCode >= 500) log().warn(line, "request failed");
    else log().info(line, "request");
  });
  runWithRequestStore(store, next);
}

function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (env().APP_ENV === "production" || env().APP_URL.startsWith("https://")) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}

// Refuse state-changing requests that a page on another origin could forge.
function refuseCrossOrigin(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const ok = isSameOriginMutation({
    origin: req.headers.origin ?? null,
    referer: req.headers.referer ?? null,
    host: req.headers.host ?? null,
    appUrl: env().APP_URL,
  });
  if (ok) return next();
  res.status(403).type("text/plain").send("Cross-origin request refused: this form must be sent from the site itself.");
}

// A request answered before its body was read (refused by the guard, say)
// leaves the rest of the body on the connection: close it after the answer,
// so the client's next request starts on a clean one.
function closeAfterUnreadBodies(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    if (!req.complete) this.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as Response["writeHead"];
  next();
}

// An address the app could not read safely (a null byte, broken percent-encoding)
// gets a plain 400 before any page or query sees it.
function refuseUnreadableAddresses(req: Request, res: Response, next: NextFunction) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.originalUrl);
  } catch {
    res.status(400).type("text/plain").send("This address is not valid: its percent-encoding is broken.");
    return;
  }
  if (decoded.includes("\u0000")) {
    res.status(400).type("text/plain").send("This address is not valid: it contains a null byte.");
    return;
  }
  next();
}

function clientAddress(req: Request): string {
  const header = env().TRUST_PROXY_HEADER;
  const forwarded = header ? req.headers[header.toLowerCase()] : undefined;
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return value?.split(",")[0].trim() || req.socket.remoteAddress || "unknown";
}

export { isDatabaseUnavailable };

// A page, action or file whose loader or action could not reach the database
// (entry.server.tsx's handleError notes it on the request's store) answers
// 503 with Retry-After, as a failed session check does, not the router's 500;
// and the requests after it are refused at once until the database is back.
function unavailableRatherThanFailed(_req: Request, res: Response, next: NextFunction) {
  const store = requestStore();
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, status: number, ...rest: unknown[]) {
    if (status === 500 && store?.databaseUnavailable) {
      status = 503;
      if (typeof rest[0] === "string") rest[0] = "Service Unavailable";
      else this.statusMessage = "Service Unavailable";
      this.setHeader("Retry-After", "5");
      noteDatabaseDown();
    }
    return (writeHead as (...args: unknown[]) => Response).call(this, status, ...rest);
  } as Response["writeHead"];
  next();
}

/**
 * Sends the build's Brotli or gzip copy of a static file when the browser
 * takes it (Accept-Encoding) and one was made at build; otherwise passes on
 * to express.static and the per-response compression.
 */
function precompressedAssets(clientDir: string) {
  const root = path.resolve(clientDir);
  const available = new Set<string>();
  if (fs.existsSync(root)) for (const f of fs.readdirSync(root, { recursive: true }) as string[]) if (/\.(br|gz)$/.test(f)) available.add(`/${f.split(path.sep).join("/")}`);
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !COMPRESSIBLE.test(req.path)) return next();
    const accepts = String(req.headers["accept-encoding"] ?? "");
    const encoding = /\bbr\b/.test(accepts) && available.has(`${req.path}.br`) ? "br" : /\bgzip\b/.test(accepts) && available.has(`${req.path}.gz`) ? "gzip" : null;
    if (!encoding) return next();
    const immutable = req.path.startsWith("/assets/");
    res.setHeader("Content-Encoding", encoding);
    res.setHeader("Vary", "Accept-Encoding");
    res.type(path.extname(req.path));
    res.sendFile(`${req.path.slice(1)}.${encoding === "br" ? "br" : "gz"}`, { root, immutable, maxAge: immutable ? "1y" : "1h", headers: { "X-Content-Type-Options": "nosniff" } }, (error) => error && next(error));
  };
}

async function loadSession(req: Request, res: Response, next: NextFunction) {
  try {
    res.locals.user = null;
    res.locals.sessionId = null;
    const token = readSessionToken(req.headers.cookie);
    if (token) {
      const result = await validateSessionToken(getDb(), token);
      if (!result) {
        res.append("Set-Cookie", blankSessionCookie());
      } else {
        res.locals.user = result.user;
        res.locals.sessionId = result.session.id;
        const store = requestStore();
        if (store) store.userId = result.user.id;
        if (result.renewed) res.append("Set-Cookie", sessionCookie(token, result.session.expiresAt));
      }
    }
    next();
  } catch (error) {
    next(error);
  }
}

export function createApp(build: ServerBuild, buildDir = path.resolve("build")) {
  const app = express();
  app.disable("x-powered-by");
  app.use(requestContext);
  const clientDir = path.join(buildDir, "client");
  // Static files compressed once at build (server/precompress.ts), sent as they are; pages are compressed per response.
  app.use(precompressedAssets(clientDir));
  // Pages are small and made per request: the fastest settings (Brotli quality 1, gzip level 1)
  // keep most of the saving for a fraction of the CPU of the defaults (4 and 6).
  app.use(compression({ level: 1, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } } }));
  app.use(securityHeaders);
  // The build's client folder holds only assets/: other paths go straight to the app, with no file lookup each.
  app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));

  app.get("/healthz", async (_req, res) => {
    try {
      await getDb().execute(sql`select 1`);
      downUntil = 0;
      res.status(200).type("text/plain").send("ok");
    } catch (error) {
      log().error({ err: error }, "healthz: database check failed");
      noteDatabaseDown();
      res.status(503).type("text/plain").send("database unavailable");
    }
  });

  // Prometheus metrics, for whoever holds METRICS_TOKEN; without one, there is no such page.
  app.get("/metrics", async (req, res) => {
    const token = env().METRICS_TOKEN;
    if (!token) return void res.status(404).type("text/plain").send("Not found");
    if (!metricsTokenMatches(req.headers.authorization, token)) {
      return void res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain").send("The metrics need the bearer token set in METRICS_TOKEN.");
    }
    const { registry } = metrics();
    res.type(registry.contentType).send(await registry.metrics());
  });

  app.use(closeAfterUnreadBodies);
  app.use(refuseUnreadableAddresses);
  app.use(refuseCrossOrigin);
  app.use(loadSession);
  app.use(refuseWhileDatabaseDown);
  app.use(unavailableRatherThanFailed);
  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req, res) => ({
        user: res.locals.user as SessionUser | null,
        sessionId: res.locals.sessionId as string | null,
        clientAddress: clientAddress(req),
        cspNonce: randomBytes(16).toString("base64"),
      }),
    }),
  );
  app.use(answerErrors);
  return app;
}

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Partnership governance</title></head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;

/**
 * The last word on anything that went wrong outside a page (a failed session
 * check, say): logged in full, shown to nobody. A database that cannot be
 * reached is a 503 that says to try again shortly.
 */
function answerErrors(error: unknown, _req: Request, res: Response, next: NextFunction) {
  if (res.headersSent) return next(error);
  if (isDatabaseUnavailable(error)) {
    log().warn({ err: error }, "database unavailable");
    noteDatabaseDown();
    res.status(503).set("Retry-After", "5").type("html").send(page("The service is unavailable for a moment", "Try again in a few seconds. Nothing you submitted has been half-saved."));
    return;
  }
  log().error({ err: error }, "request error");
  const reference = String(res.getHeader("X-Request-Id") ?? "");
  res.status(500).type("html").send(page("Sorry, there is a problem with the service", `Try again later. Nothing you submitted has been half-saved. If you contact support, quote reference ${reference}.`));
}

// While the database is unreachable, pages answer at once with a 503 rather
// than each waiting out a timeout; every few seconds one request probes it,
// and the first that succeeds lets everything through again.
let downUntil = 0;
const noteDatabaseDown = () => (downUntil = Date.now() + 2_000);
async function refuseWhileDatabaseDown(_req: Request, res: Response, next: NextFunction) {
  if (Date.now() >= downUntil) return next();
  res.status(503).set("Retry-After", "5").type("html").send(page("The service is unavailable for a moment", "Try again in a few seconds. Nothing you submitted has been half-saved."));
}
