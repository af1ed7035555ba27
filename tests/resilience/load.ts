import { count, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { actions, actionUpdates, decisions, meetings, partnerships } from "../../db/schema";
import { DEMO_PASSWORD } from "../helpers/server";

// Simulated people for the resilience tests: each signs in as a demo account
// from an address of its own, then reads the pages that person would read and
// writes through the real forms (the rendered form, its one-time key and
// version, sent back as a browser would). Every answer is recorded with its
// timing; every write that was answered with success is recorded with the
// unique text it wrote, to be looked for in the database afterwards.

/** A request that has not answered after this long counts as a hang (status 0). */
export const REQUEST_TIMEOUT_MS = 30_000;

export type Outcome = {
  client: number;
  method: "GET" | "POST";
  /** The route pattern (ids collapsed), for the summary. */
  route: string;
  /** 0: no answer (the connection failed or the request hung past REQUEST_TIMEOUT_MS). */
  status: number;
  startedAt: number;
  endedAt: number;
  error?: string;
};

export type WriteKind = "action update" | "decision proposal";
export type SuccessfulWrite = { kind: WriteKind; text: string; client: number; answeredAt: number; attempts: number };

export type Targets = {
  nelcp: { actionIds: string[]; meetingIds: string[] };
  newportMeetingIds: string[];
};

/** The demo's records the simulated people read and write: NELCP's actions and meetings, Newport's meetings. */
export async function loadTargets(db: Db): Promise<Targets> {
  const ids = async (slug: string) => (await db.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, slug)))[0].id;
  const nelcp = await ids("nelcp");
  const newport = await ids("newport-barnardos");
  return {
    nelcp: {
      actionIds: (await db.select({ id: actions.id }).from(actions).where(eq(actions.partnershipId, nelcp))).map((r) => r.id),
      meetingIds: (await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.partnershipId, nelcp))).map((r) => r.id),
    },
    newportMeetingIds: (await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.partnershipId, newport))).map((r) => r.id),
  };
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

type Persona = { email: string; reads: (t: Targets) => string[]; writes: WriteKind[] };

const nelcpReads = (t: Targets) => [
  "/",
  "/p/nelcp",
  "/p/nelcp/board",
  "/p/nelcp/board?tab=current",
  "/p/nelcp/decisions",
  "/p/nelcp/decisions?q=contract",
  `/p/nelcp/meetings/${pick(t.nelcp.meetingIds)}`,
  "/p/nelcp/meetings",
  "/actions",
  "/p/nelcp/actions",
  `/p/nelcp/actions/${pick(t.nelcp.actionIds)}`,
  "/p/nelcp/obligations",
];

/** The ten demo accounts and what each does: managers update any action and propose decisions, members propose, the rest read. */
export const personas: Persona[] = [
  { email: "chair@nelcp.example", reads: nelcpReads, writes: ["action update", "decision proposal"] },
  { email: "secretariat@nelcp.example", reads: nelcpReads, writes: ["action update", "decision proposal"] },
  { email: "vicechair@nelcp.example", reads: nelcpReads, writes: ["decision proposal"] },
  { email: "member@nelcp.example", reads: nelcpReads, writes: ["decision proposal"] },
  { email: "rep@barking-dagenham.example", reads: nelcpReads, writes: ["decision proposal"] },
  {
    email: "admin@platform.example",
    reads: (t) => ["/", "/p/nelcp", "/p/newport-barnardos", `/p/newport-barnardos/meetings/${pick(t.newportMeetingIds)}`, "/p/leicestershire-cip", "/p/leicestershire-cip/board", "/admin/deliveries"],
    writes: ["action update"],
  },
  { email: "participation@nelcp.example", reads: nelcpReads, writes: [] },
  { email: "observer@nelcp.example", reads: () => ["/", "/p/nelcp", "/p/nelcp/board", "/p/nelcp/decisions", "/p/nelcp/meetings"], writes: [] },
  { email: "scrutiny@leics.example", reads: () => ["/", "/p/leicestershire-cip", "/p/leicestershire-cip/board", "/p/leicestershire-cip/decisions", "/p/leicestershire-cip/obligations"], writes: [] },
  // The demo's young person, on the portal's own sign-in.
  { email: "portal:River", reads: () => ["/portal", "/portal/consent"], writes: [] },
];

