import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

export type LoadFigures = {
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  firstError?: string;
};

type LoadOptions = {
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  maxRequests: number;
  maxSeconds: number;
  /** Ends the load early when it resolves (e.g. the slot it overlaps has finished). */
  until?: Promise<unknown>;
  /** Paced: each client sends one request per interval (staggered) instead of back to back. */
  intervalMs?: number;
};

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** One keep-alive GET; resolves with the status once the whole body has been read. */
function get(url: URL, headers: Record<string, string>, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers, timeout: 30_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error("timed out after 30 s")));
    request.on("error", reject);
  });
}

/**
 * `concurrency` clients, each sending its next GET as soon as the previous answer is read (or,
 * paced, at its next interval; at once when it is behind), until `maxRequests` were sent, `maxSeconds` passed or `until` resolved — whichever is first.
 * node:http with keep-alive rather than fetch: fetch costs this process about 3× the CPU per
 * request, which on 2 shared cores would show up as server latency.
 */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  let firstError: string | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  options.until?.then(stop, stop); // a failed slot ends the load too; the caller reports its error
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;

  const client = async (index: number) => {
    let nextAt = started + ((options.intervalMs ?? 0) * index) / options.concurrency;
    while (!stopped && sent < options.maxRequests && performance.now() < deadline) {
      if (options.intervalMs) {
        const wait = nextAt - performance.now();
        if (wait > 0) await sleep(wait);
        nextAt += options.intervalMs;
        if (stopped || performance.now() >= deadline) break;
      }
      sent++;
      const begin = performance.now();
      try {
        const status = await get(url, options.headers, agent);
        if (status !== 200) {
          errors++;
          firstError ??= `HTTP ${status}`;
        }
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => client(index)));
  agent.destroy();

  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds: round(seconds),
    requestsPerSecond: round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? 0),
    ...(firstError ? { firstError } : {}),
  };
}
