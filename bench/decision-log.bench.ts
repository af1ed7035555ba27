/**
 * Decision log benchmark: does /p/:slug/decisions stay fast with 100,000
 * decisions in one partnership?
 *
 *   npx react-router build          # once; the bench serves the existing build
 *   npm run bench                   # embedded PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench
 *
 * It starts the real server in this process on a fresh database (a temporary
 * PGlite directory, or a throwaway PostgreSQL database created through the
 * admin URL, exactly as the integration tests do), loads the demo data, adds
 * BENCH_ROWS (100,000) decisions to NELCP with set-based SQL, then times GET
 * requests a signed-in chair makes over HTTP, and the same listDecisionLog()
 * queries called directly. The database is dropped at the end, even on failure.
 *
 * Tunables: BENCH_ROWS (100000), BENCH_N timed requests per scenario (50),
 * BENCH_WARMUP (5), BENCH_EXPLAIN=1 prints every scenario's query plan (plans
 * are always printed for a scenario whose p95 is over BENCH_SLOW_MS, 200).
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { eq, sql, type SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { resetEnvCache } from "../app/platform/env.server";
import { referencePrefix } from "../app/areas/decisions/public";
import { decisionLogQuerySchema, listDecisionLog } from "../app/areas/decisions/public.server";
import { database, getDb, type Db } from "../db/client";
import * as schema from "../db/schema";
import { organisations, partnerships } from "../db/schema";
import { startServer } from "../server/start";
import { SCENARIO_TODAY } from "../tests/helpers/templates";
import { createFreshDatabase } from "./lib/fresh-database";
import { BenchClient as HttpClient } from "./lib/session";

const root = path.resolve(import.meta.dirname, "..");
const buildDir = path.join(root, "build");

const ROWS = wholeNumber("BENCH_ROWS", 100_000);
const N = wholeNumber("BENCH_N", 50);
const WARMUP = wholeNumber("BENCH_WARMUP", 5);
const SLOW_MS = wholeNumber("BENCH_SLOW_MS", 200);
const BATCH = 10_000;
const SLUG = "nelcp";
const CHAIR = "chair@nelcp.example";
const PASSWORD = "demo-password-2026";
/** The bench decisions span ten years up to the demo scenario's "today". */
const FIRST_DAY = "2016-11-22";
const DAYS = 3652;

function wholeNumber(name: string, fallback: number) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => n.toFixed(1);