const routeOf = (path: string) =>
  path
    .split("?")[0]
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id")
    .replace(/^\/p\/[^/]+/, "/p/:slug");

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** The fields of the page's form that posts to `action`, with the values the page rendered (what a browser would send untouched). */
export function renderedForm(html: string, action: string): Record<string, string> | null {
  const forms = html.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => attr(f.slice(0, f.indexOf(">") + 1), "action") === action && /method="post"/i.test(f));
  if (!form) return null;
  const fields: Record<string, string> = {};
  for (const tag of form.match(/<input\b[^>]*>/g) ?? []) {
    const name = attr(tag, "name");
    const type = attr(tag, "type") ?? "text";
    if (!name || ((type === "checkbox" || type === "radio") && !/\schecked=/.test(tag))) continue;
    fields[name] = decode(attr(tag, "value") ?? "");
  }
  for (const [, open, body] of form.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) {
    const name = attr(open, "name");
    if (name) fields[name] = decode(body);
  }
  for (const [, open, body] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const name = attr(open, "name");
    const options = body.match(/<option\b[^>]*>/g) ?? [];
    const chosen = options.find((o) => /\sselected=/.test(o)) ?? options[0];
    if (name && chosen) fields[name] = decode(attr(chosen, "value") ?? "");
  }
  return fields;
}

