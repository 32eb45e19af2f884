import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tick } from "@/lib/distribution/execution/tick";
import { queueDistribution } from "@/lib/distribution/queue-distribution";
import {
  completedSlot,
  createActor,
  createMember,
  dayOf,
  exact,
  executionSettings,
  expectDetailsMatchLedger,
  expectLedgerOk,
  ledgerOf,
  poolsPaidOf,
  queueDay,
  retireAllMembers,
  setSettings,
  slotOf,
  walletBalances,
  walletsAfter,
  type Actor,
} from "../../helpers/execution-data";

process.env.SLOTPAY_LOG = "silent";

// Hand-computed payouts (SPEC §3). Every test takes its own date and its own members.
let actor: Actor;

beforeAll(async () => {
  actor = await createActor();
});

beforeEach(async () => {
  await retireAllMembers();
  await setSettings(executionSettings);
});

describe("one slot's payouts, exactly", () => {
  it("floors ROS at 8 places, pays only stakes active at the slot's time, and splits both pools exactly", async () => {
    const date = "2030-01-01";
    const a = await createMember({
      score: "50",
      stakes: [
        { principal: "333.33333333", startedAt: "2029-12-31T08:00:00Z" },
        { principal: "1000", startedAt: "2030-01-01T12:00:00.000Z" }, // started exactly at the slot's time: paid
      ],
    });
    const b = await createMember({ score: "100", stakes: [{ principal: "1000", startedAt: "2029-12-31T08:00:00Z" }] });
    // Started 1 ms after the slot's time: no ROS; below the premium minimum; its score still counts.
    const c = await createMember({ score: "150", stakes: [{ principal: "500", startedAt: "2030-01-01T12:00:00.001Z" }] });
    // Ended stake, score under the minimum: nothing at all.
    const d = await createMember({ score: "10", stakes: [{ principal: "2000", startedAt: "2029-12-01T00:00:00Z", status: "ENDED" }] });

    await queueDay({
      actor,
      date,
      premium: "100.00000001",
      performance: "1",
      slots: [{ slotNumber: 1, rosPercentage: "1.5", scheduledFor: "2030-01-01T12:00:00.000Z" }],
    });
    const walletsBefore = await walletBalances();

    const result = await tick({ now: new Date("2030-01-01T12:00:05Z") });
    expect(result.executed).toMatchObject([{ slotNumber: 1, status: "COMPLETED" }]);

    const { slot, rows, details } = await completedSlot(date, 1);
    expect(slot).toMatchObject({ status: "COMPLETED", attempts: 1, leaseOwner: null, leaseExpiresAt: null });
    expect(rows).toEqual([
      { kind: "ROS", subjectId: a.stakeIds[0], userId: a.userId, amount: "4.99999999" }, // 333.33333333 × 1.5% = 4.999999999995
      { kind: "ROS", subjectId: a.stakeIds[1], userId: a.userId, amount: "15" },
      { kind: "ROS", subjectId: b.stakeIds[0], userId: b.userId, amount: "15" },
      { kind: "PREMIUM_POOL", subjectId: a.userId, userId: a.userId, amount: "50.00000001" }, // the odd unit to the lower id
      { kind: "PREMIUM_POOL", subjectId: b.userId, userId: b.userId, amount: "50" },
      { kind: "PERFORMANCE_POOL", subjectId: a.userId, userId: a.userId, amount: "0.16666667" }, // largest remainder
      { kind: "PERFORMANCE_POOL", subjectId: b.userId, userId: b.userId, amount: "0.33333333" },
      { kind: "PERFORMANCE_POOL", subjectId: c.userId, userId: c.userId, amount: "0.5" },
    ]);

    expect(details).toMatchObject({
      attempt: 1,
      rosStats: { processedStakes: 3, totalDistributed: 34.99999999, totalDistributedExact: "34.99999999" },
      premiumPoolStats: { qualifiedUsers: 2, totalDistributed: 100.00000001, totalDistributedExact: "100.00000001" },
      performancePoolStats: { qualifiedUsers: 3, totalDistributed: 1, totalDistributedExact: "1" },
    });
    expectDetailsMatchLedger(details, rows);
    expect(Date.parse(details.completedAt)).toBeGreaterThanOrEqual(Date.parse(details.executedAt));

    const wallets = await walletBalances();
    expect(wallets).toEqual(walletsAfter(walletsBefore, rows));
    expect(wallets.get(a.userId)).toBe("70.16666667");
    expect(wallets.get(b.userId)).toBe("65.33333333");
    expect(wallets.get(c.userId)).toBe("0.5");
    expect(wallets.has(d.userId)).toBe(false);

    const day = await dayOf(date);
    expect(day.status).toBe("COMPLETED");
    expect(exact(day.premiumPoolPaid)).toBe("100.00000001");
    expect(exact(day.performancePoolPaid)).toBe("1");
    await expectLedgerOk();
  });

  it("pays a pool raised after slot 1 was paid as the difference only, in slot 2", async () => {
    const date = "2030-01-02";
    const e = await createMember({ score: "60", stakes: [{ principal: "2000", startedAt: "2030-01-01T00:00:00Z" }] });
    const f = await createMember({ score: "40", stakes: [{ principal: "1000", startedAt: "2030-01-01T00:00:00Z" }] });
    const slots = [
      { slotNumber: 1, rosPercentage: "1", scheduledFor: "2030-01-02T10:00:00.000Z" },
      { slotNumber: 2, rosPercentage: "1", scheduledFor: "2030-01-02T14:00:00.000Z" },
    ];
    await queueDay({ actor, date, premium: "10", performance: "3", slots });

    const first = await tick({ now: new Date("2030-01-02T10:00:01Z") });
    expect(first.executed).toMatchObject([{ slotNumber: 1, status: "COMPLETED" }]);
    const slot1 = await slotOf(date, 1);
    expect(await ledgerOf(slot1.id)).toEqual([
      { kind: "ROS", subjectId: e.stakeIds[0], userId: e.userId, amount: "20" },
      { kind: "ROS", subjectId: f.stakeIds[0], userId: f.userId, amount: "10" },
      { kind: "PREMIUM_POOL", subjectId: e.userId, userId: e.userId, amount: "5" },
      { kind: "PREMIUM_POOL", subjectId: f.userId, userId: f.userId, amount: "5" },
      { kind: "PERFORMANCE_POOL", subjectId: e.userId, userId: e.userId, amount: "3" }, // f's score is under the minimum
    ]);
    let day = await dayOf(date);
    expect(day.status).toBe("PENDING");
    expect(day.slots.map((s) => s.status)).toEqual(["COMPLETED", "PENDING"]);
    expect(poolsPaidOf(day)).toEqual(["10", "3"]);

    const at = new Date("2030-01-02T11:00:00Z");
    await expect(
      queueDistribution({
        actor,
        now: at,
        request: {
          premiumPoolAmount: "9.99999999",
          performancePoolAmount: undefined,
          description: "",
          multiSlotEnabled: true,
          slots: [slots[1]],
        },
      }),
    ).rejects.toMatchObject({ code: "POOL_ALREADY_PAID" });
    await queueDistribution({
      actor,
      now: at,
      request: {
        premiumPoolAmount: "16.00000001",
        performancePoolAmount: undefined,
        description: "",
        multiSlotEnabled: true,
        slots: [slots[1]],
      },
    });

    const walletsBefore = await walletBalances();
    const second = await tick({ now: new Date("2030-01-02T14:00:01Z") });
    expect(second.executed).toMatchObject([{ slotNumber: 2, status: "COMPLETED" }]);
    const { rows, details } = await completedSlot(date, 2);
    expect(rows).toEqual([
      { kind: "ROS", subjectId: e.stakeIds[0], userId: e.userId, amount: "20" },
      { kind: "ROS", subjectId: f.stakeIds[0], userId: f.userId, amount: "10" },
      { kind: "PREMIUM_POOL", subjectId: e.userId, userId: e.userId, amount: "3.00000001" },
      { kind: "PREMIUM_POOL", subjectId: f.userId, userId: f.userId, amount: "3" },
    ]);
    expect(details.premiumPoolStats).toEqual({ qualifiedUsers: 2, totalDistributed: 6.00000001, totalDistributedExact: "6.00000001" });
    expect(details.performancePoolStats).toMatchObject({ totalDistributed: 0, totalDistributedExact: "0" });
    expectDetailsMatchLedger(details, rows);
    expect(await walletBalances()).toEqual(walletsAfter(walletsBefore, rows));

    day = await dayOf(date);
    expect(day.status).toBe("COMPLETED");
    expect(poolsPaidOf(day)).toEqual(["16.00000001", "3"]);
    await expectLedgerOk();
  });

  it("pays nothing of a pool nobody qualifies for, and pays it whole at the next slot once someone does", async () => {
    const date = "2030-01-03";
    const g = await createMember({ score: "200", stakes: [{ principal: "1000", startedAt: "2030-01-01T00:00:00Z" }] });
    const h = await createMember({ score: "300", stakes: [{ principal: "1000", startedAt: "2030-01-01T00:00:00Z" }] });
    await setSettings({ performanceMinScore: "1000" }); // above everyone
    await queueDay({
      actor,
      date,
      premium: "2",
      performance: "5",
      slots: [
        { slotNumber: 1, rosPercentage: "0.5", scheduledFor: "2030-01-03T09:00:00.000Z" },
        { slotNumber: 2, rosPercentage: "0.5", scheduledFor: "2030-01-03T15:00:00.000Z" },
      ],
    });

    await tick({ now: new Date("2030-01-03T09:00:01Z") });
    const { rows: rows1, details: details1 } = await completedSlot(date, 1);
    expect(rows1).toEqual([
      { kind: "ROS", subjectId: g.stakeIds[0], userId: g.userId, amount: "5" },
      { kind: "ROS", subjectId: h.stakeIds[0], userId: h.userId, amount: "5" },
      { kind: "PREMIUM_POOL", subjectId: g.userId, userId: g.userId, amount: "1" },
      { kind: "PREMIUM_POOL", subjectId: h.userId, userId: h.userId, amount: "1" },
    ]);
    expect(details1.performancePoolStats).toEqual({ qualifiedUsers: 0, totalDistributed: 0, totalDistributedExact: "0" });
    expectDetailsMatchLedger(details1, rows1);
    let day = await dayOf(date);
    expect(poolsPaidOf(day)).toEqual(["2", "0"]);
    await expectLedgerOk();

    await setSettings({ performanceMinScore: "50" });
    await tick({ now: new Date("2030-01-03T15:00:01Z") });
    const { rows: rows2, details: details2 } = await completedSlot(date, 2);
    expect(rows2).toEqual([
      { kind: "ROS", subjectId: g.stakeIds[0], userId: g.userId, amount: "5" },
      { kind: "ROS", subjectId: h.stakeIds[0], userId: h.userId, amount: "5" },
      { kind: "PERFORMANCE_POOL", subjectId: g.userId, userId: g.userId, amount: "2" },
      { kind: "PERFORMANCE_POOL", subjectId: h.userId, userId: h.userId, amount: "3" },
    ]);
    expect(details2.premiumPoolStats).toMatchObject({ totalDistributed: 0, totalDistributedExact: "0" });
    expect(details2.performancePoolStats).toEqual({ qualifiedUsers: 2, totalDistributed: 5, totalDistributedExact: "5" });
    expectDetailsMatchLedger(details2, rows2);

    day = await dayOf(date);
    expect(day.status).toBe("COMPLETED");
    expect(poolsPaidOf(day)).toEqual(["2", "5"]);
    const wallets = await walletBalances();
    expect(wallets.get(g.userId)).toBe("13"); // 5 + 1 + 5 + 2
    expect(wallets.get(h.userId)).toBe("14"); // 5 + 1 + 5 + 3
    await expectLedgerOk();
  });
  it("pays pools smaller than their users' count one unit each, lowest ids (equal) or largest remainders (weighted) first, and writes no zero rows", async () => {
    const date = "2030-01-04";
    const stake = (principal: string) => ({ principal, startedAt: "2030-01-01T00:00:00Z" });
    const a = await createMember({ score: "50", stakes: [stake("1000")] });
    const b = await createMember({ score: "50", stakes: [stake("1000")] });
    const c = await createMember({ score: "100", stakes: [stake("1000")] });
    const d = await createMember({ score: "10", stakes: [stake("600"), stake("400")] }); // 1000 over two stakes: qualifies
    // Its ROS floors to 0 (0.00000099 × 1% = 0.0000000099) and it is in no pool: no row, no wallet written.
    const e = await createMember({ score: "10", stakes: [stake("0.00000099")] });
    await queueDay({
      actor,
      date,
      premium: "0.00000003", // 3 units among 4 users: 0 each, one left over for each of the 3 lowest ids
      performance: "0.00000002", // weights 50/50/100 of 2 units: c gets 1, the one left goes to a (equal remainders, lower id)
      slots: [{ slotNumber: 1, rosPercentage: "1", scheduledFor: "2030-01-04T12:00:00.000Z" }],
    });
    const walletsBefore = await walletBalances();

    await tick({ now: new Date("2030-01-04T12:00:01Z") });
    const { rows, details } = await completedSlot(date, 1);
    expect(rows).toEqual([
      { kind: "ROS", subjectId: a.stakeIds[0], userId: a.userId, amount: "10" },
      { kind: "ROS", subjectId: b.stakeIds[0], userId: b.userId, amount: "10" },
      { kind: "ROS", subjectId: c.stakeIds[0], userId: c.userId, amount: "10" },
      { kind: "ROS", subjectId: d.stakeIds[0], userId: d.userId, amount: "6" },
      { kind: "ROS", subjectId: d.stakeIds[1], userId: d.userId, amount: "4" },
      { kind: "PREMIUM_POOL", subjectId: a.userId, userId: a.userId, amount: "0.00000001" },
      { kind: "PREMIUM_POOL", subjectId: b.userId, userId: b.userId, amount: "0.00000001" },
      { kind: "PREMIUM_POOL", subjectId: c.userId, userId: c.userId, amount: "0.00000001" },
      { kind: "PERFORMANCE_POOL", subjectId: a.userId, userId: a.userId, amount: "0.00000001" },
      { kind: "PERFORMANCE_POOL", subjectId: c.userId, userId: c.userId, amount: "0.00000001" },
    ]);
    expect(details.rosStats).toEqual({ processedStakes: 5, totalDistributed: 40, totalDistributedExact: "40" });
    expect(details.premiumPoolStats).toEqual({ qualifiedUsers: 4, totalDistributed: 0.00000003, totalDistributedExact: "0.00000003" });
    expect(details.performancePoolStats).toEqual({ qualifiedUsers: 3, totalDistributed: 0.00000002, totalDistributedExact: "0.00000002" });
    expectDetailsMatchLedger(details, rows);

    const wallets = await walletBalances();
    expect(wallets).toEqual(walletsAfter(walletsBefore, rows));
    expect(wallets.get(a.userId)).toBe("10.00000002");
    expect(wallets.get(d.userId)).toBe("10");
    expect(wallets.has(e.userId)).toBe(false);
    expect(poolsPaidOf(await dayOf(date))).toEqual(["0.00000003", "0.00000002"]);
    await expectLedgerOk();
  });
});