/** Rows from db.execute on either driver (postgres.js returns an array, PGlite { rows }). */
async function query<T>(db: Db, q: SQL): Promise<T[]> {
  const res = (await db.execute(q)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

// ------------------------------------------------------------------ the data

// Word lists for titles and texts. Each of the 100 topics lands on about 1%
// of the rows, so searching for one has real work to do; the other lists are
// chosen so none shares an English stem with a topic.
const verbs = ["Approve", "Endorse", "Agree", "Note", "Extend", "Commission", "Renew", "Review", "Adopt", "Fund", "Pause", "Vary"];
const adjectives = ["revised", "interim", "joint", "regional", "annual", "updated", "outline", "final", "pilot", "shared"];
const subjects = [
  "placement framework",
  "sufficiency strategy",
  "commissioning plan",
  "fee uplift",
  "quality standard",
  "contract variation",
  "budget allocation",
  "training programme",
  "data-sharing agreement",
  "recruitment campaign",
  "inspection response",
  "risk register",
  "performance report",
  "procurement route",
  "service specification",
  "lot structure",
];
const topics = [
  "fostering", "adoption", "kinship", "therapeutic", "respite", "advocacy", "safeguarding", "schooling", "employment", "housing",
  "transport", "nutrition", "wellbeing", "mentoring", "apprenticeships", "tutoring", "sport", "music", "dentistry", "immunisation",
  "counselling", "mediation", "reunification", "permanence", "autonomy", "transition", "disability", "autism", "epilepsy", "asthma",
  "trauma", "attachment", "resilience", "exploitation", "trafficking", "gangs", "runaways", "exclusion", "truancy", "bullying",
  "homelessness", "poverty", "benefits", "allowances", "mileage", "insurance", "broadband", "laptops", "furniture", "refurbishment",
  "heating", "insulation", "solar", "gardens", "minibus", "bicycles", "uniforms", "libraries", "swimming", "football",
  "theatre", "museums", "holidays", "camping", "Romford", "Ilford", "Dagenham", "Stratford", "Walthamstow", "Chingford",
  "Leyton", "Hornchurch", "Upminster", "Rainham", "Barkingside", "Woodford", "Wanstead", "Plaistow", "Beckton", "Poplar",
  "Shoreditch", "Dalston", "Clapton", "Homerton", "Hainault", "Gidea", "Harold", "Elm", "Aldgate", "Wapping",
  "Limehouse", "Bethnal", "Whitechapel", "Millwall", "Silvertown", "Canning", "Forest", "Seven", "Kings", "Mile",
];
// Provider and place names, compounded from two lists into 1,000 names and
// drawn with a long tail (name k turns up in proportion to 1/k), as the
// vocabulary of real minutes has: a few names everywhere, most on a handful
// of decisions. That tail is what the planner's full-text statistics see.
const nameStarts = [
  "Ash", "Birch", "Bramble", "Cedar", "Clover", "Elder", "Fern", "Hazel", "Heather", "Holly",
  "Ivy", "Juniper", "Larch", "Laurel", "Linden", "Maple", "Meadow", "Oak", "Orchard", "Pine",
  "Poppy", "Rowan", "Sorrel", "Thistle", "Willow", "Yew", "Alder", "Beech", "Briar", "Bracken",
  "Cherry", "Copper", "Foxglove", "Hawthorn", "Heron", "Kestrel", "Lark", "Marsh", "Primrose", "Sparrow",
];
const nameEnds = ["field", "wood", "grove", "brook", "dale", "gate", "hill", "lea", "mead", "moor", "side", "stone", "vale", "well", "worth", "bury", "combe", "croft", "ford", "holm", "hurst", "ley", "mere", "ton", "wick"];
const nameKinds = ["Children's Home", "Family Centre", "Academy", "Youth Hub", "Care Trust", "Lodge"];
const clauses = [
  "with effect from the start of the next quarter",
  "subject to the agreement of each borough's finance lead",
  "within the existing pooled budget",
  "following consultation with young people in care",
  "after the provider market engagement event",
  "on the recommendation of the commissioning group",
  "in line with the Ofsted improvement plan",
  "pending legal advice on the procurement route",
  "as set out in the paper circulated before the meeting",
  "with a review after six months",
  "for an initial period of two years",
  "on the terms agreed with the lead provider",
];
const sentences = [
  "Havering will lead the work on behalf of the partnership.",
  "Costs will be shared in proportion to each borough's placements.",
  "The secretariat will report progress at the next board.",
  "Providers will be told within ten working days.",
  "Young advisers will be involved in evaluating the outcome.",
  "The risk register will be updated to reflect the change.",
  "Any overspend will be reported to the finance subgroup.",
  "The change applies to new placements only.",
  "Each borough will nominate an officer to the task group.",
  "The evaluation partner will measure the effect on outcomes.",
  "Legal services will draft the necessary contract variation.",
  "The board asked for a summary for elected members.",
];

const textArray = (words: string[]) => sql.raw(`(array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(", ")}]::text[])`);

/** A deterministic pseudo-random whole number in [0, n) from g and a salt. */
const pick = (salt: number, n: number) => sql.raw(`((hashint4(g * 64 + ${salt})::bigint + 2147483648) % ${n})::int`);

/**
 * One batch of bench decisions, g = from..to, in one set-based statement:
 * decisions spread evenly over ten years, 85% agreed and 5% each rejected,
 * deferred and inquorate; about 15% of the agreed ones with one to three
 * boroughs' ratification rows. References are <prefix>-<year>-<1000 + g>, so
 * unique per partnership and clear of the demo data's three-digit numbers.
 *
 * These rows bypass insertDecision() and the audit trail deliberately: the
 * bench measures reads, and 100,000 hash-chained audit events would only make
 * it slower to set up.
 */
function insertBatch(partnershipId: string, prefix: string, from: number, to: number): SQL {
  return sql`
    with p as (
      select array_agg(o.id order by o.name) as orgs,
             array_agg(o.id order by o.name) filter (where o.type = 'local_authority') as boroughs
      from partnership_partners pp join organisations o on o.id = pp.organisation_id
      where pp.partnership_id = ${partnershipId}::uuid
    ),
    src as (
      select g,
             (${FIRST_DAY}::date + ((g - 1)::bigint * ${DAYS} / ${ROWS})::int) as d,
             ${pick(1, 12)} as v, ${pick(2, 10)} as a, ${pick(3, 16)} as s, ${pick(4, 100)} as t,
             ${pick(5, 12)} as c, ${pick(6, 12)} as s1, ${pick(7, 12)} as s2, ${pick(8, 100)} as st,
             ${pick(9, 100)} as fin, ${pick(10, 14)} as prop, ${pick(11, 6)} as kind,
             (floor(exp(${pick(12, 1_000_000)} / 1000000.0 * ln(${sql.raw(String(nameStarts.length * nameEnds.length))})))::int - 1) as name
      from generate_series(${from}::int, ${to}::int) g
    ),
    ins as (
      insert into decisions (id, partnership_id, reference, route, meeting_id, title, text, rationale, method, status,
                             decided_on, financial_implication_gbp, proposed_by_organisation_id, created_at)
      select gen_random_uuid(),
             ${partnershipId}::uuid,
             ${prefix}::text || '-' || extract(year from d)::int || '-' || (1000 + g),
             'meeting', null,
             ${textArray(verbs)}[v + 1] || ' the ' || ${textArray(adjectives)}[a + 1] || ' ' || ${textArray(subjects)}[s + 1]
               || ' for ' || ${textArray(topics)}[t + 1],
             'The board agreed to ' || lower(${textArray(verbs)}[v + 1]) || ' the ' || ${textArray(adjectives)}[a + 1] || ' '
               || ${textArray(subjects)}[s + 1] || ' covering ' || ${textArray(topics)}[t + 1] || ', '
               || ${textArray(clauses)}[c + 1] || '. ' || ${textArray(sentences)}[s1 + 1] || ' ' || ${textArray(sentences)}[(s1 + 1 + s2 % 11) % 12 + 1]
               || ' ' || ${textArray(nameStarts)}[name / ${sql.raw(String(nameEnds.length))} + 1] || ${textArray(nameEnds)}[name % ${sql.raw(String(nameEnds.length))} + 1]
               || ' ' || ${textArray(nameKinds)}[kind + 1] || ' was consulted.'
               || case when fin < 40 then ' Estimated cost: £' || to_char(fin * 12500 + 5000, 'FM999,999,999') || '.' else '' end,
             case when st % 3 = 0 then 'Recommended by officers ' || ${textArray(clauses)}[(c + 5) % 12 + 1] || '.' end,
             'consensus',
             case when st < 85 then 'agreed' when st < 90 then 'rejected' when st < 95 then 'deferred' else 'inquorate' end,
             d,
             case when fin < 40 then fin * 12500 + 5000 end,
             case when prop < array_length(p.orgs, 1) then p.orgs[prop + 1] end,
             d + time '10:30' + make_interval(mins => (g % 120))
      from src, p
      returning id, status, decided_on
    )
    insert into decision_ratifications (decision_id, organisation_id, status, body, decided_on)
    select ins.id,
           p.boroughs[1 + ((h + j * 3) % array_length(p.boroughs, 1))::int],
           case when ins.decided_on > date '2026-09-01' then 'awaiting' when (h + j) % 10 = 0 then 'refused' else 'ratified' end,
           'Cabinet',
           case when ins.decided_on > date '2026-09-01' then null else ins.decided_on + 28 + ((h + j) % 30)::int end
    from ins
    cross join p
    cross join lateral (select (hashtext(ins.id::text)::bigint + 2147483648) as h) hh
    cross join lateral generate_series(0, (h % 3)::int) j
    where ins.status = 'agreed' and h % 100 < 15
    on conflict do nothing
  `;
}

// ------------------------------------------------------------- measuring

type Timing = { p50: number; p95: number; max: number; n: number };
/** A scenario whose warm-up averages over this is timed SLOW_N times, not N, to keep the run short. */
const SLOW_WARMUP_MS = 1000;
const SLOW_N = 10;

function summarise(samples: number[]): Omit<Timing, "n"> {
  const s = [...samples].sort((x, y) => x - y);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { p50: at(50), p95: at(95), max: s[s.length - 1] };
}

async function timeIt(fn: () => Promise<unknown>): Promise<Timing> {
  const warm = performance.now();
  for (let i = 0; i < WARMUP; i++) await fn();
  const n = WARMUP && (performance.now() - warm) / WARMUP > SLOW_WARMUP_MS ? Math.min(N, SLOW_N) : N;
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { ...summarise(samples), n };
}

/** Rows in the decision log's table: one row header per decision. */
const tableRows = (html: string) => (html.match(/<th scope="row"/g) ?? []).length;
const nextCursor = (html: string) => html.match(/[?&;]after=(\d{4}-\d{2}-\d{2}_[0-9a-f-]{36})/)?.[1] ?? null;

let retries = 0;

async function getPage(client: HttpClient, url: string) {
  let res: Response;
  try {
    res = await client.get(url);
  } catch (error) {
    // PGlite runs in this thread, so a slow query can hold up the server's
    // keep-alive timer until a request is already on the idle socket: retry
    // once on a fresh connection.
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "ECONNRESET" && code !== "UND_ERR_SOCKET") throw error;
    retries += 1;
    res = await client.get(url);
  }
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return body;
}

function table(headers: string[], rows: (string | number)[][]) {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  return [line(headers), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map((r) => line(r.map(String)))].join("\n");
}

// ------------------------------------------------------------------- main

async function main() {
  if (!fs.existsSync(path.join(buildDir, "server", "index.js"))) {
    console.error(`No server build at ${path.join(buildDir, "server", "index.js")}.\nRun \`npx react-router build\` first: the bench serves the existing build and builds nothing itself.`);
    process.exitCode = 1;
    return;
  }
  const memory: [string, number][] = [["at start", process.memoryUsage().rss]];
  let running: Awaited<ReturnType<typeof startServer>> | undefined;
  let dropped = false;
  log(`creating a fresh ${process.env.BENCH_DATABASE_URL ? "PostgreSQL" : "PGlite"} database`);
  const fresh = await createFreshDatabase(process.env.BENCH_DATABASE_URL);
  const cleanUp = async () => {
    if (dropped) return;
    dropped = true;
    try {
      if (running) await running.close();
      else if (fresh.kind === "pglite") await tryClose();
    } finally {
      await fresh.drop();
      log(`dropped the bench database (${fresh.kind === "postgres" ? new URL(fresh.databaseUrl).pathname.slice(1) : fresh.dataDir})`);
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    // The same environment as tests/helpers/server.ts startTestServer, which
    // is inlined so the database is dropped even if the server fails to start.
    Object.assign(process.env, { APP_ENV: "test", DATA_DIR: fresh.dataDir, PORT: "0", APP_TODAY: SCENARIO_TODAY, TRUST_PROXY_HEADER: "x-forwarded-for" });
    if (fresh.databaseUrl) process.env.DATABASE_URL = fresh.databaseUrl;
    else delete process.env.DATABASE_URL;
    resetEnvCache();
    let start = performance.now();
    running = await startServer({ buildDir, quiet: true });
    const baseUrl = `http://127.0.0.1:${running.port}`;
    process.env.APP_URL = baseUrl;
    resetEnvCache();
    log(`server on ${baseUrl} (${database().kind}), migrated and seeded in ${ms(performance.now() - start)} ms`);
    memory.push(["server started, demo data seeded", process.memoryUsage().rss]);

    const db = getDb();
    const [nelcp] = await db.select().from(partnerships).where(eq(partnerships.slug, SLUG));
    if (!nelcp) throw new Error(`The demo data has no partnership ${SLUG}`);
    const prefix = referencePrefix(nelcp);

    // ---------------------------------------------------------- bulk insert
    start = performance.now();
    for (let from = 1; from <= ROWS; from += BATCH) {
      const to = Math.min(ROWS, from + BATCH - 1);
      const t = performance.now();
      await db.execute(insertBatch(nelcp.id, prefix, from, to));
      log(`inserted decisions ${from}–${to} in ${ms(performance.now() - t)} ms`);
    }
    const insertMs = performance.now() - start;
    const analyseStart = performance.now();
    await db.execute(sql`analyze decisions`);
    await db.execute(sql`analyze decision_ratifications`);
    const analyseMs = performance.now() - analyseStart;
    const [counts] = await query<{ decisions: number; ratified: number; ratifications: number }>(
      db,
      sql`select (select count(*)::int from decisions where partnership_id = ${nelcp.id}::uuid) as decisions,
                 (select count(distinct r.decision_id)::int from decision_ratifications r join decisions d on d.id = r.decision_id where d.partnership_id = ${nelcp.id}::uuid) as ratified,
                 (select count(*)::int from decision_ratifications r join decisions d on d.id = r.decision_id where d.partnership_id = ${nelcp.id}::uuid) as ratifications`,
    );
    log(`${ROWS} decisions inserted in ${ms(insertMs)} ms, analysed in ${ms(analyseMs)} ms`);
    memory.push(["after the bulk insert", process.memoryUsage().rss]);

    // ------------------------------------------------------------ scenarios
    const client = new HttpClient(baseUrl);
    const signIn = await client.post("/sign-in", { email: CHAIR, password: PASSWORD, redirectTo: "/" });
    if (signIn.status !== 302) throw new Error(`Signing in as ${CHAIR} failed with ${signIn.status}: ${await signIn.text()}`);

    const searchWord = "kinship";
    const [{ n: searchMatches }] = await query<{ n: number }>(
      db,
      sql`select count(*)::int as n from decisions
          where partnership_id = ${nelcp.id}::uuid and decided_on is not null
            and to_tsvector('english', reference || ' ' || title || ' ' || text) @@ websearch_to_tsquery('english', ${searchWord})`,
    );
    const rareWord = "minutes";
    const [{ n: rareMatches }] = await query<{ n: number }>(
      db,
      sql`select count(*)::int as n from decisions
          where partnership_id = ${nelcp.id}::uuid and decided_on is not null
            and to_tsvector('english', reference || ' ' || title || ' ' || text) @@ websearch_to_tsquery('english', ${rareWord})`,
    );
    const [partner] = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.name, "London Borough of Barking and Dagenham"));
    // A keyset cursor from the middle of the log, about five years back.
    const [mid] = await query<{ decided_on: string; id: string }>(
      db,
      sql`select decided_on::text as decided_on, id::text as id from decisions
          where partnership_id = ${nelcp.id}::uuid and decided_on is not null
          order by decided_on desc, id desc offset ${Math.floor(counts.decisions / 2)} limit 1`,
    );
    // Follow the "Older decisions" links a few pages, as a reader would.
    const base = `/p/${SLUG}/decisions`;
    let cursor: string | null = null;
    const followed = 5;
    for (let i = 0; i < followed; i++) {
      const html = await getPage(client, cursor ? `${base}?after=${cursor}` : base);
      cursor = nextCursor(html);
      if (!cursor) throw new Error(`Page ${i + 1} of the log had no "Older decisions" link`);
    }

    const scenarios: { name: string; params: Record<string, string> }[] = [
      { name: "(a) first page", params: {} },
      { name: `(b1) page ${followed + 1}, cursors followed`, params: { after: cursor! } },
      { name: "(b2) mid-log keyset page", params: { after: `${mid.decided_on}_${mid.id}` } },
      { name: `(c) search "${searchWord}"`, params: { q: searchWord } },
      // A word only the demo data's own decisions use: too few matches to fill a page.
      { name: `(c2) search "${rareWord}" (${rareMatches} rows)`, params: { q: rareWord } },
      { name: '(c3) reference prefix "NELCP-2017-"', params: { q: "NELCP-2017-" } },
      { name: "(d) rejected, 2019–2021", params: { status: "rejected", from: "2019-01-01", to: "2021-12-31" } },
      { name: "(e) partner filter", params: { partner: partner.id } },
    ];

    const results: { name: string; http: Timing; direct: Timing; rows: number; next: boolean }[] = [];
    for (const s of scenarios) {
      const url = `${base}${Object.keys(s.params).length ? `?${new URLSearchParams(s.params)}` : ""}`;
      const html = await getPage(client, url);
      const rows = tableRows(html);
      const http = await timeIt(() => getPage(client, url));
      const q = decisionLogQuerySchema.parse(s.params);
      const direct = await timeIt(() => listDecisionLog(db, nelcp.id, q));
      const page = await listDecisionLog(db, nelcp.id, q);
      if (page.rows.length !== rows) throw new Error(`${s.name}: the page shows ${rows} rows but listDecisionLog returned ${page.rows.length}`);
      results.push({ name: s.name, http, direct, rows, next: page.next !== null });
      log(`${s.name}: HTTP p50 ${ms(http.p50)} ms, p95 ${ms(http.p95)} ms; listDecisionLog p50 ${ms(direct.p50)} ms`);
    }
    memory.push(["after the page scenarios", process.memoryUsage().rss]);

    // -------------------------------------------------------------- export
    const csvParams = { from: "2020-01-01", to: "2020-12-31" };
    const csvUrl = `/p/${SLUG}/decisions.csv?${new URLSearchParams(csvParams)}`;
    start = performance.now();
    const csvRes = await client.get(csvUrl);
    const csv = Buffer.from(await csvRes.arrayBuffer());
    const csvMs = performance.now() - start;
    if (csvRes.status !== 200) throw new Error(`GET ${csvUrl} answered ${csvRes.status}`);
    const csvRecords = (await query<{ n: number }>(
      db,
      sql`select count(*)::int as n from decisions where partnership_id = ${nelcp.id}::uuid and decided_on between ${csvParams.from}::date and ${csvParams.to}::date`,
    ))[0].n;
    memory.push(["after the CSV export", process.memoryUsage().rss]);

    // --------------------------------------------------------------- plans
    const slow = results.filter((r) => r.http.p95 > SLOW_MS || r.direct.p95 > SLOW_MS);
    const explainAll = process.env.BENCH_EXPLAIN === "1";
    for (const s of scenarios.filter((x) => explainAll || slow.some((r) => r.name === x.name))) {
      console.log(`\nEXPLAIN ANALYZE for ${s.name}${slow.some((r) => r.name === s.name) ? ` (p95 over ${SLOW_MS} ms)` : ""}:`);
      console.log(await explain(nelcp.id, decisionLogQuerySchema.parse(s.params)));
    }

    // -------------------------------------------------------------- report
    const kind = database().kind === "postgres" ? "PostgreSQL" : "PGlite";
    console.log(`\nDecision log benchmark on ${kind}: ${counts.decisions.toLocaleString("en-GB")} decisions in ${nelcp.shortName} ` +
      `(${counts.ratified.toLocaleString("en-GB")} with ${counts.ratifications.toLocaleString("en-GB")} ratification rows); ` +
      `"${searchWord}" matches ${searchMatches} (${((100 * searchMatches) / counts.decisions).toFixed(2)}%).`);
    console.log(`Bulk insert of ${ROWS.toLocaleString("en-GB")} decisions: ${ms(insertMs / 1000)} s, ANALYZE ${ms(analyseMs / 1000)} s. ` +
      `${WARMUP} warm-up then ${N} timed requests per scenario (n), one at a time; milliseconds.\n`);
    console.log(
      table(
        ["Scenario", "HTTP p50", "HTTP p95", "HTTP max", "listDecisionLog p50", "p95", "max", "n", "Rows"],
        results.map((r) => [r.name, ms(r.http.p50), ms(r.http.p95), ms(r.http.max), ms(r.direct.p50), ms(r.direct.p95), ms(r.direct.max), r.http.n === r.direct.n ? r.http.n : `${r.http.n}/${r.direct.n}`, `${r.rows}${r.next ? "+" : ""}`]),
      ),
    );
    console.log(`\nHTTP: request start to full body over localhost, session check, loader (log page, proposals, meetings, partners) and render included.`);
    if (results.some((r) => r.http.n < N || r.direct.n < N)) console.log(`n: ${SLOW_N} timed requests instead of ${N} where the warm-up averaged over ${SLOW_WARMUP_MS} ms.`);
    console.log(`Rows: rows in the page's table; + means an "Older decisions" link follows.${retries ? ` ${retries} request(s) retried after a reset keep-alive connection.` : ""}`);
    console.log(`\nCSV export, ${csvParams.from} to ${csvParams.to}: ${csvRecords.toLocaleString("en-GB")} decisions, ` +
      `${(csv.length / 1024).toFixed(0)} KiB in ${ms(csvMs)} ms (one request, not warmed up).`);
    console.log(`\nMemory (process RSS, server and ${kind === "PGlite" ? "PGlite database" : "client"} in this process):`);
    console.log(table(["When", "RSS"], memory.map(([when, rss]) => [when, mb(rss)])));
    const overall = results.filter((r) => r.http.p95 > SLOW_MS);
    console.log(overall.length ? `\nSLOW: ${overall.map((r) => r.name).join(", ")} over ${SLOW_MS} ms at p95.` : `\nEvery scenario's p95 is under ${SLOW_MS} ms.`);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanUp();
  }
}

async function tryClose() {
  try {
    await database().close();
  } catch {
    // never opened
  }
}

/** EXPLAIN ANALYZE of the exact statement listDecisionLog() sends for a query. */
async function explain(partnershipId: string, q: ReturnType<typeof decisionLogQuerySchema.parse>) {
  const handle = database();
  let captured: { sql: string; params: unknown[] } | undefined;
  const logger = { logQuery: (text: string, params: unknown[]) => void (captured = { sql: text, params }) };
  const capturing = (handle.pglite ? drizzlePglite(handle.pglite, { schema, logger }) : drizzlePostgres(handle.sql!, { schema, logger })) as unknown as Db;
  await listDecisionLog(capturing, partnershipId, q);
  if (!captured) throw new Error("listDecisionLog sent no query");
  const text = `explain (analyze, buffers) ${captured.sql}`;
  const params = captured.params as never[];
  const rows: Record<string, string>[] = handle.pglite
    ? ((await handle.pglite.query(text, params)).rows as Record<string, string>[])
    : await handle.sql!.unsafe(text, params);
  return rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n");
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
