/**
 * Page speed at national scale: `npm run bench` (the judge of issue "Fast at any size").
 *
 *   npm run bench -- postgres://postgres@127.0.0.1:5432/postgres
 *   BENCH_DATABASE_URL=postgres://… npm run bench
 *
 * The URL is an admin connection (a role that may create databases and roles).
 * The bench keeps two databases on that server between runs:
 *
 * - bench_national_<scale>: migrated and seeded exactly as the app does it,
 *   then the national dataset generated around the demo with set-based SQL
 *   (bench/lib/generate.ts): 1,000 partnerships, 50,000 people, 100,000
 *   meetings, 1,000,000 decisions, 400,000 actions, 150,000 returns and
 *   10,000,000 audit events, NELCP the busiest. Made once (a bench.dataset row
 *   marks it complete) and reused; BENCH_REGENERATE=1 (or --regenerate) makes
 *   it again. Later migrations are applied to a kept database on each run.
 * - bench_small: the demo alone.
 *
 * For each, it starts the production build (npm run build's build/, built
 * when missing or with BENCH_BUILD=1) as its own process, APP_ENV=production,
 * as a database role that owns nothing, with two web processes (WEB_CONCURRENCY,
 * as fly.toml's 2-CPU web machine) each heap limited to fit a 512 MB machine;
 * signs in as NELCP's chair over HTTP; then drives each page with autocannon
 * at 10 and then 50 clients, sampling the server's RSS every 200 ms, and
 * times the decision log's CSV export alone and two at once. It prints one
 * table, marks each figure that misses the issue's targets, and writes the
 * same as JSON to bench/results/<timestamp>-<scale>.json.
 *
 * Tunables: BENCH_SCALE (1 = national; 0.01 for a quick run), BENCH_SECONDS
 * (20 per page and client count on the national data), BENCH_SMALL_SECONDS
 * (half that, on the demo alone), BENCH_CLIENTS (10,50), BENCH_PAGES (names,
 * comma-separated, to run only some), BENCH_HEAP_MB (384), BENCH_LOG_LEVEL
 * (the server's LOG_LEVEL, warn), BENCH_WARMUP_SECONDS (2 per page), BENCH_WEB_CONCURRENCY (the web
 * processes, 2 as fly.toml's web machine runs them; 1 for one process), BENCH_SERVER_NODE_ARGS (node options
 * for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it);
 * BENCH_GENERATE_ONLY=1 (or --generate-only) makes or updates the databases and stops.
 */
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setUpDatabase } from "../db/setup";
import {
  adminClient,
  benchDatabase,
  createSeededDatabase,
  datasetMarker,
  markComplete,
  useBenchProcessEnv,
  type BenchDatabase,
} from "./lib/databases";
import { countRows, generateNationalData } from "./lib/generate";
import { ensureNationalRisks } from "./lib/risks";
import { loadPage, type LoadResult } from "./lib/load";
import { NATIONAL } from "./lib/plan";
import { ensureBuild, postgresCpuMs, RssSampler, startServer, treeCpuMs, type ServerProcess } from "./lib/server";
import { BenchClient } from "./lib/session";
import { flagFromEnv, log, mb, numberFromEnv, seconds, sleep, textTable } from "./lib/util";
import { SEARCH_WORD } from "./lib/vocabulary";

const root = path.resolve(import.meta.dirname, "..");
const CHAIR = "chair@nelcp.example";
const PASSWORD = "demo-password-2026";
const SLUG = "nelcp";
const MB = 1024 * 1024;

/** The issue's targets. */
const TARGETS = { p95At10Ms: 50, rpsVsFloor: 0.5, p99At50Ms: 250, nationalVsSmallP95: 1.5, rssMb: 512, floorRps: 600, csvPairRaiseMb: 50 };

