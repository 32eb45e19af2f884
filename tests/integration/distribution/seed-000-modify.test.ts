import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDays, snapshotState, storedSlots } from "../../helpers/db-state";
import { createMember, retireAllMembers, setSettings } from "../../helpers/execution-data";
import { dayIdOf, runSlot } from "../../helpers/run-slot";
import { expectError, expectSuccess } from "../../helpers/http";
import { queueAs, slots, statusAs, useChecklistSettings } from "../../helpers/seed-000-checklist";
import type { SignedIn } from "../../helpers/session";
import type { Today } from "../../helpers/today";

// Seed 000's testing checklist, section 3: modifying today's distribution.

process.env.SLOTPAY_LOG = "silent";

let admin: SignedIn;
let today: Today;

beforeAll(async () => ({ admin, today } = await useChecklistSettings()));
beforeEach(resetDays);

/** Today's slots 1–3 queued, 1 then COMPLETED and 2 FAILED; `before` is how they are stored. */
async function queueWithSlot1CompletedAnd2Failed() {
  await queueAs(admin, { distributionSlots: slots([1, 2.5], [2, 3], [3, 2]) });
  const dayId = await dayIdOf(today.date);
  await runSlot(dayId, 1, "COMPLETED");
  await runSlot(dayId, 2, "FAILED");
  return { dayId, before: await storedSlots(dayId) };
}

describe("3. modify distribution", () => {
  it("can modify PENDING slots: ROS, time, pools and description", async () => {
    await queueAs(admin, {
      premiumPoolAmount: 5000,
      performancePoolAmount: 3000,
      description: "x",
      distributionSlots: slots([1, 2.5], [2, 3], [3, 2]),
    });
    const body = await expectSuccess(
      await admin.api.modify({
        premiumPoolAmount: 6000,
        performancePoolAmount: 4000,
        description: "Updated amounts",
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 2.5 },
          { slotNumber: 2, rosPercentage: 3.5 },
          { slotNumber: 3, rosPercentage: 2, time: "21:30" },
        ],
      }),
    );
    expect(body.message).toBe("Distribution modified successfully");
    expect(body.distribution.data).toMatchObject({ premiumPoolAmount: 6000, performancePoolAmount: 4000, description: "Updated amounts" });
    expect(
      body.distribution.distributionSlots.map(({ slotNumber, rosPercentage, scheduledFor, status }) => ({
        slotNumber,
        rosPercentage,
        scheduledFor,
        status,
      })),
    ).toEqual([
      { slotNumber: 1, rosPercentage: 2.5, scheduledFor: today.at("08:00"), status: "PENDING" },
      { slotNumber: 2, rosPercentage: 3.5, scheduledFor: today.at("10:00"), status: "PENDING" },
      { slotNumber: 3, rosPercentage: 2, scheduledFor: today.at("21:30"), status: "PENDING" },
    ]);
    expect(await statusAs(admin)).toEqual(body.distribution);
  });

  it("removes PENDING slots the body leaves out and adds new ones", async () => {
    await queueAs(admin, { distributionSlots: slots([1, 2.5], [2, 3], [3, 2]) });
    const body = await expectSuccess(await admin.api.modify({ distributionSlots: slots([2, 3], [5, 1]) }));
    expect(body.distribution.distributionSlots.map((slot) => slot.slotNumber)).toEqual([2, 5]);
    expect(await db().slot.count()).toBe(2);
  });

  it("cannot modify COMPLETED or FAILED slots: they keep ROS, time, status and executionDetails", async () => {
    const { dayId, before } = await queueWithSlot1CompletedAnd2Failed();

    const body = await expectSuccess(
      await admin.api.modify({
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 9, time: "22:00" },
          { slotNumber: 2, rosPercentage: 9, scheduledFor: today.at("22:30") },
          { slotNumber: 3, rosPercentage: 3.5 },
        ],
      }),
    );
    const after = await storedSlots(dayId);
    expect(after.get(1)).toEqual(before.get(1));
    expect(after.get(2)).toEqual(before.get(2));
    expect(after.get(3)).toMatchObject({ rosPercentage: "3.5", status: "PENDING" });
    expect(body.distribution.distributionSlots.map((slot) => [slot.slotNumber, slot.status, slot.rosPercentage])).toEqual([
      [1, "COMPLETED", 2.5],
      [2, "FAILED", 3],
      [3, "PENDING", 3.5],
    ]);
    expect(body.distribution.distributionSlots[0].executionDetails).toEqual(before.get(1)?.executionDetails);
    expect(body.distribution.distributionSlots[1].executionDetails).toEqual(before.get(2)?.executionDetails);
  });

  it("keeps COMPLETED and FAILED slots that the body leaves out", async () => {
    const { dayId, before } = await queueWithSlot1CompletedAnd2Failed();

    const body = await expectSuccess(await admin.api.modify({ distributionSlots: slots([4, 1]) }));
    expect(body.distribution.distributionSlots.map((slot) => [slot.slotNumber, slot.status])).toEqual([
      [1, "COMPLETED"],
      [2, "FAILED"],
      [4, "PENDING"],
    ]);
    const after = await storedSlots(dayId);
    expect(after.get(1)).toEqual(before.get(1));
    expect(after.get(2)).toEqual(before.get(2));
    expect(body.distribution.status).toBe("PENDING");
    expect(body.distribution.counts).toEqual({ PENDING: 1, EXECUTING: 0, COMPLETED: 1, FAILED: 1 });
  });

  it("refuses to lower a pool below what was already paid (409), and allows raising it", async () => {
    // One member qualifies for both pools, so slot 1 pays each of them whole.
    await retireAllMembers();
    await setSettings({ premiumMinStake: "1000", performanceMinScore: "50" });
    await createMember({ score: "60", stakes: [{ principal: "1000", startedAt: "2020-01-01T00:00:00Z" }] });
    await queueAs(admin, { premiumPoolAmount: 5000, performancePoolAmount: 3000, distributionSlots: slots([1, 1], [2, 1]) });
    await runSlot(await dayIdOf(today.date), 1, "COMPLETED");
    expect((await statusAs(admin)).poolsPaid).toEqual({ premium: 5000, performance: 3000 });
    const snapshot = await snapshotState();
    const refused = await expectError(
      await admin.api.modify({ premiumPoolAmount: 4000, distributionSlots: slots([2, 1]) }),
      409,
      "POOL_ALREADY_PAID",
    );
    expect(refused.message).toContain("premiumPoolAmount");
    expect(await snapshotState()).toEqual(snapshot);

    const raised = await expectSuccess(await admin.api.modify({ premiumPoolAmount: 6000, distributionSlots: slots([2, 1]) }));
    expect(raised.distribution.data?.premiumPoolAmount).toBe(6000);
    expect(raised.distribution.poolsPaid).toEqual({ premium: 5000, performance: 3000 });
  });
});
