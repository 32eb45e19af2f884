import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDays } from "../../helpers/db-state";
import { createMember, retireAllMembers, setSettings } from "../../helpers/execution-data";
import { claimSlot, dayIdOf, finishSlot, runSlot } from "../../helpers/run-slot";
import { queueAs, slots, statusAs, useChecklistSettings } from "../../helpers/seed-000-checklist";
import type { SignedIn } from "../../helpers/session";
import type { Today } from "../../helpers/today";

// Seed 000's testing checklist, section 1: queueing a day and reading its status.

process.env.SLOTPAY_LOG = "silent";

let admin: SignedIn;
let today: Today;

beforeAll(async () => ({ admin, today } = await useChecklistSettings()));
beforeEach(resetDays);

describe("1. queue a new multi-slot distribution", () => {
  it("POST /queue creates every slot PENDING with executionDetails null", async () => {
    const body = await queueAs(admin, {
      premiumPoolAmount: 5000,
      performancePoolAmount: 3000,
      description: "Morning distributions",
      multiSlot: true,
      distributionSlots: slots([1, 2.5], [2, 3], [3, 2]),
    });
    expect(body.message).toBe("Distribution queued successfully");
    expect(body.distribution.distributionSlots).toEqual([
      {
        slotNumber: 1,
        rosPercentage: 2.5,
        scheduledFor: today.at("08:00"),
        status: "PENDING",
        attempts: 0,
        executionDetails: null,
        attemptHistory: [],
      },
      {
        slotNumber: 2,
        rosPercentage: 3,
        scheduledFor: today.at("10:00"),
        status: "PENDING",
        attempts: 0,
        executionDetails: null,
        attemptHistory: [],
      },
      {
        slotNumber: 3,
        rosPercentage: 2,
        scheduledFor: today.at("14:00"),
        status: "PENDING",
        attempts: 0,
        executionDetails: null,
        attemptHistory: [],
      },
    ]);

    const stored = await db().day.findFirstOrThrow({ include: { slots: { orderBy: { slotNumber: "asc" } } } });
    expect(stored).toMatchObject({
      status: "PENDING",
      queuedById: admin.user.id,
      multiSlotEnabled: true,
      description: "Morning distributions",
    });
    expect(stored.date.toISOString().slice(0, 10)).toBe(today.date);
    expect(stored.slots.map((slot) => [slot.status, slot.executionDetails])).toEqual([
      ["PENDING", null],
      ["PENDING", null],
      ["PENDING", null],
    ]);
  });

  it("GET /today/status answers seed 000's shape with date, timeZone, counts and poolsPaid", async () => {
    expect(await statusAs(admin)).toEqual({
      exists: false,
      status: null,
      date: today.date,
      timeZone: today.timeZone,
      version: null,
      data: null,
      multiSlotEnabled: false,
      distributionSlots: [],
      counts: { PENDING: 0, EXECUTING: 0, COMPLETED: 0, FAILED: 0 },
      poolsPaid: { premium: 0, performance: 0 },
    });

    const queued = await queueAs(admin, {
      premiumPoolAmount: 5000,
      performancePoolAmount: 3000,
      description: "Morning distributions",
      distributionSlots: slots([1, 2.5], [2, 3], [3, 2]),
    });
    const current = await statusAs(admin);
    expect(current).toEqual(queued.distribution);
    expect(current).toMatchObject({
      exists: true,
      status: "PENDING",
      date: today.date,
      timeZone: today.timeZone,
      data: { premiumPoolAmount: 5000, performancePoolAmount: 3000, description: "Morning distributions", queuedAt: expect.any(String) },
      multiSlotEnabled: true,
      version: 1,
      counts: { PENDING: 3, EXECUTING: 0, COMPLETED: 0, FAILED: 0 },
      poolsPaid: { premium: 0, performance: 0 },
    });
    expect(Date.parse(current.data?.queuedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
  });

  it("GET /today/status shows each slot's own status and execution details", async () => {
    // Two members: A (stake 1000, score 60) qualifies for both pools, B (stake 400, score 0) for neither.
    await retireAllMembers();
    await setSettings({ premiumMinStake: "1000", performanceMinScore: "50" });
    await createMember({ score: "60", stakes: [{ principal: "1000", startedAt: "2020-01-01T00:00:00Z" }] });
    await createMember({ score: "0", stakes: [{ principal: "400", startedAt: "2020-01-01T00:00:00Z" }] });
    await queueAs(admin, {
      premiumPoolAmount: 5000,
      performancePoolAmount: 3000,
      distributionSlots: slots([1, 2.5], [2, 3], [3, 2], [4, 1]),
    });
    const dayId = await dayIdOf(today.date);
    await runSlot(dayId, 1, "COMPLETED");
    await runSlot(dayId, 2, "FAILED");
    const executing = await claimSlot(dayId, 3);

    const current = await statusAs(admin);
    expect(current.status).toBe("EXECUTING");
    expect(current.counts).toEqual({ PENDING: 1, EXECUTING: 1, COMPLETED: 1, FAILED: 1 });
    expect(current.poolsPaid).toEqual({ premium: 5000, performance: 3000 });
    expect(current.distributionSlots.map((slot) => slot.status)).toEqual(["COMPLETED", "FAILED", "EXECUTING", "PENDING"]);
    // Slot 1 at 2.5%: 1000 × 2.5% + 400 × 2.5% = 25 + 10 of ROS on 2 stakes; each pool whole to A.
    expect(current.distributionSlots[0].executionDetails).toMatchObject({
      executedAt: expect.any(String),
      rosStats: { processedStakes: 2, totalDistributed: 35, totalDistributedExact: "35" },
      premiumPoolStats: { qualifiedUsers: 1, totalDistributed: 5000 },
      performancePoolStats: { qualifiedUsers: 1, totalDistributed: 3000 },
    });
    expect(current.distributionSlots[1].executionDetails).toMatchObject({
      error: expect.stringContaining("the wallets refused the payout"),
    });
    expect(current.distributionSlots[2].executionDetails).toBeNull();
    expect(current.distributionSlots[3].executionDetails).toBeNull();

    await finishSlot(executing, "COMPLETED");
    expect((await statusAs(admin)).status).toBe("PENDING");
  });
});
