import { resetEnvCache } from "../../app/platform/env.server";
import { getDb } from "../../db/client";
import { startServer } from "../../server/start";
import { createTestDatabase } from "./database";
import { SCENARIO_TODAY } from "./templates";

export const DEMO_PASSWORD = "demo-password-2026";
export { SCENARIO_TODAY };

/**
 * Starts the real built server in this process on a free port, on its own
 * copy of the database with the demo data loaded.
 */
export async function startTestServer(extraEnv: Record<string, string> = {}) {
  const database = await createTestDatabase();
  Object.assign(process.env, {
    APP_ENV: "test",
    DATA_DIR: database.dataDir,
    PORT: "0",
    APP_TODAY: SCENARIO_TODAY,
    // Each HttpClient is its own client address (as behind a proxy), so the
    // per-address sign-in limit applies per simulated person, not per test file.
    TRUST_PROXY_HEADER: "x-forwarded-for",
    ...extraEnv,
  });
  // On PostgreSQL the app connects as a role that owns nothing; the owner migrates, as in production.
  if (database.databaseUrl) Object.assign(process.env, { DATABASE_URL: database.databaseUrl, MIGRATION_DATABASE_URL: database.ownerUrl });
  else delete process.env.DATABASE_URL;
  resetEnvCache();
  const running = await startServer({ quiet: true });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  process.env.APP_URL = baseUrl;
  resetEnvCache();
  return {
    baseUrl,
    /** Where the server listens (outside production: this machine only). */
    listening: running.server.address(),
    database,
    db: getDb(),
    client: () => new HttpClient(baseUrl),
    async close() {
      await running.close();
      await database.drop();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Moves the app's today (the server runs in this process), as if the days until then had passed: meetings then have taken place. */
export function travelTo(date: string) {
  process.env.APP_TODAY = date;
  resetEnvCache();
}

let clients = 0;

/** A minimal browser stand-in: keeps cookies, sends same-origin form posts, from its own address. */
export class HttpClient {
  cookies = new Map<string, string>();
  readonly address: string;
  constructor(readonly baseUrl: string) {
    clients += 1;
    this.address = `10.${process.pid % 250}.${Math.floor(clients / 250)}.${clients % 250}`;
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(this.baseUrl + path, { redirect: "manual", headers: { cookie: this.cookieHeader(), "x-forwarded-for": this.address, ...headers } });
    this.remember(res);
    return res;
  }

  /** A same-origin form post; a list value sends the field once per item, as checkboxes do. */
  async post(path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    const res = await fetch(this.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      headers: {
        origin: this.baseUrl,
        "content-type": "application/x-www-form-urlencoded",
        cookie: this.cookieHeader(),
        "x-forwarded-for": this.address,
        ...headers,
      },
      body: body.toString(),
    });
    this.remember(res);
    return res;
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    const res = await this.post("/sign-in", { email, password, redirectTo: "/" });
    if (res.status !== 302) throw new Error(`sign-in as ${email} failed with ${res.status}: ${await res.text()}`);
    return res;
  }

  /** Signs in to the young people's portal (its own session; the demo's young person by default). */
  async signInPortal(displayName = "River", passphrase = "purple kettle rain") {
    const res = await this.post("/portal/sign-in", { displayName, passphrase });
    if (res.status !== 302) throw new Error(`portal sign-in as ${displayName} failed with ${res.status}: ${await res.text()}`);
    return res;
  }
}

/**
 * The development outbox's page once it lists what `ready` looks for: emails
 * are sent just after the request that records them, so they arrive a moment later.
 */
export async function outboxWhen(client: HttpClient, ready: (html: string) => boolean, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const html = await (await client.get("/dev/outbox")).text();
    if (ready(html)) return html;
    if (Date.now() > until) throw new Error("The expected email did not reach the development outbox");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Page text without markup, for asserting what a person would read. */
export async function pageText(res: Response) {
  const html = await res.text();
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
