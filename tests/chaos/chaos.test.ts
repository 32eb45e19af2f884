import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBenchData, type SeedResult } from "@/bench/seed";
import { db } from "@/lib/db/client";
import type { AttemptRecord } from "@/lib/distribution/execution/attempt-history";
import { clusterAdmin, instanceOfLease, startInstance, type Admin, type Instance } from "../helpers/app-cluster";
import { expectLedgerOk, poolsPaidOf } from "../helpers/execution-data";
import { runLedgerVerify } from "../helpers/execution-processes";
import { installSlowPayouts, payoutInTheMiddle, setPayoutDelay, waitFor } from "../helpers/slow-payouts";
import { useMiddayTimeZone, type Today } from "../helpers/today";
import { ensureNextBuild } from "../support/app-server";

// Issue 7's chaos suite: three `next start` instances with their embedded schedulers on one
// PostgreSQL database, a day of slots due together over a seeded population (bench/seed.ts).
// The instance executing a slot is SIGKILLed mid-payout; then the backend of the next payout is
// terminated; then the instance executing the one after is SIGSTOPped past its lease and let go.
// Every slot must end COMPLETED exactly once, and `npm run ledger:verify` must be clean.
//
// "Mid-payout" is made reliable, whatever the population, by a payout slowed on the database side
// (tests/helpers/slow-payouts.ts: a trigger on the wallet upsert sleeps while a flag table says
// so) for as long as faults are being injected; then the flag is cleared and the day runs out.
// `npm test` runs it small; `npm run test:chaos` (CHAOS_SCALE=full) over 100,000 stakes.

process.env.SLOTPAY_LOG = "silent";

const full = process.env.CHAOS_SCALE === "full";
const population = full ? { users: 20_000, stakes: 100_000 } : { users: 1_000, stakes: 5_000 };
const slotCount = full ? 12 : 8;
const leaseSeconds = 4;
const payoutDelaySeconds = 2;
const pools = { premium: "5000", performance: "3000" };

let instances: Instance[] = [];
const starting: Promise<unknown>[] = [];
let seed: SeedResult;
let admin: Admin;
let today: Today;

const databaseUrl = () => process.env.DATABASE_URL as string;
const instanceEnv = { SLOTPAY_LEASE_SECONDS: String(leaseSeconds), DATABASE_POOL_SIZE: "4", STEP_UP_WINDOW_SECONDS: "3600" };
const log = (line: string) => console.log(`[chaos] ${line}`);

type Held = { slotId: number; slotNumber: number; pid: number; instance: Instance };

/** The next payout to reach its middle, of a slot no fault has touched yet, and the instance running it. */
async function nextPayout(faulted: Set<number>): Promise<Held> {
  return waitFor(
    "a payout in the middle",
    async () => {
      const held = await payoutInTheMiddle();
      if (!held) return null;
      const [slot] = await db().$queryRaw<{ id: number; slot_number: number; lease_owner: string }[]>`
        SELECT id, slot_number, lease_owner FROM slots WHERE status = 'EXECUTING'`;
      const instance = slot && instanceOfLease(instances, slot.lease_owner);
      if (!slot || !instance || faulted.has(slot.id)) return null;
      faulted.add(slot.id);
      return { slotId: slot.id, slotNumber: slot.slot_number, pid: held.pid, instance };
    },
    60_000,
  );
}

const historyOf = async (slotId: number) =>
  (await db().slot.findUniqueOrThrow({ where: { id: slotId } })).attemptHistory as AttemptRecord[];

beforeAll(async () => {
  await ensureNextBuild({ log });
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  seed = await seedBenchData(client, { ...population, checkpoint: false }).finally(() => client.end());
  today = await useMiddayTimeZone();
  await installSlowPayouts();
  admin = await clusterAdmin();
  instances = await Promise.all(["a", "b", "c"].map((name) => startInstance(name, databaseUrl(), instanceEnv)));
  log(`${instances.length} instances on ${instances.map((i) => i.port).join(", ")}; ${seed.stakes} stakes, ${seed.users} users`);
}, 600_000);

afterAll(async () => {
  await Promise.allSettled(starting);
  await Promise.all(instances.map((instance) => instance.stop())); // stop() sends SIGCONT first
  await setPayoutDelay(0);
});