/** One simulated person: cookies, an address of their own, every answer recorded. */
export class SimulatedClient {
  private cookies = new Map<string, string>();
  constructor(
    readonly id: number,
    readonly persona: Persona,
    readonly baseUrl: string,
    readonly address: string,
    private readonly record: (o: Outcome) => void,
  ) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  /** A request, answered in full (the body read) or failed; recorded either way. */
  async request(method: "GET" | "POST", path: string, form?: Record<string, string>): Promise<{ status: number; location: string | null; body: string }> {
    const startedAt = Date.now();
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      "x-forwarded-for": this.address,
    };
    if (method === "POST") Object.assign(headers, { origin: this.baseUrl, "content-type": "application/x-www-form-urlencoded" });
    try {
      const res = await fetch(this.baseUrl + path, {
        method,
        redirect: "manual",
        headers,
        body: form ? new URLSearchParams(form).toString() : undefined,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      this.remember(res);
      const body = await res.text();
      this.record({ client: this.id, method, route: routeOf(path), status: res.status, startedAt, endedAt: Date.now() });
      return { status: res.status, location: res.headers.get("location"), body };
    } catch (error) {
      this.record({ client: this.id, method, route: routeOf(path), status: 0, startedAt, endedAt: Date.now(), error: String(error) });
      return { status: 0, location: null, body: "" };
    }
  }

  async signIn() {
    for (let attempt = 1; ; attempt++) {
      const res = this.persona.email.startsWith("portal:")
        ? await this.request("POST", "/portal/sign-in", { displayName: this.persona.email.slice("portal:".length), passphrase: "purple kettle rain" })
        : await this.request("POST", "/sign-in", { email: this.persona.email, password: DEMO_PASSWORD, redirectTo: "/" });
      if (res.status === 302) return;
      if (attempt >= 5) throw new Error(`${this.persona.email} (client ${this.id}) could not sign in: ${res.status} ${res.body.slice(0, 300)}`);
      await sleep(500 * attempt);
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let runs = 0;

/** `n` people signed in, spread over the demo accounts, each from their own address. */
export async function signInClients(baseUrl: string, n: number, record: (o: Outcome) => void): Promise<SimulatedClient[]> {
  runs += 1;
  const clients = Array.from({ length: n }, (_, i) => new SimulatedClient(i, personas[i % personas.length], baseUrl, `10.${100 + (process.pid % 100)}.${runs}.${i + 1}`, record));
  // A few at a time, as people arrive: 50 password checks at once are a burst no one sees.
  for (let i = 0; i < clients.length; i += 10) await Promise.all(clients.slice(i, i + 10).map((c) => c.signIn()));
  return clients;
}

export type LoadOptions = {
  clients: SimulatedClient[];
  targets: Targets;
  /** When the simulated people stop starting new work. */
  until: number;
  /** Of each person's turns, the share that writes (if their persona writes). */
  writeShare?: number;
  /** After an answer, a pause of up to this long (ms) before the next, as people read. */
  thinkMs?: number;
  /** A write answered 503 (the database away) is sent again, with the same form, up to this many times. */
  retries?: number;
};

export type LoadResult = { outcomes: Outcome[]; writes: SuccessfulWrite[] };

/** Every client works until `until`: reads, and writes through the rendered forms. */
export async function runLoad(options: LoadOptions, outcomes: Outcome[]): Promise<LoadResult> {
  const { clients, targets, until, writeShare = 0.25, thinkMs = 200, retries = 0 } = options;
  const writes: SuccessfulWrite[] = [];
  let serial = 0;
  const unique = (client: SimulatedClient, what: string) => `Resilience ${what} ${process.pid}-${client.id}-${++serial}-${Math.random().toString(36).slice(2, 8)}`;

  /** Sends the form; on a 503, waits and sends the same form (same one-time key) again. */
  async function send(client: SimulatedClient, path: string, form: Record<string, string>) {
    for (let attempt = 1; ; attempt++) {
      const res = await client.request("POST", path, form);
      if (res.status !== 503 || attempt > retries) return { ...res, attempts: attempt };
      await sleep(300 + Math.random() * 400);
    }
  }

  async function write(client: SimulatedClient, kind: WriteKind) {
    const path = kind === "action update" ? `/p/nelcp/actions/${pick(targets.nelcp.actionIds)}` : "/p/nelcp/decisions/new";
    const page = await client.request("GET", path);
    if (page.status !== 200) return;
    const form = renderedForm(page.body, path);
    if (!form) throw new Error(`No form posting to ${path} on its page for ${client.persona.email}`);
    const text = unique(client, kind);
    if (kind === "action update") form.note = text;
    else Object.assign(form, { title: text, text: `The board is asked to agree ${text}.`, rationale: "Written by the resilience suite." });
    const res = await send(client, path, form);
    if (res.status === 302) {
      writes.push({ kind, text, client: client.id, answeredAt: Date.now(), attempts: res.attempts });
      if (res.location) await client.request("GET", res.location.replace(client.baseUrl, ""));
    }
  }

  await Promise.all(
    clients.map(async (client) => {
      // Spread the start, so the clients do not move in step.
      await sleep(Math.random() * thinkMs);
      while (Date.now() < until) {
        const { writes: kinds } = client.persona;
        if (kinds.length && Math.random() < writeShare) await write(client, pick(kinds));
        else await client.request("GET", pick(client.persona.reads(targets)));
        await sleep(Math.random() * thinkMs);
      }
    }),
  );
  return { outcomes, writes };
}

/** Each successful write looked for in the database, one by one: how many rows hold its text (exactly one is right). */
export async function findWrites(db: Db, writes: SuccessfulWrite[]) {
  const found: { write: SuccessfulWrite; rows: number }[] = [];
  for (const w of writes) {
    const [{ n }] =
      w.kind === "action update"
        ? await db.select({ n: count() }).from(actionUpdates).where(eq(actionUpdates.note, w.text))
        : await db.select({ n: count() }).from(decisions).where(eq(decisions.title, w.text));
    found.push({ write: w, rows: n });
  }
  return found;
}

/** Answers by status, as "200: 1234, 302: 56". */
export function statusTally(outcomes: Outcome[]) {
  const tally = new Map<number, number>();
  for (const o of outcomes) tally.set(o.status, (tally.get(o.status) ?? 0) + 1);
  return [...tally].sort(([a], [b]) => a - b).map(([s, n]) => `${s === 0 ? "no answer" : s}: ${n}`).join(", ");
}

export const percentile = (values: number[], p: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
