// Small helpers the bench's modules share.

export const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A positive number from the environment (e.g. BENCH_SCALE=0.01), or the fallback. */
export function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return n;
}

export const flagFromEnv = (name: string) => /^(1|true|yes|on)$/i.test(process.env[name] ?? "");

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function textTable(headers: string[], rows: (string | number)[][]) {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(headers), rule, ...rows.map((r) => line(r.map(String)))].join("\n");
}