type Page = { name: string; path: string; main: boolean };
type Row = { dataset: string; page: string; path: string; main: boolean } & LoadResult & {
  peakRssBytes: number;
  /** CPU used per answered request by the server process, by every PostgreSQL process, and by this process (autocannon). */
  cpuMsPerRequest: { server: number; postgres: number; loadGenerator: number };
};
type CsvRun = { concurrent: number; ms: number[]; bytes: number[]; lines: number[]; statuses: number[]; rssBeforeBytes: number; rssPeakBytes: number };
type DatasetRun = { rows: Row[]; csv: CsvRun[]; rssPeakBytes: number; rssTotalPeakBytes: number; missing: string[]; serverErrors: string[]; ids: Record<string, string>; searchHits?: { matches: number; of: number } };

// ------------------------------------------------------------------ datasets

async function migratedAt(url: string) {
  const db = adminClient(url);
  try {
    const [row] = await db`select count(*)::int as n from drizzle.__drizzle_migrations`;
    return row.n as number;
  } catch {
    return 0;
  } finally {
    await db.end();
  }
}

/** The database ready to bench: kept from an earlier run (brought up to the current migrations), or made now. */
async function prepare(adminUrl: string, target: BenchDatabase, kind: "national" | "small", scale: number, regenerate: boolean) {
  const marker = regenerate ? null : await datasetMarker(adminUrl, target.name);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "governance-bench-"));
  try {
    if (marker) {
      const before = await migratedAt(target.ownerUrl);
      await setUpDatabase({ migrationUrl: target.ownerUrl, databaseUrl: target.appUrl, dataDir });
      const after = await migratedAt(target.ownerUrl);
      if (after > before) {
        const db = adminClient(target.ownerUrl);
        await db`analyze`;
        await db.end();
        log(
          `${target.name}: applied ${after - before} new migration(s) to the kept database and analysed it; ` +
            "demo or generated records of anything new are not in it until BENCH_REGENERATE=1",
        );
      }
      log(`${target.name}: kept from ${marker.madeAt ?? "an earlier run"} (BENCH_REGENERATE=1 makes it again)`);
      if (kind === "national") await ensureNationalRisks(target.ownerUrl, scale);
      const ageDays = (Date.now() - Date.parse(String(marker.madeAt))) / 86_400_000;
      if (ageDays > 30)
        log(`${target.name}: made ${Math.floor(ageDays)} days ago; its records end on that day (meetings then upcoming have no attendance now): consider BENCH_REGENERATE=1`);
      return marker;
    }
    const started = performance.now();
    log(`${target.name}: making the ${kind} dataset`);
    await createSeededDatabase(adminUrl, target);
    let info: Record<string, unknown>;
    if (kind === "national") {
      const report = await generateNationalData(target.ownerUrl, scale);
      await ensureNationalRisks(target.ownerUrl, scale);
      info = { kind, scale, generationSeconds: report.seconds, steps: report.steps, counts: report.counts, nelcp: report.nelcp };
    } else {
      const db = adminClient(target.ownerUrl);
      await db`vacuum analyze`;
      info = { kind, counts: await countRows(db) };
      await db.end();
    }
    const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
    info = { ...info, totalSeconds, madeAt: new Date().toISOString(), migrations: await migratedAt(target.ownerUrl) };
    await markComplete(target.ownerUrl, info);
    log(`${target.name}: made in ${totalSeconds} s (migrate, seed${kind === "national" ? `, generate ${info.generationSeconds} s` : ""})`);
    return info;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------- pages

async function discover(target: BenchDatabase, client: BenchClient) {
  const db = adminClient(target.ownerUrl);
  try {
    const [p] = await db`select id from partnerships where slug = ${SLUG}`;
    // A meeting with a full record: held in the last year, with the most decisions and actions.
    const [meeting] = await db`
      select m.id from meetings m
       where m.partnership_id = ${p.id} and m.cancelled_at is null and m.starts_at < now() and m.starts_at > now() - interval '1 year'
         and exists (select 1 from attendance a where a.meeting_id = m.id)
       order by (select count(*) from decisions d where d.meeting_id = m.id) + (select count(*) from actions a where a.meeting_id = m.id) desc,
                (select count(*) from agenda_items i where i.meeting_id = m.id) desc, m.starts_at desc
       limit 1`;
    // A deep page of the log: the cursor nine tenths of the way back.
    const [{ n: logged }] = await db`select count(*)::int as n from decisions where partnership_id = ${p.id} and decided_on is not null`;
    const [deep] = await db`
      select decided_on::text as d, id::text as id from decisions where partnership_id = ${p.id} and decided_on is not null
       order by decided_on desc, id desc offset ${Math.floor(logged * 0.9)} limit 1`;
    const [obligation] = await db`
      select o.id from obligations o where o.partnership_id = ${p.id}
       order by (select count(*) from submissions s where s.obligation_id = o.id) desc, o.id limit 1`;
    const [{ n: hits }] = await db`
      select count(*)::int as n from decisions where partnership_id = ${p.id} and decided_on is not null
         and to_tsvector('english', reference || ' ' || title || ' ' || text) @@ websearch_to_tsquery('english', ${SEARCH_WORD})`;
    const feed = await client.createCalendarFeed();
    // The audit trail explorer: the decision with the longest history among the chain's newest 20,000 events, and a
    // year-long range a year back (the chain's dates, so the same on the demo and the national data).
    const [busiest] = await db`
      select entity_id as id from (select entity_id from audit_events where chain = ${p.id}::text and entity_type = 'decision' order by seq desc limit 20000) e
       group by entity_id order by count(*) desc limit 1`;
    const [span] = await db`select min(occurred_at) as lo, max(occurred_at) as hi from audit_events where chain = ${p.id}::text`;
    const yearBack = (d: Date, years: number) => new Date(Math.max(new Date(span.lo).getTime(), d.getTime() - years * 365 * 86_400_000)).toISOString().slice(0, 10);
    const auditRange = span.hi ? { from: yearBack(new Date(span.hi), 2), to: yearBack(new Date(span.hi), 1) } : undefined;
    return { auditRecord: busiest?.id as string | undefined, auditRange, meeting: meeting?.id as string | undefined, deep: deep ? `${deep.d}_${deep.id}` : undefined, obligation: obligation?.id as string | undefined, feed, searchHits: { matches: hits as number, of: logged as number } };
  } finally {
    await db.end();
  }
}

/** Compliance has its own page when app/routes.ts names one; otherwise it is the obligations page's "How each partner is doing". */
function complianceRoute(): string | null {
  const routes = fs.readFileSync(path.join(root, "app", "routes.ts"), "utf8");
  const found = routes.match(/route\("([^"]*compliance[^"]*)"/)?.[1];
  return found && !found.includes(":") ? found : null;
}

function pagesFor(ids: Awaited<ReturnType<typeof discover>>): Page[] {
  const p = `/p/${SLUG}`;
  const compliance = complianceRoute();
  const pages: (Page | null)[] = [
    { name: "home", path: "/", main: true },
    { name: "overview", path: p, main: true },
    { name: "board", path: `${p}/board`, main: true },
    { name: "decisions", path: `${p}/decisions`, main: true },
    { name: "decisions agreed", path: `${p}/decisions?status=agreed`, main: true },
    { name: `decisions "${SEARCH_WORD}"`, path: `${p}/decisions?q=${SEARCH_WORD}`, main: true },
    ids.deep ? { name: "decisions deep page", path: `${p}/decisions?after=${ids.deep}`, main: true } : null,
    ids.meeting ? { name: "meeting", path: `${p}/meetings/${ids.meeting}`, main: true } : null,
    ids.meeting ? { name: "meeting running", path: `${p}/meetings/${ids.meeting}/run`, main: true } : null,
    { name: "my actions", path: "/actions", main: true },
    // Without a compliance page of its own, the obligations page is the compliance view ("How each partner is doing").
    { name: compliance ? "obligations" : "obligations + compliance", path: `${p}/obligations`, main: true },
    compliance ? { name: "compliance", path: compliance.startsWith("/") ? compliance : `${p}/${compliance}`, main: true } : null,
    ids.obligation ? { name: "return", path: `${p}/obligations/${ids.obligation}`, main: true } : null,
    ids.obligation ? { name: "return's figures csv", path: `${p}/obligations/${ids.obligation}/returns.csv`, main: true } : null,
    { name: "money", path: `${p}/money`, main: true },
    { name: "calendar feed", path: ids.feed, main: true },
    { name: "risk register", path: `${p}/risks`, main: true },
    { name: "risks red service delivery", path: `${p}/risks?band=red&category=service_delivery`, main: true },
    { name: "risk heat map", path: `${p}/risks/heat-map`, main: true },
    { name: "audit trail", path: `${p}/audit`, main: true },
    { name: "audit trail minutes approved", path: `${p}/audit?action=minutes.approve`, main: true },
    ids.auditRange ? { name: "audit trail decisions in a year", path: `${p}/audit?type=decision&from=${ids.auditRange.from}&to=${ids.auditRange.to}`, main: true } : null,
    ids.auditRecord ? { name: "audit trail record history", path: `${p}/audit?type=decision&record=${ids.auditRecord}`, main: true } : null,
    { name: "accountability", path: `${p}/accountability`, main: true },
    { name: "scrutiny questions", path: `${p}/scrutiny/challenges`, main: true },
    // A year's scrutiny pack as a PDF: its budget is seconds (under 10 s for the busiest partnership), not the pages' 50 ms.
    { name: "scrutiny pack pdf", path: `${p}/scrutiny/pack.pdf`, main: false },
    { name: "healthz", path: "/healthz", main: false },
    { name: "floor", path: "/accessibility", main: false },
  ];
  const only = (process.env.BENCH_PAGES ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return pages.filter((x): x is Page => x !== null && (!only.length || only.includes(x.name) || x.name === "floor"));
}

// ------------------------------------------------------------------ running

async function streamCsv(baseUrl: string, headers: Record<string, string>, url: string) {
  const started = performance.now();
  const res = await fetch(baseUrl + url, { headers, signal: AbortSignal.timeout(300_000) });
  let bytes = 0;
  let lines = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines += 1;
    }
  }
  return { ms: performance.now() - started, bytes, lines, status: res.status };
}

async function csvRuns(server: ServerProcess, sampler: RssSampler, headers: Record<string, string>): Promise<CsvRun[]> {
  const url = `/p/${SLUG}/decisions.csv`;
  const runs: CsvRun[] = [];
  for (const concurrent of [1, 2]) {
    await sleep(3000);
    const before = sampler.mark();
    const results = await Promise.all(Array.from({ length: concurrent }, () => streamCsv(server.baseUrl, headers, url)));
    runs.push({
      concurrent,
      ms: results.map((r) => Math.round(r.ms)),
      bytes: results.map((r) => r.bytes),
      lines: results.map((r) => r.lines),
      statuses: results.map((r) => r.status),
      rssBeforeBytes: before,
      // All the web processes together: two exports may be answered by two of them.
      rssPeakBytes: sampler.totalWindowMax(),
    });
    log(`  CSV x${concurrent}: ${results.map((r) => `${r.status} ${seconds(r.ms)} ${mb(r.bytes)}`).join(", ")}; RSS ${mb(before)} → peak ${mb(sampler.totalWindowMax())}`);
  }
  return runs;
}

async function runDataset(dataset: string, target: BenchDatabase, secondsEach: number, clients: number[], options: { heapMb: number; logLevel: string; warmupSeconds: number; webProcesses: number }): Promise<DatasetRun> {
  log(`${dataset}: starting the production server on ${target.name}`);
  const server = await startServer(target, options);
  const sampler = new RssSampler(server.pid);
  try {
    const client = new BenchClient(server.baseUrl);
    await client.signIn(CHAIR, PASSWORD);
    const ids = await discover(target, client);
    const headers = client.headers();
    const rows: Row[] = [];
    const missing: string[] = [];
    for (const page of pagesFor(ids)) {
      const check = await client.get(page.path);
      await check.arrayBuffer();
      if (check.status === 404 && page.name === "floor") {
        missing.push(`${page.name} (${page.path} answered 404)`);
        log(`  ${page.name}: ${page.path} answered 404; the floor page is missing`);
        continue;
      }
      if (check.status !== 200) log(`  ${page.name}: ${page.path} answered ${check.status} before the run`);
      if (options.warmupSeconds > 0) await loadPage(server.baseUrl + page.path, headers, clients[0], options.warmupSeconds);
      for (const c of clients) {
        sampler.mark();
        const cpu = { server: treeCpuMs(server.pid), postgres: postgresCpuMs(), self: process.cpuUsage() };
        const result = await loadPage(server.baseUrl + page.path, headers, c, secondsEach);
        const self = process.cpuUsage(cpu.self);
        const per = (ms: number) => Math.round((ms / Math.max(1, result.requests)) * 100) / 100;
        const row: Row = {
          dataset,
          page: page.name,
          path: page.path,
          main: page.main,
          ...result,
          peakRssBytes: sampler.windowMax(),
          cpuMsPerRequest: { server: per(treeCpuMs(server.pid) - cpu.server), postgres: per(postgresCpuMs() - cpu.postgres), loadGenerator: per((self.user + self.system) / 1000) },
        };
        rows.push(row);
        log(`  ${page.name} ×${c}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}, RSS ${mb(row.peakRssBytes)}`);
        if (!server.isRunning()) throw new Error(`The server exited during ${page.name}:\n${server.output().slice(-5000)}`);
      }
      // Work a page left queued (packs waiting their turn) finishes before the next page is timed.
      await untilQuiet(server.baseUrl);
    }
    const csv = await csvRuns(server, sampler, headers);
    const serverErrors = server
      .output()
      .split("\n")
      .filter((l) => /"level":(50|60)|error/i.test(l))
      .slice(-20);
    return { rows, csv, rssPeakBytes: sampler.peak, rssTotalPeakBytes: sampler.totalPeak, missing, serverErrors, ids: { meeting: ids.meeting ?? "", deepCursor: ids.deep ?? "", obligation: ids.obligation ?? "", feed: "/calendar/feed/…" }, searchHits: ids.searchHits };
  } finally {
    sampler.stop();
    await server.stop();
  }
}

/** Waits (up to 60 s) until the server answers /healthz three times running within 20 ms. */
async function untilQuiet(baseUrl: string) {
  const deadline = performance.now() + 60_000;
  let quick = 0;
  while (quick < 3 && performance.now() < deadline) {
    const started = performance.now();
    const res = await fetch(`${baseUrl}/healthz`).catch(() => null);
    await res?.arrayBuffer();
    quick = res?.ok && performance.now() - started < 20 ? quick + 1 : 0;
    if (quick < 3) await sleep(quick ? 50 : 250);
  }
}

// ------------------------------------------------------------------- report

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const miss = (text: string, missed: boolean) => (missed ? `${text} ✗` : text);

type Miss = { target: string; what: string; value: string };

function report(national: DatasetRun, small: DatasetRun | null, clients: number[]) {
  const misses: Miss[] = [];
  const floorOf = (rows: Row[], c: number) => rows.find((r) => r.page === "floor" && r.clients === c);
  const table: (string | number)[][] = [];
  const rows = national.rows.map((r) => {
    const floor = floorOf(national.rows, r.clients);
    const vsFloor = floor && floor.rps > 0 ? r.rps / floor.rps : NaN;
    const smallRow = small?.rows.find((s) => s.page === r.page && s.clients === r.clients);
    const vsSmall = smallRow ? r.p95 / smallRow.p95 : NaN;
    const at = `${r.page} ×${r.clients}`;
    const checks = {
      p95: r.main && r.clients === 10 && !(r.p95 < TARGETS.p95At10Ms),
      p99: r.clients === 50 && !(r.p99 < TARGETS.p99At50Ms),
      errors: r.errors > 0,
      vsFloor: r.main && Number.isFinite(vsFloor) && vsFloor < TARGETS.rpsVsFloor,
      vsSmall: r.main && Number.isFinite(vsSmall) && vsSmall > TARGETS.nationalVsSmallP95,
      rss: r.peakRssBytes >= TARGETS.rssMb * MB,
      floorRps: r.page === "floor" && r.rps < TARGETS.floorRps,
    };
    if (checks.p95) misses.push({ target: `main page p95 < ${TARGETS.p95At10Ms} ms at 10 clients`, what: at, value: `${fmt(r.p95)} ms` });
    if (checks.p99) misses.push({ target: `p99 < ${TARGETS.p99At50Ms} ms at 50 clients`, what: at, value: `${fmt(r.p99)} ms` });
    if (checks.errors) misses.push({ target: "no errors", what: at, value: `${r.errors} (${Object.entries(r.statuses).map(([k, v]) => `${k}: ${v}`).join(", ")}${r.timeouts ? `, ${r.timeouts} timeouts` : ""})` });
    if (checks.vsFloor) misses.push({ target: `req/s ≥ ${TARGETS.rpsVsFloor} × the floor's`, what: at, value: fmt(vsFloor, 2) });
    if (checks.vsSmall) misses.push({ target: `national p95 ≤ ${TARGETS.nationalVsSmallP95} × the demo's`, what: at, value: fmt(vsSmall, 2) });
    if (checks.rss) misses.push({ target: `server RSS < ${TARGETS.rssMb} MB`, what: at, value: mb(r.peakRssBytes) });
    if (checks.floorRps) misses.push({ target: `floor ≥ ${TARGETS.floorRps} req/s`, what: at, value: `${fmt(r.rps, 0)} req/s` });
    table.push([
      r.page,
      r.clients,
      miss(fmt(r.rps, 0), checks.floorRps),
      fmt(r.p50),
      miss(fmt(r.p95), checks.p95),
      miss(fmt(r.p99), checks.p99),
      miss(String(r.errors), checks.errors),
      r.main || r.page === "floor" ? miss(fmt(vsFloor, 2), checks.vsFloor) : "",
      miss(fmt(vsSmall, 2), checks.vsSmall),
      miss(mb(r.peakRssBytes), checks.rss),
      Math.round(r.meanBytes / 1024),
      `${fmt(r.cpuMsPerRequest.server)} + ${fmt(r.cpuMsPerRequest.postgres)}`,
    ]);
    return { ...r, rpsVsFloor: vsFloor, p95VsSmall: vsSmall, smallP95: smallRow?.p95 ?? null, misses: Object.entries(checks).filter(([, v]) => v).map(([k]) => k) };
  });
  if (national.rssPeakBytes >= TARGETS.rssMb * MB) misses.push({ target: `server RSS < ${TARGETS.rssMb} MB`, what: "overall", value: mb(national.rssPeakBytes) });
  for (const m of national.missing) misses.push({ target: "pages present", what: m, value: "missing" });
  const csvLines: string[] = [];
  for (const [name, run] of [["national", national], ["demo", small]] as const) {
    if (!run) continue;
    for (const c of run.csv) {
      const raise = c.rssPeakBytes - c.rssBeforeBytes;
      const raiseMissed = c.concurrent === 2 && name === "national" && raise >= TARGETS.csvPairRaiseMb * MB;
      const failed = c.statuses.some((s) => s !== 200);
      if (raiseMissed) misses.push({ target: `two concurrent whole-log CSVs raise RSS < ${TARGETS.csvPairRaiseMb} MB`, what: "decisions.csv ×2", value: `+${mb(raise)}` });
      if (failed && name === "national") misses.push({ target: "no errors", what: `decisions.csv ×${c.concurrent}`, value: c.statuses.join(", ") });
      csvLines.push(
        `CSV ${name}, ${c.concurrent === 1 ? "one" : "two at once"}: ${c.ms.map((ms) => seconds(ms)).join(" and ")} ` +
          `(${c.lines.map((l) => `${Math.max(0, l - 1).toLocaleString("en-GB")} decisions`).join(" and ")}, ${c.bytes.map((b) => mb(b)).join(" and ")})` +
          `${failed ? `, status ${c.statuses.join("/")} ✗` : ""}; server RSS ${mb(c.rssBeforeBytes)} before, peak ${mb(c.rssPeakBytes)} during ` +
          `(${miss(`+${mb(Math.max(0, raise))}`, raiseMissed)})`,
      );
    }
  }
  const text = textTable(["Page", "Clients", "req/s", "p50 ms", "p95 ms", "p99 ms", "Errors", "req/s vs floor", "p95 national/demo", "Peak RSS", "KB", "CPU ms/req app + db"], table);
  const byTarget = new Map<string, Miss[]>();
  for (const m of misses) byTarget.set(m.target, [...(byTarget.get(m.target) ?? []), m]);
  const summary = [...byTarget.entries()].map(([target, list]) => `  - ${target}: missed by ${list.length}: ${list.map((m) => `${m.what} (${m.value})`).join(", ")}`);
  return { text, csvLines, misses, summary, rows, clients };
}

// --------------------------------------------------------------------- main

async function main() {
  const args = process.argv.slice(2);
  const adminUrl = args.find((a) => /^postgres(ql)?:\/\//.test(a)) ?? process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    console.error("Usage: npm run bench -- postgres://user@host:5432/postgres   (or BENCH_DATABASE_URL=…)\nThe URL is an admin connection that may create databases and roles; the bench keeps bench_… databases there.");
    process.exitCode = 2;
    return;
  }
  const scale = numberFromEnv("BENCH_SCALE", 1);
  const secondsEach = numberFromEnv("BENCH_SECONDS", 20);
  const smallSeconds = numberFromEnv("BENCH_SMALL_SECONDS", Math.max(5, Math.round(secondsEach / 2)));
  const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
  const clients = (process.env.BENCH_CLIENTS ?? "10,50").split(",").map((s) => Number(s.trim())).filter((n) => n > 0);
  const regenerate = flagFromEnv("BENCH_REGENERATE") || args.includes("--regenerate");
  const options = { heapMb: numberFromEnv("BENCH_HEAP_MB", 384), logLevel: process.env.BENCH_LOG_LEVEL ?? "warn", warmupSeconds, webProcesses: numberFromEnv("BENCH_WEB_CONCURRENCY", 2) };
  const scaleName = String(scale).replace(/[^0-9]/g, "_");
  const startedAt = new Date();

  ensureBuild(flagFromEnv("BENCH_BUILD"));
  // The seed, run in this process, dates the demo to today as production would.
  const national = benchDatabase(adminUrl, `bench_national_${scaleName}`);
  const small = benchDatabase(adminUrl, "bench_small");
  useBenchProcessEnv(national.appUrl, fs.mkdtempSync(path.join(os.tmpdir(), "governance-bench-env-")), {
    sessionSecret: randomBytes(32).toString("hex"),
    checkpointKey: randomBytes(32).toString("base64"),
  });
  const nationalInfo = await prepare(adminUrl, national, "national", scale, regenerate);
  const smallInfo = await prepare(adminUrl, small, "small", 1, regenerate);
  if (args.includes("--generate-only") || flagFromEnv("BENCH_GENERATE_ONLY")) {
    console.log(JSON.stringify({ national: { name: national.name, ...nationalInfo }, demo: { name: small.name, ...smallInfo } }, null, 2));
    return;
  }

  const nationalRun = await runDataset("national", national, secondsEach, clients, options);
  const smallRun = await runDataset("demo", small, smallSeconds, clients, options);
  const out = report(nationalRun, smallRun, clients);

  const counts = (nationalInfo.counts ?? {}) as Record<string, number>;
  const nelcp = (nationalInfo.nelcp ?? {}) as Record<string, number>;
  console.log(`\nPage speed at scale ${scale} (${scale === 1 ? "national" : `${scale} × national`}) on PostgreSQL; production build, ${options.webProcesses} web process${options.webProcesses === 1 ? "" : "es"} (WEB_CONCURRENCY, as fly.toml's web machine runs), each with a ${options.heapMb} MB heap limit; ${os.cpus().length} cores shared by the server, PostgreSQL and autocannon.`);
  console.log(
    `Dataset ${national.name}: ${(counts.partnerships ?? 0).toLocaleString("en-GB")} partnerships, ${(counts.users ?? 0).toLocaleString("en-GB")} people, ` +
      `${(counts.meetings ?? 0).toLocaleString("en-GB")} meetings, ${(counts.decisions ?? 0).toLocaleString("en-GB")} decisions, ${(counts.actions ?? 0).toLocaleString("en-GB")} actions, ` +
      `${(counts.submissions ?? 0).toLocaleString("en-GB")} returns, ${(counts.audit_events ?? 0).toLocaleString("en-GB")} audit events; NELCP ${(nelcp.meetings ?? 0).toLocaleString("en-GB")} meetings, ` +
      `${(nelcp.decisions ?? 0).toLocaleString("en-GB")} decisions, ${(nelcp.audit_events ?? 0).toLocaleString("en-GB")} audit events. ` +
      `Made in ${nationalInfo.totalSeconds} s (generation ${nationalInfo.generationSeconds} s) on ${String(nationalInfo.madeAt).slice(0, 10)}.`,
  );
  if (nationalRun.searchHits) console.log(`Search "${SEARCH_WORD}" matches ${nationalRun.searchHits.matches.toLocaleString("en-GB")} of ${nationalRun.searchHits.of.toLocaleString("en-GB")} logged decisions.`);
  console.log(`${secondsEach} s per page and client count on the national data (${smallSeconds} s on the demo alone), after a ${warmupSeconds} s warm-up per page.\n`);
  console.log(out.text);
  console.log(`\nErrors: answers of 4xx/5xx, connection errors and timeouts (${10} s). req/s vs floor: this page's req/s over /accessibility's at the same clients. ` + "p95 national/demo: this p95 over the same page's on the demo alone. ✗: misses the issue's target.\n" +
      "KB: mean response size. CPU ms/req: CPU time per answered request used by the server (all its web processes) and by all PostgreSQL processes on the machine (the load generator used the rest of the two cores).");
  console.log(
    `Server RSS peak overall, the largest web process: ${miss(mb(nationalRun.rssPeakBytes), nationalRun.rssPeakBytes >= TARGETS.rssMb * MB)} on the national data, ${mb(smallRun.rssPeakBytes)} on the demo; ` +
      `all ${options.webProcesses > 1 ? `${options.webProcesses + 1} processes (the first hands out connections)` : "of it"} together: ${mb(nationalRun.rssTotalPeakBytes)} and ${mb(smallRun.rssTotalPeakBytes)}.`,
  );
  for (const line of out.csvLines) console.log(line);
  console.log(out.misses.length ? `\nMisses (${out.misses.length}), by target:\n${out.summary.join("\n")}` : "\nEvery figure meets the issue's targets.");
  if (nationalRun.serverErrors.length) console.log(`\nThe server's last error lines (national):\n${nationalRun.serverErrors.map((l) => `  ${l.slice(0, 400)}`).join("\n")}`);

  const resultsDir = path.join(root, "bench", "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, "-")}-${scaleName}.json`);
  const commit = (() => {
    try {
      return execSync("git rev-parse HEAD", { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    } catch {
      return null;
    }
  })();
  fs.writeFileSync(
    file,
    `${JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        commit,
        machine: { cpus: os.cpus().length, memoryBytes: os.totalmem(), node: process.version },
        settings: { scale, secondsEach, smallSeconds, clients, ...options, national: NATIONAL },
        targets: TARGETS,
        datasets: { national: { name: national.name, ...nationalInfo }, demo: { name: small.name, ...smallInfo } },
        ids: nationalRun.ids,
        searchHits: nationalRun.searchHits,
        rows: out.rows,
        demoRows: smallRun.rows,
        csv: { national: nationalRun.csv, demo: smallRun.csv },
        rssPeakBytes: { national: nationalRun.rssPeakBytes, demo: smallRun.rssPeakBytes },
        rssTotalPeakBytes: { national: nationalRun.rssTotalPeakBytes, demo: smallRun.rssTotalPeakBytes },
        missing: nationalRun.missing,
        misses: out.misses,
        serverErrors: { national: nationalRun.serverErrors, demo: smallRun.serverErrors },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nResults: ${path.relative(root, file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