describe("three instances, one database, faults in the middle of slots", () => {
  it(
    "SIGKILL, a terminated backend and SIGSTOP past the lease: every slot COMPLETED exactly once, the ledger clean",
    async () => {
      await setPayoutDelay(payoutDelaySeconds);
      const due = new Date(Date.now() + 3_000).toISOString();
      const distributionSlots = Array.from({ length: slotCount }, (_, i) => ({ slotNumber: i + 1, rosPercentage: 0.5, scheduledFor: due }));
      const queued = await admin.post(instances[0], "/queue", {
        premiumPoolAmount: Number(pools.premium),
        performancePoolAmount: Number(pools.performance),
        description: "chaos",
        distributionSlots,
      });
      expect(queued.status, await queued.clone().text()).toBe(200);
      const faulted = new Set<number>();

      // 1. The executing instance is killed; a replacement starts as a deployment would restart it.
      const killed = await nextPayout(faulted);
      log(`SIGKILL ${killed.instance.name} in the middle of slot ${killed.slotNumber}`);
      killed.instance.signal("SIGKILL");
      await killed.instance.exited;
      instances = instances.filter((instance) => instance !== killed.instance);
      starting.push(startInstance("d", databaseUrl(), instanceEnv).then((replacement) => instances.push(replacement)));

      // 2. The backend of the next payout is terminated: the slot is FAILED, nothing of it paid.
      const cut = await nextPayout(faulted);
      log(`pg_terminate_backend(${cut.pid}) in the middle of slot ${cut.slotNumber} on ${cut.instance.name}`);
      await db().$queryRaw`SELECT pg_terminate_backend(${cut.pid})::text`;
      await waitFor("the cut slot to be FAILED", async () =>
        (await db().slot.findUniqueOrThrow({ where: { id: cut.slotId } })).status === "FAILED" ? true : null,
      );

      // 3. The instance executing the next payout is stopped until its slot is reaped and run again elsewhere.
      const frozen = await nextPayout(faulted);
      log(`SIGSTOP ${frozen.instance.name} in the middle of slot ${frozen.slotNumber}`);
      frozen.instance.signal("SIGSTOP");
      await waitFor(
        "the frozen instance's slot to be reaped",
        async () => ((await historyOf(frozen.slotId)).some((attempt) => attempt.outcome === "LEASE_EXPIRED") ? true : null),
        60_000,
      );
      frozen.instance.signal("SIGCONT");
      log(`SIGCONT ${frozen.instance.name}`);

      // The day runs out at full speed; the FAILED slot is retried by the admin, as in production.
      await setPayoutDelay(0);
      const settled = () =>
        db()
          .slot.count({ where: { status: { in: ["PENDING", "EXECUTING"] } } })
          .then((open) => (open === 0 ? true : null));
      await waitFor("every other slot to end", settled, 120_000);
      await Promise.allSettled(starting);
      const retried = await admin.post(instances[0], `/slots/${cut.slotNumber}/retry`, { date: today.date });
      expect(retried.status, await retried.clone().text()).toBe(200);
      await waitFor("the retried slot to end", settled, 120_000);

      // Every slot COMPLETED, each paid exactly once: every stake its ROS, the pools once for the day.
      const slots = await db().slot.findMany({ orderBy: { slotNumber: "asc" } });
      expect(slots.map((slot) => slot.status)).toEqual(Array(slotCount).fill("COMPLETED"));
      const perSlot = await db().$queryRaw<{ slot_id: number; ros: number; pools: number; ros_total: string }[]>`
        SELECT slot_id, count(*) FILTER (WHERE kind = 'ROS')::int AS ros, count(*) FILTER (WHERE kind <> 'ROS')::int AS pools,
               coalesce(sum(amount) FILTER (WHERE kind = 'ROS'), 0)::text AS ros_total
        FROM ledger_entries GROUP BY slot_id ORDER BY slot_id`;
      expect(perSlot.map((row) => row.ros)).toEqual(Array(slotCount).fill(seed.stakes));
      expect(new Set(perSlot.map((row) => row.ros_total)).size).toBe(1);
      expect(perSlot.reduce((total, row) => total + row.pools, 0)).toBe(seed.premiumQualified + seed.performanceQualified);
      expect(poolsPaidOf(await db().day.findFirstOrThrow())).toEqual([pools.premium, pools.performance]);
      for (const slot of slots) {
        const executions = await db().auditLog.count({
          where: { action: "slot.execute", outcome: "OK", details: { path: ["slotId"], equals: slot.id } },
        });
        expect(executions, `slot ${slot.slotNumber} executed once`).toBe(1);
      }

      // Each fault is in its slot's attempt history; the thawed instance changed nothing.
      const outcomes = async (slotId: number) => (await historyOf(slotId)).map((attempt) => attempt.outcome);
      expect(await outcomes(killed.slotId)).toEqual(["LEASE_EXPIRED", "COMPLETED"]);
      expect(await outcomes(cut.slotId)).toEqual(["FAILED", "COMPLETED"]);
      expect(await outcomes(frozen.slotId)).toEqual(["LEASE_EXPIRED", "COMPLETED"]);
      expect((await fetch(`${frozen.instance.baseUrl}/api/health`)).status).toBe(200);

      await expectLedgerOk();
      const verify = await runLedgerVerify();
      log(verify.stdout.trim());
      expect(verify).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Ledger OK/) });
    },
    full ? 1_200_000 : 420_000,
  );
});
