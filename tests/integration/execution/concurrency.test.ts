import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import type { SlotOutcome } from "@/lib/distribution/execution/execute-claimed-slot";
import {
  completedDetails,
  createActor,
  dayOf,
  exact,
  executionSettings,
  expectLedgerOk,
  ledgerOf,
  poolsPaidOf,
  queueDay,
  setSettings,
  sumExact,
  totalsOf,
  walletBalances,
  type SlotPlan,
} from "../../helpers/execution-data";
import { parseTickOutput, runLedgerVerify, spawnTick } from "../../helpers/execution-processes";

process.env.SLOTPAY_LOG = "silent";

// SPEC §7/§9: any number of ticks at once (in this process and in others) never execute a slot
// twice, and one day's slots run one at a time in (scheduledFor, slotNumber) order.

const dates = ["2030-03-01", "2030-03-02", "2030-03-03"];
// Pairs of slots share a time, and numbers do not follow times, so both order keys matter.
const minuteOfSlot = [5, 5, 3, 3, 1, 1, 9, 9, 7, 7];
const slotsOf = (date: string): SlotPlan[] =>
  minuteOfSlot.map((minute, index) => ({ slotNumber: index + 1, rosPercentage: "0.75", scheduledFor: `${date}T00:0${minute}:00.000Z` }));
const premiumPool = "1000.00000007";
const performancePool = "500.5";
const tickNow = new Date("2030-03-03T12:00:00Z");

const members = 100;
const stakes = 300;
const endedStakes = 20; // every 15th
const lateStakes = 10; // every 30th from the first: started after every slot
const payableStakes = stakes - endedStakes - lateStakes;
const slotCount = dates.length * minuteOfSlot.length;

beforeAll(async () => {
  await setSettings({ ...executionSettings, maxLatenessSeconds: 7 * 86_400 });
  await db().$executeRaw`
    INSERT INTO users (email, performance_score)
    SELECT 'concurrency-' || i || '@slotpay.test', (i % 7) * 25 FROM generate_series(1, ${members}) i`;
  await db().$executeRaw`
    WITH members AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users WHERE email LIKE 'concurrency-%')
    INSERT INTO stakes (user_id, principal, status, started_at)
    SELECT m.id, 100 + i * 3.33333333,
           CASE WHEN i % 15 = 0 THEN 'ENDED'::"StakeStatus" ELSE 'ACTIVE'::"StakeStatus" END,
           CASE WHEN i % 30 = 1 THEN TIMESTAMPTZ '2030-04-01 00:00Z' ELSE TIMESTAMPTZ '2030-02-01 00:00Z' END
    FROM generate_series(1, ${stakes}) i JOIN members m ON m.n = (i - 1) % ${members}`;
  const actor = await createActor();
  for (const date of dates) await queueDay({ actor, date, premium: premiumPool, performance: performancePool, slots: slotsOf(date) });
});

