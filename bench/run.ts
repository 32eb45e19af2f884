// npm run bench [-- --quick] – SPEC §9's performance bars on a local PostgreSQL. See docs/decisions/005-benchmark.md.
import { closeDb, db } from "@/lib/db/client";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { ensureNextBuild } from "../tests/support/app-server";
import { recreateBenchDatabase, withBenchClient } from "./database";
import { measureHttp } from "./http-step";
import { parseBenchOptions } from "./options";
import { timePerStakeLoop } from "./per-stake-loop";
import { count, formatTable, millis, seconds, type Check } from "./report";
import { seedBenchData } from "./seed";
import { queueDueSlot, runDueSlot } from "./slot-run";

const bars = { slotMs: 15_000, speedUp: 50, rssGrowthMb: 64, idleP99Ms: 50, duringP99Ms: 250 };
const log = (line: string) => console.log(line);
const loadResult = (f: { p99Ms: number; requests: number; errors: number }) =>
  `${millis(f.p99Ms)} (${count(f.requests)} req, ${f.errors} err)`;

async function timeLedgerCheck() {
  const started = performance.now();
  const report = await verifyLedger(db());
  return { ok: report.ok, ms: performance.now() - started, entries: report.ledgerEntries, wallets: report.wallets };
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  process.env.SLOTPAY_LOG ??= "silent"; // the executor's JSON event lines would bury the report
  for (const name of ["INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL"]) delete process.env[name];

  log(`Slotpay bench: ${count(options.stakes)} stakes, ${count(options.users)} users${options.quick ? " (quick)" : ""}`);
  await ensureNextBuild({ log }); // before the seed: a failing build should not cost a 1M-stake seed first
  await recreateBenchDatabase(options.databaseUrl);

  log("1. seed");
  const seed = await withBenchClient(options.databaseUrl, (client) => seedBenchData(client, options));
  log(
    `  ${seconds(seed.ms)}; ${count(seed.premiumQualified)} users qualify for the premium pool, ${count(seed.performanceQualified)} for the performance pool`,
  );
  const admin = await db().user.create({ data: { email: "bench-admin@bench.slotpay.test", name: "Bench admin", role: "ADMIN" } });

  log("2. one slot through tick()");
  await queueDueSlot(admin, { slotNumber: 1, rosPercentage: "0.5", premiumPoolAmount: "10000", performancePoolAmount: "25000" });
  const slot = await runDueSlot();
  const m = slot.memory;
  log(`  ${seconds(slot.wallMs)} (executor ${seconds(slot.executeMs)}), ${count(slot.processedStakes)} stakes paid`);
  log(
    `  rss ${m.rssStartMb} → peak ${m.rssPeakMb} → end ${m.rssEndMb} MB; heap ${m.heapStartMb} → peak ${m.heapPeakMb} → end ${m.heapEndMb} MB (${m.samples} samples)`,
  );
  log(`  executionDetails ${JSON.stringify(slot.executionDetails)}`);

  log(`3. per-stake loop over ${count(options.loopSample)} stakes`);
  const loop = await timePerStakeLoop({ sample: options.loopSample, totalStakes: options.stakes, rosPercentage: "0.5" });
  const speedUp = loop.extrapolatedMs / slot.wallMs;
  log(
    `  ${seconds(loop.ms)} (${loop.perStakeMs.toFixed(3)} ms per stake) → ${seconds(loop.extrapolatedMs)} for ${count(options.stakes)}; set-based is ${speedUp.toFixed(1)}× faster`,
  );

  log("4. verifyLedger");
  const ledger = await timeLedgerCheck();
  log(`  ${ledger.ok ? "ok" : "NOT OK"} in ${seconds(ledger.ms)} (${count(ledger.entries)} entries, ${count(ledger.wallets)} wallets)`);

  log(`5. GET /today/status, ${options.concurrency} concurrent clients`);
  const http = await measureHttp(options, admin, log);
  const ledgerAfter = await timeLedgerCheck();
  log(`  verifyLedger after slot 3: ${ledgerAfter.ok ? "ok" : "NOT OK"} in ${seconds(ledgerAfter.ms)}`);

  const laterGrowth = Math.max(http.slot.memory.rssGrowthMb, http.pacedSlot.memory.rssGrowthMb);
  const stakesLabel = `${count(options.stakes)} stakes`;
  const checks: Check[] = [
    { target: "seed (set-based)", bar: "-", measured: seconds(seed.ms), pass: null },
    {
      target: `slot 1 over ${stakesLabel}`,
      bar: `≤ ${seconds(bars.slotMs)}`,
      measured: seconds(slot.wallMs),
      pass: slot.wallMs <= bars.slotMs,
    },
    {
      target: "per-stake loop, extrapolated",
      bar: "-",
      measured: `${seconds(loop.extrapolatedMs)} (${count(loop.sample)} timed)`,
      pass: null,
    },
    { target: "speed-up over the loop", bar: `≥ ${bars.speedUp}×`, measured: `${speedUp.toFixed(1)}×`, pass: speedUp >= bars.speedUp },
    {
      target: "memory during slot 1 (rss growth)",
      bar: `≤ ${bars.rssGrowthMb} MB`,
      measured: `${m.rssGrowthMb} MB (heap +${m.heapGrowthMb} MB)`,
      pass: m.rssGrowthMb <= bars.rssGrowthMb,
    },
    {
      target: "verifyLedger after slot 1",
      bar: "ok",
      measured: `${ledger.ok ? "ok" : "not ok"} in ${seconds(ledger.ms)}`,
      pass: ledger.ok,
    },
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
  ];
  log("");
  log(formatTable(checks));
  log(
    JSON.stringify({
      options: { ...options, databaseUrl: undefined },
      bars,
      seed,
      slot,
      loop: { ...loop, speedUp },
      ledger,
      http,
      ledgerAfter,
      passed: checks.every((c) => c.pass !== false),
    }),
  );
}

// SIGINT/SIGTERM go through process exit, whose hook kills the app server started above.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
