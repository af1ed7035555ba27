import autocannon from "autocannon";

// Driving one page with autocannon: a fixed number of clients (connections,
// each sending its next request when the last is answered) for a fixed time.
// Every response's time is kept, so the percentiles are exact; a request that
// times out counts as an error and, at the timeout, in the percentiles.

export const TIMEOUT_SECONDS = 10;

export type LoadResult = {
  clients: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Answers of 4xx or 5xx, connection errors and timeouts. */
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  meanBytes: number;
};

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function loadPage(url: string, headers: Record<string, string>, clients: number, seconds: number): Promise<LoadResult> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: clients, duration: seconds, headers, timeout: TIMEOUT_SECONDS }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, statusCode, resBytes, responseTime) => {
      times.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      bytes += resBytes;
    });
  });
  const failedAnswers = Object.entries(statuses).reduce((n, [code, count]) => (Number(code) >= 400 ? n + count : n), 0);
  for (let i = 0; i < result.timeouts; i++) times.push(TIMEOUT_SECONDS * 1000);
  times.sort((a, b) => a - b);
  const duration = result.duration || seconds;
  return {
    clients,
    seconds: duration,
    requests: times.length - result.timeouts,
    rps: (times.length - result.timeouts) / duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times[times.length - 1] ?? NaN,
    errors: failedAnswers + result.errors,
    timeouts: result.timeouts,
    statuses,
    meanBytes: times.length ? Math.round(bytes / Math.max(1, times.length - result.timeouts)) : 0,
  };
}
