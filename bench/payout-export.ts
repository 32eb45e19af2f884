// npm run bench:export [-- --quick] – SPEC §9's "a 1M-row payout export streamed ≤ 10 s", with the
// server's memory, against `next start` on a local PostgreSQL. See docs/decisions/016-pages-payout-export.md.
import { readFileSync } from "node:fs";
import { openAuthSession } from "@/lib/auth/sessions";
import { sessionCookieFor } from "@/lib/auth/session-cookie";
import { closeDb, db } from "@/lib/db/client";
import { ensureNextBuild, startAppServer } from "../tests/support/app-server";
import { recreateBenchDatabase, withBenchClient } from "./database";
import { parseBenchOptions } from "./options";
import { count, formatTable, seconds } from "./report";
import { seedBenchData } from "./seed";
import { queueDueSlot, runDueSlot } from "./slot-run";

const bars = { exportMs: 10_000, rssGrowthMb: 64 };
const authSecret = "slotpay-bench-export-secret-not-for-production-use";
const log = (line: string) => console.log(line);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The server process's resident memory, from /proc (Linux). */
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;

/** Downloads the export as a client would, counting rows and bytes, sampling the server's RSS. */
async function download(url: string, cookie: string, serverPid: number) {
  const startRss = rssOf(serverPid);
  let peakRss = startRss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, rssOf(serverPid))), 50);
  const started = performance.now();
  try {
    const response = await fetch(url, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    const reader = response.body!.getReader();
    let bytes = 0;
    let lines = 0;
    let firstByteMs = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += chunk.value.byteLength;
      for (const byte of chunk.value) if (byte === 10) lines++;
    }
    return { ms: performance.now() - started, firstByteMs, bytes, rows: lines - 1, startRss, peakRss: Math.max(peakRss, rssOf(serverPid)) };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2), {
    ...process.env,
    BENCH_DATABASE_URL: process.env.BENCH_DATABASE_URL || "postgresql://slotpay:slotpay@127.0.0.1:5432/slotpay_bench_export",
  });
  process.env.SLOTPAY_LOG ??= "silent";
  log(`Slotpay payout export bench: ${count(options.stakes)} stakes, ${count(options.users)} users${options.quick ? " (quick)" : ""}`);
  await ensureNextBuild({ log });
  await recreateBenchDatabase(options.databaseUrl);
  const seed = await withBenchClient(options.databaseUrl, (client) => seedBenchData(client, options));
  log(`1. seed: ${seconds(seed.ms)}`);
  const admin = await db().user.create({ data: { email: "bench-viewer@bench.slotpay.test", name: "Bench viewer", role: "VIEWER" } });
  await queueDueSlot(admin, { slotNumber: 1, rosPercentage: "0.5", premiumPoolAmount: "10000", performancePoolAmount: "25000" });
  const slot = await runDueSlot();
  const rows = await db().ledgerEntry.count();
  log(`2. one slot through tick(): ${seconds(slot.wallMs)}, ${count(rows)} ledger entries`);

  const server = await startAppServer({
    port: options.port,
    databaseUrl: options.databaseUrl,
    env: { NEXTAUTH_SECRET: authSecret, SLOTPAY_SCHEDULER: "off", SLOTPAY_LOG: "silent" },
  });
  try {
    process.env.NEXTAUTH_SECRET = authSecret;
    const cookie = await sessionCookieFor({ sid: await openAuthSession(admin.id), sub: String(admin.id), email: admin.email });
    const date = new Date().toISOString().slice(0, 10);
    const url = `${server.baseUrl}/api/admin/daily-declaration-returns/days/${date}/payouts.csv`;
    await download(`${url}?slot=2`, cookie, server.pid).catch(() => undefined); // a 404 that loads the route's code
    const runs = [await download(url, cookie, server.pid), await download(url, cookie, server.pid)];
    for (const [i, run] of runs.entries()) {
      log(
        `3.${i + 1} export: ${count(run.rows)} rows, ${mb(run.bytes)} MB in ${seconds(run.ms)} (first byte ${run.firstByteMs.toFixed(0)} ms); ` +
          `server rss ${mb(run.startRss)} → peak ${mb(run.peakRss)} MB`,
      );
      if (run.rows !== rows) throw new Error(`export had ${run.rows} rows, the ledger ${rows}`);
    }
    const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
    const growth = Math.max(...runs.map((run) => mb(run.peakRss - run.startRss)));
    log(
      formatTable([
        {
          target: `export of ${count(rows)} rows`,
          bar: `≤ ${seconds(bars.exportMs)}`,
          measured: seconds(best.ms),
          pass: best.ms <= bars.exportMs,
        },
        {
          target: "server rss growth during it",
          bar: `≤ ${bars.rssGrowthMb} MB`,
          measured: `${growth} MB`,
          pass: growth <= bars.rssGrowthMb,
        },
      ]),
    );
    if (best.ms > bars.exportMs || growth > bars.rssGrowthMb) process.exitCode = 1;
  } finally {
    await server.stop();
    await closeDb();
  }
}

await main();
