import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "react-router";
import { isRouteErrorResponse, ServerRouter } from "react-router";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./platform/ui/nonce";
import { log } from "./platform/log.server";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "./platform/database-unavailable.server";

// A page is sent whole or not at all: rendering waits for everything (the app
// streams nothing), and a render that does not finish in time is an error
// page, never a 200 that ends without its data.
export const streamTimeout = 10_000;

/** Scripts run only with this response's nonce; nothing may frame the site. */
function contentSecurityPolicy(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * A loader or action that failed: logged (with the request id), never shown. A client that went away is not an error.
 * One that could not reach the database is noted, so the answer is a 503 (server/app.ts), and logged as such.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  if (isDatabaseUnavailable(error)) {
    noteDatabaseUnavailable();
    log().warn({ err: error }, "database unavailable");
    return;
  }
  log().error({ err: error }, "page error");
};

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, routerContext: EntryContext, loadContext: AppLoadContext) {
  const nonce = loadContext.cspNonce;
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  // A signed-in page is for its reader only: no shared or browser cache keeps it.
  if (loadContext.user) responseHeaders.set("Cache-Control", "private, no-store");
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status: responseStatusCode, headers: responseHeaders });

  return new Promise<Response>((resolve, reject) => {
    const render = { abort: () => {} };
    const timeout = setTimeout(() => {
      render.abort();
      reject(new Error(`The page ${new URL(request.url).pathname} did not finish rendering within ${streamTimeout} ms`));
    }, streamTimeout);
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          clearTimeout(timeout);
          // Everything is ready, so the page is written out at once: collected into one
          // buffer it is compressed and sent in one piece, instead of React's small chunks
          // each passing through a web stream, the compressor and the socket on its own.
          const chunks: Buffer[] = [];
          const page = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          page.on("error", reject);
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          // A refusal or a missing page is a response the router already answered with its own status.
          if (isRouteErrorResponse(error)) return;
          responseStatusCode = 500;
          log().error({ err: error }, "page render error");
        },
      },
    );
    render.abort = abort;
  });
}
