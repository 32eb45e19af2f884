import type { HttpFigures } from "./http-step";
import type { OpenLoopFigures } from "./open-loop";
import type { BenchOptions } from "./options";
import { count, millis, seconds, type Check } from "./report";
import type { bars as benchBars, LedgerCheck } from "./run";

const loadResult = (f: { p99Ms: number; requests: number; errors: number }) =>
  `${millis(f.p99Ms)} (${count(f.requests)} req, ${f.errors} err)`;

/** The table rows of the HTTP phase (and of slots 2 and 3, which run under its load). */
export function httpChecks(input: { http: HttpFigures; ledgerAfter: LedgerCheck; options: BenchOptions; bars: typeof benchBars }): Check[] {
  const { http, ledgerAfter, options, bars } = input;
  const laterGrowth = Math.max(http.slot.memory.rssGrowthMb, http.pacedSlot.memory.rssGrowthMb);
  const open = (f: OpenLoopFigures) => `p50 ${millis(f.p50Ms)}, p99 ${millis(f.p99Ms)} (${count(f.requests)} req, ${f.errors} err)`;
  const openRows: Check[] = [
    ...http.openLoop.idle.map((f) => ({ target: `status, open loop ${f.rate} req/s, idle`, bar: "-", measured: open(f), pass: null })),
    {
      target: "  1000 req/s with If-None-Match, idle",
      bar: "-",
      measured: `${open(http.openLoop.idleConditional)}, ${count(http.openLoop.idleConditional.notModified)} × 304`,
      pass: null,
    },
    ...http.openLoop.duringSlot.map((f) => ({
      target: `status, open loop ${f.rate} req/s, during slot ${f.slotNumber}`,
      bar: f.rate === 500 ? `p99 < ${millis(bars.openLoopP99Ms)}` : "-",
      measured: `${open(f)}; slot ${seconds(f.slotMs)}`,
      pass: f.rate === 500 ? f.p99Ms < bars.openLoopP99Ms && f.errors === 0 : null,
    })),
  ];
  return [
    {
      target: "status, 1 client (service time)",
      bar: "-",
      measured: `p50 ${millis(http.sequential.p50Ms)}, p99 ${millis(http.sequential.p99Ms)}, ${http.sequential.requestsPerSecond} req/s`,
      pass: null,
    },
    {
      target: `status p99, ${options.concurrency} clients back to back`,
      bar: `< ${millis(bars.idleP99Ms)}`,
      measured: loadResult(http.idle),
      pass: http.idle.p99Ms < bars.idleP99Ms && http.idle.errors === 0,
    },
    {
      target: "  same, during slot 2",
      bar: `< ${millis(bars.duringP99Ms)}`,
      measured: loadResult(http.duringSlot),
      pass: http.duringSlot.p99Ms < bars.duringP99Ms && http.duringSlot.errors === 0,
    },
    {
      target: `status p99, ${options.concurrency} clients polling /${options.pollMs} ms`,
      bar: `ref. < ${millis(bars.idleP99Ms)}`,
      measured: loadResult(http.pacedIdle),
      pass: null,
    },
    { target: "  same, during slot 3", bar: `ref. < ${millis(bars.duringP99Ms)}`, measured: loadResult(http.pacedDuringSlot), pass: null },
    {
      target: "slot 2, under back-to-back load",
      bar: `≤ ${seconds(bars.slotMs)}`,
      measured: seconds(http.slot.wallMs),
      pass: http.slot.wallMs <= bars.slotMs,
    },
    {
      target: "slot 3, under polling load",
      bar: `≤ ${seconds(bars.slotMs)}`,
      measured: seconds(http.pacedSlot.wallMs),
      pass: http.pacedSlot.wallMs <= bars.slotMs,
    },
    {
      target: "memory during slots 2 and 3 (rss growth)",
      bar: `≤ ${bars.rssGrowthMb} MB`,
      measured: `${laterGrowth} MB`,
      pass: laterGrowth <= bars.rssGrowthMb,
    },
    {
      target: "verifyLedger after slot 3",
      bar: "ok",
      measured: `${ledgerAfter.ok ? "ok" : "not ok"} in ${seconds(ledgerAfter.ms)}`,
      pass: ledgerAfter.ok,
    },
    ...openRows,
  ];
}
