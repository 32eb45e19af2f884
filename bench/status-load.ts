// npm run bench:status [-- --stakes=N --users=N --rates=100,500,1000 --seconds=N --no-slot]
// GET /today/status under load against `next start`, without the main bench's 1M-stake phases:
// service time, a closed loop, the open loop at each rate idle (plain and with If-None-Match),
// and each rate again during a slot of its own over the seeded stakes.
import { closeDb, db } from "@/lib/db/client";
import { sessionCookieFor } from "@/lib/auth/session-cookie";
import { openAuthSession } from "@/lib/auth/sessions";
import { ensureNextBuild, startAppServer } from "../tests/support/app-server";
import { recreateBenchDatabase, withBenchClient } from "./database";
import { loadDuringSlot } from "./http-step";
import { runLoad, type LoadFigures } from "./http-load";
import { runOpenLoop, type OpenLoopFigures } from "./open-loop";
import { count } from "./report";
import { seedBenchData } from "./seed";
import { queueDueSlot, runDueSlot } from "./slot-run";

const statusPath = "/api/admin/daily-declaration-returns/today/status";
const log = (line: string) => console.log(line);

function flags(argv: string[]) {
  const found = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !["stakes", "users", "rates", "seconds", "no-slot"].includes(match[1])) throw new Error(`Unknown argument "${arg}"`);
    found.set(match[1], match[2] ?? "true");
  }
  const whole = (name: string, fallback: number) => {
    const value = Number(found.get(name) ?? fallback);
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
    return value;
  };
  const rates = (found.get("rates") ?? "100,500,1000").split(",").map(Number);
  if (rates.some((rate) => !Number.isSafeInteger(rate) || rate <= 0)) throw new Error("--rates must list positive whole numbers");
  return {
    stakes: whole("stakes", 200_000),
    users: whole("users", 40_000),
    rates,
    seconds: whole("seconds", 10),
    duringSlot: !found.has("no-slot"),
    databaseUrl: process.env.BENCH_STATUS_DATABASE_URL || "postgresql://slotpay:slotpay@127.0.0.1:5432/slotpay_bench_status",
    port: Number(process.env.BENCH_PORT ?? 3200),
  };
}

const closed = (f: LoadFigures) =>
  `${count(f.requests)} in ${f.seconds} s (${f.requestsPerSecond}/s), p50 ${f.p50Ms} / p99 ${f.p99Ms} ms, ${f.errors} errors`;
const open = (f: OpenLoopFigures) =>
  `${count(f.requests)} in ${f.seconds} s (${f.achievedPerSecond}/s), p50 ${f.p50Ms} / p99 ${f.p99Ms} / max ${f.maxMs} ms, ${f.errors} errors${f.notModified ? `, ${count(f.notModified)} × 304` : ""}`;

async function main() {
  const options = flags(process.argv.slice(2));
  process.env.SLOTPAY_LOG ??= "silent";
  log(`status under load: ${count(options.stakes)} stakes, ${count(options.users)} users, rates ${options.rates.join(", ")} req/s`);
  await ensureNextBuild({ log });
  await recreateBenchDatabase(options.databaseUrl);
  await withBenchClient(options.databaseUrl, (client) => seedBenchData(client, { ...options, checkpoint: false }));
  const admin = await db().user.create({ data: { email: "status-bench@bench.slotpay.test", name: "Status bench", role: "ADMIN" } });
  // A day with a slot already paid, so the body is the size an operator's poll gets.
  await queueDueSlot(admin, { slotNumber: 1, rosPercentage: "0.5", premiumPoolAmount: "0", performancePoolAmount: "0" });
  log(`  slot 1 (before the server starts): ${((await runDueSlot()).wallMs / 1000).toFixed(2)} s`);

  const secret = "status-bench-secret";
  const server = await startAppServer({
    port: options.port,
    databaseUrl: options.databaseUrl,
    env: { NEXTAUTH_SECRET: secret, SLOTPAY_SCHEDULER: "off", SLOTPAY_LOG: "silent" },
  });
  const figures: Record<string, unknown> = {};
  try {
    process.env.NEXTAUTH_SECRET = secret;
    process.env.NEXTAUTH_URL = server.baseUrl;
    const cookie = await sessionCookieFor({ sid: await openAuthSession(admin.id), sub: String(admin.id), email: admin.email });
    const base = { url: `${server.baseUrl}${statusPath}`, headers: { cookie } };
    const warmup = await runLoad({ ...base, concurrency: 10, maxRequests: 1_000, maxSeconds: 30 });
    if (warmup.errors > 0) throw new Error(`GET ${statusPath} failed during warm-up: ${warmup.firstError}`);

    figures.sequential = await runLoad({ ...base, concurrency: 1, maxRequests: 2_000, maxSeconds: options.seconds });
    log(`  1 client back to back: ${closed(figures.sequential as LoadFigures)}`);
    figures.closed = await runLoad({ ...base, concurrency: 50, maxRequests: Number.MAX_SAFE_INTEGER, maxSeconds: options.seconds });
    log(`  50 clients back to back: ${closed(figures.closed as LoadFigures)}`);
    const idle: OpenLoopFigures[] = [];
    for (const rate of options.rates) {
      for (const conditional of [false, true]) {
        idle.push(await runOpenLoop({ ...base, rate, seconds: options.seconds, conditional }));
        log(`  open loop ${rate} req/s${conditional ? " with If-None-Match" : ""}, idle: ${open(idle.at(-1)!)}`);
      }
    }
    figures.openIdle = idle;
    const during: (OpenLoopFigures & { slotMs: number })[] = [];
    for (const [index, rate] of (options.duringSlot ? options.rates : []).entries()) {
      const run = await loadDuringSlot(admin, 2 + index, (until) => runOpenLoop({ ...base, rate, seconds: 600, conditional: true, until }));
      during.push({ ...run.figures, slotMs: run.slot.wallMs });
      log(
        `  open loop ${rate} req/s with If-None-Match, during slot ${2 + index} (${(run.slot.wallMs / 1000).toFixed(2)} s): ${open(run.figures)}`,
      );
    }
    figures.openDuringSlot = during;
  } finally {
    await server.stop();
  }
  log(JSON.stringify({ options: { ...options, databaseUrl: undefined }, ...figures }));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
try {
  await main();
} catch (error) {
  console.error(`bench:status failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
