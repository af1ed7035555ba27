/**
 * Scheduling benchmark: one reminder scheduling pass over 500 partnerships
 * of 10 partners with 8 obligations each (40,000 partner-obligations).
 *
 *   npm run bench:scheduling                      # embedded PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:scheduling
 *
 * It creates a fresh database (as the tests do), loads the partnerships with
 * set-based SQL (bypassing the audit trail: the bench measures the pass, not
 * the writes), gives each partner a representative and a quarter of the
 * partners a return already submitted, then times collectReminders() and
 * recordReminders() for an instant when the quarterly returns fall due, and
 * a second pass at the same instant (which must record nothing new).
 * Reports wall time and memory. The database is removed at the end.
 *
 * Tunables: BENCH_PARTNERSHIPS (500), BENCH_PARTNERS (10), BENCH_OBLIGATIONS (8).
 */
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { collectReminders, recordReminders } from "../app/areas/notifications/public.server";
import { reminderCollectors } from "../jobs/collectors";
import { openDatabase, setDatabase } from "../db/client";
import { createFreshDatabase } from "./lib/fresh-database";

const whole = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number`);
  return Number(raw);
};
const PARTNERSHIPS = whole("BENCH_PARTNERSHIPS", 500);
const PARTNERS = whole("BENCH_PARTNERS", 10);
const OBLIGATIONS = whole("BENCH_OBLIGATIONS", 8);
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  process.env.APP_ENV = "test";
  const fresh = await createFreshDatabase(process.env.BENCH_DATABASE_URL);
  const handle = openDatabase({ databaseUrl: fresh.databaseUrl, dataDir: fresh.dataDir });
  await handle.migrate();
  const t = { db: handle.db, kind: fresh.kind, close: async () => (await handle.close(), await fresh.drop()) };
  setDatabase(handle);
  try {
    const db = t.db;
    const started = performance.now();
    // Organisations: PARTNERS per partnership, each with a representative.
    await db.execute(sql`insert into partnerships (id, slug, name, short_name, purpose, type, status, start_date)
      select gen_random_uuid(), 'p' || g, 'Partnership ' || g, 'P' || g, 'Benchmark', 'strategic_partnership', 'active', '2020-04-01'
      from generate_series(1, ${PARTNERSHIPS}) g`);
    await db.execute(sql`insert into organisations (id, name, type)
      select gen_random_uuid(), 'Organisation ' || p.slug || '-' || n, case when n % 3 = 0 then 'voluntary_sector' else 'local_authority' end
      from partnerships p, generate_series(1, ${PARTNERS}) n`);
    await db.execute(sql`insert into partnership_partners (id, partnership_id, organisation_id, role, joined_on)
      select gen_random_uuid(), p.id, o.id, 'member_authority', '2020-04-01'
      from partnerships p join organisations o on o.name like 'Organisation ' || p.slug || '-%'`);
    await db.execute(sql`insert into users (id, email, name)
      select gen_random_uuid(), 'rep-' || o.id || '@bench.example', 'Rep ' || o.name from organisations o`);
    await db.execute(sql`insert into partnership_roles (id, partnership_id, user_id, role, organisation_id)
      select gen_random_uuid(), pp.partnership_id, u.id, 'partner_rep', pp.organisation_id
      from partnership_partners pp join users u on u.email = 'rep-' || pp.organisation_id || '@bench.example'`);
    // OBLIGATIONS per partnership, owed by every local authority or by one partner, mostly quarterly.
    await db.execute(sql`insert into obligations (id, partnership_id, type, title, owed_by_organisation_type, owed_by_organisation_id, cadence, due_rule, starts_on)
      select gen_random_uuid(), p.id, 'data_return', 'Return ' || k,
        case when k % 2 = 0 then 'local_authority' else null end,
        case when k % 2 = 1 then (select pp.organisation_id from partnership_partners pp where pp.partnership_id = p.id order by pp.organisation_id limit 1 offset (k % ${PARTNERS})) else null end,
        case when k % 4 = 3 then 'monthly' else 'quarterly' end,
        ('{"kind":"working_days_after_period_end","days":' || (10 + k) || '}')::jsonb, '2024-04-01'
      from partnerships p, generate_series(1, ${OBLIGATIONS}) k`);
    // A quarter of the partners have already submitted the latest quarter of each quarterly return.
    await db.execute(sql`insert into submissions (id, obligation_id, organisation_id, period_key, due_date, submitted_at, submitted_on, status)
      select gen_random_uuid(), o.id, pp.organisation_id, '2026-09-30', '2026-10-28', '2026-10-20T10:00:00Z', '2026-10-20', 'accepted'
      from obligations o join partnership_partners pp on pp.partnership_id = o.partnership_id
      where o.cadence = 'quarterly' and hashtext(pp.organisation_id::text) % 4 = 0`);
    await db.execute(sql`analyze`);
    const counts: unknown = await db.execute(sql`select (select count(*) from partnerships) as partnerships, (select count(*) from partnership_partners) as partners,
      (select count(*) from obligations) as obligations, (select count(*) from submissions) as submissions`);
    const first = Array.isArray(counts) ? counts[0] : (counts as { rows: unknown[] }).rows[0];
    log(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(first)}`);

    // Mid-October 2026: quarterly returns for July to September fall due over the next fortnight.
    const now = new Date("2026-10-19T07:00:00Z");
    const rssBefore = process.memoryUsage().rss;
    if (global.gc) global.gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const messages = await collectReminders(db, now, reminderCollectors);
    const t1 = performance.now();
    const created = await recordReminders(db, messages);
    const t2 = performance.now();
    const again = await recordReminders(db, await collectReminders(db, now, reminderCollectors));
    const t3 = performance.now();
    clearInterval(sampler);
    const heapAfter = process.memoryUsage().heapUsed;
    console.log(`Scheduling pass for ${PARTNERSHIPS} partnerships × ${PARTNERS} partners × ${OBLIGATIONS} obligations on ${t.kind}`);
    console.log(`| step | time |`);
    console.log(`|---|---|`);
    console.log(`| collect reminders due (${messages.length} messages) | ${((t1 - t0) / 1000).toFixed(2)} s |`);
    console.log(`| record them under unique keys (${created.length} new) | ${((t2 - t1) / 1000).toFixed(2)} s |`);
    console.log(`| the same pass again (${again.length} new) | ${((t3 - t2) / 1000).toFixed(2)} s |`);
    console.log(`Memory: RSS ${mb(rssBefore)} before, peak ${mb(peakRss)}; heap ${mb(heapBefore)} → ${mb(heapAfter)}`);
    if (again.length !== 0) throw new Error("A second pass at the same instant recorded new reminders");
  } finally {
    await t.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