describe("concurrent ticks", () => {
  it("execute each of 30 due slots exactly once, one at a time per day, in (scheduledFor, slotNumber) order", async () => {
    const children = [spawnTick({ now: tickNow, waitForGo: true }), spawnTick({ now: tickNow, waitForGo: true })];
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.go();
    const inProcess = await Promise.all(Array.from({ length: 6 }, () => tick({ now: tickNow })));
    const exits = await Promise.all(children.map((child) => child.exited));

    const outcomes: Pick<SlotOutcome, "slotId" | "status">[] = inProcess.flatMap((result) => result.executed);
    for (const exit of exits) {
      expect(exit.code, exit.stderr).toBe(0);
      outcomes.push(...parseTickOutput(exit.stdout).executed);
    }
    expect(outcomes).toHaveLength(slotCount);
    expect(new Set(outcomes.map((outcome) => outcome.slotId)).size).toBe(slotCount);
    expect(outcomes.every((outcome) => outcome.status === "COMPLETED")).toBe(true);

    const audited = await db().auditLog.findMany({ where: { action: "slot.execute", outcome: "OK" } });
    expect(audited).toHaveLength(slotCount);

    const [ros] = await db().$queryRaw<{ rows: number; distinct: number }[]>`
      SELECT count(*)::int AS rows, count(DISTINCT (slot_id, subject_id))::int AS distinct FROM ledger_entries WHERE kind = 'ROS'`;
    expect(ros).toEqual({ rows: slotCount * payableStakes, distinct: slotCount * payableStakes });

    for (const date of dates) {
      const day = await dayOf(date);
      expect(day.status).toBe("COMPLETED");
      expect(poolsPaidOf(day)).toEqual([exact(premiumPool), exact(performancePool)]);

      const runs = [];
      for (const slot of day.slots) {
        expect(slot).toMatchObject({ status: "COMPLETED", attempts: 1, leaseOwner: null });
        const details = completedDetails.parse(slot.executionDetails);
        expect(details.attempt).toBe(1);
        const totals = totalsOf(await ledgerOf(slot.id));
        expect(totals.ros.count).toBe(payableStakes);
        expect(details.rosStats.processedStakes).toBe(payableStakes);
        expect(details.rosStats.totalDistributedExact).toBe(totals.ros.total);
        expect(details.premiumPoolStats.totalDistributedExact).toBe(totals.premium.total);
        expect(details.performancePoolStats.totalDistributedExact).toBe(totals.performance.total);
        runs.push({ slot, details, totals, start: Date.parse(details.executedAt), end: Date.parse(details.completedAt) });
      }
      runs.sort((x, y) => x.start - y.start || x.end - y.end);
      const expectedOrder = [...day.slots]
        .sort((x, y) => x.scheduledFor.getTime() - y.scheduledFor.getTime() || x.slotNumber - y.slotNumber)
        .map((slot) => slot.slotNumber);
      expect(runs.map((run) => run.slot.slotNumber)).toEqual(expectedOrder);
      for (let i = 1; i < runs.length; i++) {
        expect(
          runs[i].start,
          `${date}: slot ${runs[i].slot.slotNumber} started before slot ${runs[i - 1].slot.slotNumber} ended`,
        ).toBeGreaterThanOrEqual(runs[i - 1].end);
      }
      // The day's pools are paid once, by its first slot; later slots find nothing left.
      expect(sumExact(runs.map((run) => run.totals.premium.total))).toBe(exact(premiumPool));
      expect(sumExact(runs.map((run) => run.totals.performance.total))).toBe(exact(performancePool));
      expect(runs.slice(1).every((run) => run.totals.premium.count + run.totals.performance.count === 0)).toBe(true);
    }

    const report = await expectLedgerOk();
    expect(report.ledgerEntries).toBeGreaterThan(slotCount * payableStakes);
    const [ledgerTotal] = await db().$queryRaw<{ total: string }[]>`SELECT sum(amount)::text AS total FROM ledger_entries`;
    expect(sumExact([...(await walletBalances()).values()])).toBe(exact(ledgerTotal.total));
  });

  it("npm run ledger:verify passes on that ledger and fails with a report once a balance is off", async () => {
    const ok = await runLedgerVerify();
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Ledger OK: \d+ entries, \d+ wallets/);

    const [victim] = await db().$queryRaw<{ user_id: number }[]>`SELECT user_id FROM wallets ORDER BY user_id LIMIT 1`;
    await db().$executeRaw`UPDATE wallets SET balance = balance + 0.00000001 WHERE user_id = ${victim.user_id}`;
    const broken = await runLedgerVerify();
    expect(broken.code).toBe(1);
    expect(broken.stdout).not.toContain("Ledger OK");
    expect(broken.stderr).toContain("Ledger check FAILED");
    const report = JSON.parse(broken.stderr.slice(broken.stderr.indexOf("{"))) as { ok: boolean; balanceMismatches: { userId: number }[] };
    expect(report.ok).toBe(false);
    expect(report.balanceMismatches.map((mismatch) => mismatch.userId)).toEqual([victim.user_id]);
  });
});
