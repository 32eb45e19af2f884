// npm run bench [-- --quick] – SPEC §9's performance bars on a local PostgreSQL. See docs/decisions/005-benchmark.md.
import { closeDb, db } from "@/lib/db/client";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { ensureNextBuild } from "../tests/support/app-server";
import { cpuMsBetween, snapshotBackendCpu } from "./backend-cpu";
import { dropBenchDatabase, recreateBenchDatabase, withBenchClient } from "./database";
import { measureFloor } from "./floor";
import { historyBar, historyChecks, historyJson, measureAfterHistory, type HistoryFigures } from "./history";
import { httpChecks } from "./http-checks";
import { measureHttp, type HttpFigures } from "./http-step";
import { parseBenchOptions } from "./options";
import { timePerStakeLoop } from "./per-stake-loop";
import { measureThroughput, throughputChecks } from "./throughput";
import { count, formatTable, seconds, type Check } from "./report";
import { seedBenchData } from "./seed";
import { queueDueSlot, runDueSlot } from "./slot-run";

export const bars = {
  slotMs: 15_000,
  slotOverFloor: 1.2,
  speedUp: 50,
  rssGrowthMb: 64,
  idleP99Ms: 50,
  duringP99Ms: 250,
  openLoopP99Ms: 50,
  slotAfterHistoryOverFirst: historyBar,
};
const log = (line: string) => console.log(line);
const cpuSeconds = (ms: number | null) => (ms === null ? "not readable" : seconds(ms));

export type LedgerCheck = { ok: boolean; ms: number; entries: number; wallets: number };

