import { timingSafeEqual } from "node:crypto";
import { count, sql } from "drizzle-orm";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { getDb } from "../../db/client";
import { remindersSent } from "../../db/schema";

// Prometheus metrics for /metrics (behind METRICS_TOKEN): request latency by
// route pattern, and, read from the database when scraped so that the worker
// process's work counts too, jobs by queue and state and reminder deliveries
// by status (failed ones included).

type Metrics = { registry: Registry; requestSeconds: Histogram<"method" | "route" | "status"> };

const key = Symbol.for("partnership-governance.metrics");
type GlobalWithMetrics = typeof globalThis & { [key]?: Metrics };

export function metrics(): Metrics {
  const g = globalThis as GlobalWithMetrics;
  if (g[key]) return g[key];
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestSeconds = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status class",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "jobs",
    help: "Scheduled jobs by queue and state (pg-boss)",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const result = await getDb().execute(sql`select name, state::text as state, count(*)::int as n from pgboss.job group by 1, 2`);
        // PGlite answers { rows }, postgres.js an array of rows.
        const rows = ((result as { rows?: unknown[] }).rows ?? result) as { name: string; state: string; n: number }[];
        for (const r of rows) this.set({ queue: r.name, state: r.state }, Number(r.n));
      } catch {
        // pg-boss has not made its tables yet (no jobs have run on this database).
      }
    },
  });
  new Gauge({
    name: "reminder_deliveries",
    help: "Reminder emails by delivery status (pending, sent, retry, failed, uncertain, digest)",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await getDb().select({ status: remindersSent.status, n: count() }).from(remindersSent).groupBy(remindersSent.status);
      for (const r of rows) this.set({ status: r.status }, r.n);
    },
  });
  new Counter({ name: "app_info", help: "Always 1: marks this process as the partnership governance web app", registers: [registry] }).inc();
  return (g[key] = { registry, requestSeconds });
}

/**
 * The route pattern a path belongs to, so the histogram has one series per
 * page rather than per partnership or record: slugs, ids and numbers become
 * placeholders. Unknown addresses are all "unmatched".
 */
export function routeLabel(path: string, status: number): string {
  if (status === 404) return "unmatched";
  return path
    .split(/[?#]/)[0]
    .replace(/^\/p\/[^/]+/, "/p/:slug")
    .replace(/^\/(reset-password|invitation|calendar\/feed|dev\/outbox)\/[^/]+/, "/$1/:token")
    .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$|\.)/gi, "/:id")
    .replace(/\/\d+(?=\/|$)/g, "/:n")
    .slice(0, 120);
}

/** Whether an Authorization header carries the metrics token (compared in constant time). */
export function metricsTokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
