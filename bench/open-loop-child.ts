// The open-loop load generator, run as its own process by open-loop.ts so that its CPU is not
// the bench's: GETs sent on a fixed schedule (request i at start + i / rate), whether or not
// earlier ones have been answered. Latency runs from the scheduled send, so a server that falls
// behind shows as latency rather than as a lower rate. At most `maxInFlight` requests wait for an
// answer; a send due beyond that is dropped and counted (a server that far behind has failed the
// rate, and an unbounded backlog would outlast the run by minutes). Prints one JSON line of figures.
import http from "node:http";
import { percentile } from "./http-load";

type Plan = { url: string; headers: Record<string, string>; rate: number; seconds: number; conditional: boolean };

const plan = JSON.parse(process.argv[2] ?? "{}") as Plan;
const url = new URL(plan.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
const timeoutMs = 10_000;
const maxInFlight = 256;

const latencies: number[] = [];
let errors = 0;
let notModified = 0;
let dropped = 0;
let inFlightNow = 0;
let firstError: string | undefined;
let etag: string | undefined;

function send(scheduledAt: number): Promise<void> {
  inFlightNow++;
  return new Promise<void>((resolve) => {
    const fail = (reason: string) => {
      errors++;
      firstError ??= reason;
      latencies.push(performance.now() - scheduledAt);
      resolve();
    };
    const headers = { ...plan.headers, ...(plan.conditional && etag ? { "if-none-match": etag } : {}) };
    const request = http.get(url, { agent, headers, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        if (status === 304) notModified++;
        else if (status === 200) etag = response.headers.etag ?? etag;
        if (status !== 200 && status !== 304) return fail(`HTTP ${status}`);
        latencies.push(performance.now() - scheduledAt);
        resolve();
      });
      response.on("error", (error) => fail(error.message));
    });
    request.on("timeout", () => request.destroy(new Error(`timed out after ${timeoutMs / 1000} s`)));
    request.on("error", (error) => fail(error.message));
  }).finally(() => inFlightNow--);
}

const started = performance.now();
const total = Math.round(plan.rate * plan.seconds);
const inFlight: Promise<void>[] = [];
let stopped = false;
process.on("SIGTERM", () => {
  stopped = true; // the parent's slot ended: send nothing more, report what was sent
});
for (let i = 0; i < total && !stopped; i++) {
  const scheduledAt = started + (i * 1000) / plan.rate;
  const wait = scheduledAt - performance.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  if (inFlightNow >= maxInFlight) dropped++;
  else inFlight.push(send(scheduledAt));
}
await Promise.all(inFlight);
agent.destroy();

const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const round = (ms: number) => Math.round(ms * 10) / 10;
console.log(
  JSON.stringify({
    rate: plan.rate,
    conditional: plan.conditional,
    requests: latencies.length,
    errors: errors + dropped,
    dropped,
    notModified,
    seconds: round(seconds),
    achievedPerSecond: round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? 0),
    ...(firstError ? { firstError } : {}),
  }),
);