async function timeLedgerCheck(): Promise<LedgerCheck> {
  const started = performance.now();
  const report = await verifyLedger(db());
  return { ok: report.ok, ms: performance.now() - started, entries: report.ledgerEntries, wallets: report.wallets };
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  process.env.SLOTPAY_LOG ??= "silent"; // the executor's JSON event lines would bury the report
  for (const name of ["INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL"]) delete process.env[name];

  log(`Slotpay bench: ${count(options.stakes)} stakes, ${count(options.users)} users${options.quick ? " (quick)" : ""}`);
  if (options.http) await ensureNextBuild({ log }); // before the seed: a failing build should not cost a 1M-stake seed first
  await recreateBenchDatabase(options.databaseUrl);

  log("1. seed");
  const seed = await withBenchClient(options.databaseUrl, (client) => seedBenchData(client, options));
  log(
    `  ${seconds(seed.ms)}; ${count(seed.premiumQualified)} users qualify for the premium pool, ${count(seed.performanceQualified)} for the performance pool`,
  );
  const admin = await db().user.create({ data: { email: "bench-admin@bench.slotpay.test", name: "Bench admin", role: "ADMIN" } });

  log("2. the floor: slot 1's bare writes on copies of its tables");
  const floor = await withBenchClient(options.databaseUrl, (client) =>
    measureFloor(client, {
      scheduledFor: new Date(),
      rosPercentage: "0.5",
      premiumUsers: seed.premiumQualified,
      performanceUsers: seed.performanceQualified,
    }),
  );
  log(
    `  ${seconds(floor.ms)} (insert of ${count(floor.rows)} rows ${seconds(floor.insertMs)}, update of ${count(floor.wallets)} wallets ${seconds(floor.walletMs)}); backend CPU ${cpuSeconds(floor.cpuMs)}`,
  );

  log("3. one slot through tick()");
  await queueDueSlot(admin, { slotNumber: 1, rosPercentage: "0.5", premiumPoolAmount: "10000", performancePoolAmount: "25000" });
  const { slot, slotCpuMs } = await withBenchClient(options.databaseUrl, async (client) => {
    const before = await snapshotBackendCpu(client);
    const run = await runDueSlot();
    return { slot: run, slotCpuMs: cpuMsBetween(before, await snapshotBackendCpu(client)) };
  });
  const m = slot.memory;
  const slotOverFloor = slot.wallMs / floor.ms;
  const cpuOverFloor = slotCpuMs !== null && floor.cpuMs ? slotCpuMs / floor.cpuMs : null;
  log(
    `  ${seconds(slot.wallMs)} (executor ${seconds(slot.executeMs)}), ${count(slot.processedStakes)} stakes paid; backend CPU ${cpuSeconds(slotCpuMs)}`,
  );
  log(`  slot over floor: ${slotOverFloor.toFixed(2)}× wall, ${cpuOverFloor === null ? "-" : `${cpuOverFloor.toFixed(2)}×`} backend CPU`);
  log(
    `  rss ${m.rssStartMb} → peak ${m.rssPeakMb} → end ${m.rssEndMb} MB; heap ${m.heapStartMb} → peak ${m.heapPeakMb} → end ${m.heapEndMb} MB (${m.samples} samples)`,
  );
  log(`  executionDetails ${JSON.stringify(slot.executionDetails)}`);

  log(`4. per-stake loop over ${count(options.loopSample)} stakes`);
  const loop = await timePerStakeLoop({ sample: options.loopSample, totalStakes: options.stakes, rosPercentage: "0.5" });
  const speedUp = loop.extrapolatedMs / slot.wallMs;
  log(
    `  ${seconds(loop.ms)} (${loop.perStakeMs.toFixed(3)} ms per stake) → ${seconds(loop.extrapolatedMs)} for ${count(options.stakes)}; set-based is ${speedUp.toFixed(1)}× faster`,
  );

  log("5. verifyLedger");
  const ledger = await timeLedgerCheck();
  log(`  ${ledger.ok ? "ok" : "NOT OK"} in ${seconds(ledger.ms)} (${count(ledger.entries)} entries, ${count(ledger.wallets)} wallets)`);

  let http: HttpFigures | undefined;
  let ledgerAfter: Awaited<ReturnType<typeof timeLedgerCheck>> | undefined;
  if (options.http) {
    log(`6. GET /today/status, ${options.concurrency} concurrent clients`);
    http = await measureHttp(options, admin, log);
    ledgerAfter = await timeLedgerCheck();
    log(`  verifyLedger after slot 3: ${ledgerAfter.ok ? "ok" : "NOT OK"} in ${seconds(ledgerAfter.ms)}`);
  }

  let history: HistoryFigures | undefined;
  if (options.history > 0) {
    log(`7. ${count(options.history)} slots of history between two slots`);
    history = await withBenchClient(options.databaseUrl, (client) =>
      measureAfterHistory({ client, admin, slots: options.history, firstSlot: slot, log }),
    );
  }
  // Last: the importer adds stakes, which the slots above must not pay.
  const throughput = options.throughput ? await measureThroughput({ options, actor: admin, slotId: slot.slotId, log }) : undefined;

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
      target: "slot 1 over its floor (wall)",
      bar: `≤ ${bars.slotOverFloor}×`,
      measured: `${slotOverFloor.toFixed(2)}× of ${seconds(floor.ms)}`,
      pass: slotOverFloor <= bars.slotOverFloor,
    },
    {
      target: "  same, backend CPU",
      bar: "-",
      measured: cpuOverFloor === null ? "not readable" : `${cpuOverFloor.toFixed(2)}× of ${cpuSeconds(floor.cpuMs)}`,
      pass: null,
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
    ...(http && ledgerAfter ? httpChecks({ http, ledgerAfter, options, bars }) : []),
    ...(history ? historyChecks(history) : []),
    ...(throughput ? throughputChecks(throughput) : []),
  ];
  log("");
  log(formatTable(checks));
  log(
    JSON.stringify({
      options: { ...options, databaseUrl: undefined },
      bars,
      seed,
      floor,
      floorMs: floor.ms,
      slot: { ...slot, cpuMs: slotCpuMs },
      slotOverFloor,
      cpuOverFloor,
      loop: { ...loop, speedUp },
      ledger,
      http,
      ledgerAfter,
      ...(history ? historyJson(history) : {}),
      export: throughput?.export,
      import: throughput?.import,
      throughputLoadAverage: throughput?.loadAverage,
      passed: checks.every((c) => c.pass !== false),
    }),
  );
  if (history) {
    await closeDb();
    await dropBenchDatabase(options.databaseUrl); // its history takes gigabytes
    log("bench database dropped");
  }
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
