// npm run bench:inngest [-- --mode=signed|dev --slots=3 --spacing=30 --members=100]
// One day of slots run by a real Inngest server (`inngest start` signed, or `inngest dev`) calling
// `next start` on PostgreSQL, as an operator would run it; prints each slot's lateness
// (executedAt − scheduledFor), how early or late its run woke, and what the safety net paid.
import { setTimeout as sleep } from "node:timers/promises";
import { closeDb, db } from "@/lib/db/client";
import { ensureNextBuild, freePort, startAppServer } from "../tests/support/app-server";
import { findInngestServer, planInngestServer, type InngestMode } from "../tests/support/inngest-server";
import { slotsOfToday, waitFor, waitForSlotsToEnd } from "../tests/helpers/inngest-day";
import { adminOverHttp, eventsOf } from "../tests/helpers/running-app";
import { useMiddayTimeZone as settleTodayAtMidday } from "../tests/helpers/today";
import { recreateBenchDatabase } from "./database";

const defaultDatabaseUrl = "postgresql://slotpay:slotpay@127.0.0.1:5432/slotpay_bench_inngest";

function option(name: string, fallback: string): string {
  const flag = process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`));
  return flag ? flag.slice(name.length + 3) : fallback;
}

const mode = option("mode", "signed") as InngestMode;
const slotCount = Number(option("slots", "3"));
const spacingSeconds = Number(option("spacing", "30"));
const members = Number(option("members", "100"));
if (!["dev", "signed"].includes(mode) || !(slotCount >= 1 && slotCount <= 48) || !(spacingSeconds >= 1) || !(members >= 1)) {
  throw new Error("usage: npm run bench:inngest -- [--mode=signed|dev] [--slots=1..48] [--spacing=seconds] [--members=N]");
}
if (!findInngestServer()) throw new Error("No Inngest server: set INNGEST_DEV_SERVER_BIN or place it at ../shared/tools/inngest/inngest");

const log = (line: string) => console.log(line);
// Signs the admin's session here and verifies it in the app: one secret for both, local only.
process.env.NEXTAUTH_SECRET ??= "slotpay-bench-secret-not-for-production-use";
const databaseUrl = process.env.BENCH_INNGEST_DATABASE_URL ?? defaultDatabaseUrl;

async function main() {
  log(`Inngest lateness: ${mode === "signed" ? "inngest start (signed)" : "inngest dev"}, ${slotCount} slots ${spacingSeconds} s apart`);
  await ensureNextBuild({ log });
  await recreateBenchDatabase(databaseUrl);
  await settleTodayAtMidday(); // "today" far from midnight, whenever it runs
  const since = new Date(Date.now() - 86_400_000);
  for (let n = 0; n < members; n++) {
    const user = await db().user.create({ data: { email: `member-${n}@bench.slotpay.test`, performanceScore: String(n % 100) } });
    await db().stake.create({ data: { userId: user.id, principal: String(1000 + n), startedAt: since } });
  }

  const planned = await planInngestServer({ mode });
  const app = await startAppServer({ port: await freePort(), databaseUrl, env: planned.appEnv, keepLines: 50_000 });
  const inngest = await planned.start({ appUrl: `${app.baseUrl}/api/inngest` });
  try {
    const admin = await adminOverHttp(app);
    const first = Math.ceil((Date.now() + 10_000) / 1000) * 1000;
    const slots = Array.from({ length: slotCount }, (_, i) => ({
      slotNumber: i + 1,
      rosPercentage: 0.5,
      scheduledFor: new Date(first + i * spacingSeconds * 1000).toISOString(),
    }));
    await admin.mutate("/queue", {
      premiumPoolAmount: 5000,
      performancePoolAmount: 3000,
      description: "lateness",
      multiSlot: true,
      distributionSlots: slots,
    });
    const dayId = (await db().day.findFirstOrThrow()).id;
    log(`queued ${slotCount} slots from ${slots[0].scheduledFor}; waiting…`);
    const lastDue = first + (slotCount - 1) * spacingSeconds * 1000;
    await waitForSlotsToEnd(
      dayId,
      slots.map((s) => s.slotNumber),
      lastDue - Date.now() + 60_000,
    );
    // The safety net ticks each minute: wait for one after the last slot, so its share is seen.
    const lastTick = () => eventsOf(app, "inngest.safety-net-tick").filter((e) => Date.parse(e.time) > lastDue);
    await waitFor("a safety-net tick after the last slot", async () => lastTick().length > 0, 70_000).catch(() => undefined);
    await sleep(500);

    const done = await slotsOfToday(dayId);
    const claims = eventsOf(app, "inngest.slot-claim");
    const finalized = eventsOf(app, "slot.finalized");
    log("slot  scheduledFor              executedAt                lateness  run woke   driver");
    const late: number[] = [];
    for (const slot of done.values()) {
      const woke = claims.find((c) => c.slotNumber === slot.slotNumber)?.wokeMs;
      const driver = finalized.some((e) => e.slotId === slot.id) ? "per-slot run" : "safety net";
      if (slot.latenessMs !== null) late.push(slot.latenessMs);
      log(
        `${String(slot.slotNumber).padStart(4)}  ${slot.scheduledFor.toISOString()}  ${slot.executedAt?.toISOString() ?? "-".padEnd(24)}  ` +
          `${String(slot.latenessMs ?? "-").padStart(5)} ms  ${String(woke ?? "-").padStart(5)} ms   ${driver} (${slot.status})`,
      );
    }
    late.sort((a, b) => a - b);
    log(`lateness: min ${late[0]} ms, median ${late[Math.floor(late.length / 2)]} ms, max ${late.at(-1)} ms over ${late.length} slots`);
    const ticks = eventsOf(app, "inngest.safety-net-tick");
    log(`safety-net ticks: ${ticks.length}, slots they executed: ${ticks.reduce((sum, tick) => sum + Number(tick.executed), 0)}`);
    for (const tick of ticks)
      log(`  ${tick.time} executed ${String(tick.executed)} reaped ${String(tick.reaped)} missed ${String(tick.missed)}`);
  } finally {
    await app.stop();
    await inngest.stop();
    await closeDb();
  }
}

await main();
