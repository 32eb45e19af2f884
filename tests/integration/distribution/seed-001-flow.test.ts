import { beforeAll, describe, expect, it } from "vitest";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { resetDays, snapshotState, storedSlots } from "../../helpers/db-state";
import type { ClaimedSlot } from "@/lib/distribution/execution/claim-due-slot";
import { createMember, retireAllMembers, walletBalances, type Member } from "../../helpers/execution-data";
import { claimSlot, dayIdOf, finishSlot, runSlot } from "../../helpers/run-slot";
import { expectError, expectSuccess, readJson } from "../../helpers/http";
import { signedIn, withCode, type SignedIn } from "../../helpers/session";
import { useMiddayTimeZone, type Today } from "../../helpers/today";

// Seed 001's full-day flow: queue 2 slots, let them complete, add 2 more — by re-queueing all
// four (option 1) and with the add-slots endpoint (option 2). The slots run on the real executor
// and pay one member's stake of 1000: 1% of it, 10, per slot.

process.env.SLOTPAY_LOG = "silent";

let admin: SignedIn;
let today: Today;
let dayId: number;
let member: Member;

async function status(): Promise<DistributionStatus> {
  const response = await admin.api.status();
  expect(response.status).toBe(200);
  return readJson<DistributionStatus>(response);
}

const summary = (current: DistributionStatus) =>
  current.distributionSlots.map((slot) => ({ slotNumber: slot.slotNumber, status: slot.status, scheduledFor: slot.scheduledFor }));

async function queueTwoAndComplete() {
  const body = await expectSuccess(
    await admin.api.queue(
      await withCode(admin, {
        multiSlotEnabled: true,
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 1, time: "12:56:00" },
          { slotNumber: 2, rosPercentage: 1, time: "14:58:59" },
        ],
      }),
    ),
  );
  expect(body.message).toBe("Distribution queued successfully");
  expect(body.distribution.status).toBe("PENDING");
  dayId = await dayIdOf(today.date);
  await runSlot(dayId, 1, "COMPLETED");
  await runSlot(dayId, 2, "COMPLETED");
  const current = await status();
  expect(current.status).toBe("COMPLETED");
  expect(summary(current)).toEqual([
    { slotNumber: 1, status: "COMPLETED", scheduledFor: today.at("12:56:00") },
    { slotNumber: 2, status: "COMPLETED", scheduledFor: today.at("14:58:59") },
  ]);
}

beforeAll(async () => {
  today = await useMiddayTimeZone({ slotTimes: { "3": "16:00:00", "4": "18:00:00" } });
  admin = await signedIn();
  await retireAllMembers();
  member = await createMember({ stakes: [{ principal: "1000", startedAt: "2020-01-01T00:00:00Z" }] });
});

/** What the member's wallet holds: every slot paid so far, 10 each. */
const memberBalance = async () => (await walletBalances()).get(member.userId);

describe("option 1: the queue endpoint with all four slots", () => {
  let completed: Awaited<ReturnType<typeof storedSlots>>;

  it("steps 1–2: queues 2 slots, which both complete", async () => {
    await queueTwoAndComplete();
    completed = await storedSlots(dayId);
  });

  it("step 3: queueing 1–4 again answers 200, not 409, and leaves 1–2 untouched", async () => {
    const body = await expectSuccess(
      await admin.api.queue({
        multiSlotEnabled: true,
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 1 },
          { slotNumber: 2, rosPercentage: 1 },
          { slotNumber: 3, rosPercentage: 1 },
          { slotNumber: 4, rosPercentage: 1 },
        ],
      }),
    );
    expect(body.message).toBe("Distribution updated: 2 new slot(s) added");
    expect(body.distribution.status).toBe("PENDING");
    const after = await storedSlots(dayId);
    expect(after.get(1)).toEqual(completed.get(1));
    expect(after.get(2)).toEqual(completed.get(2));
    expect(after.get(1)?.executionDetails).toMatchObject({ rosStats: { processedStakes: 1, totalDistributedExact: "10" } });
    expect(after.get(3)).toMatchObject({ status: "PENDING", executionDetails: null, rosPercentage: "1" });
    expect(after.get(4)).toMatchObject({ status: "PENDING", executionDetails: null, rosPercentage: "1" });
  });

  it("step 4: the status shows 4 slots, 1–2 COMPLETED and 3–4 PENDING at the settings times", async () => {
    const current = await status();
    expect(summary(current)).toEqual([
      { slotNumber: 1, status: "COMPLETED", scheduledFor: today.at("12:56:00") },
      { slotNumber: 2, status: "COMPLETED", scheduledFor: today.at("14:58:59") },
      { slotNumber: 3, status: "PENDING", scheduledFor: today.at("16:00:00") },
      { slotNumber: 4, status: "PENDING", scheduledFor: today.at("18:00:00") },
    ]);
    expect(current.counts).toEqual({ PENDING: 2, EXECUTING: 0, COMPLETED: 2, FAILED: 0 });
    expect(current.distributionSlots[0].executionDetails).toEqual(completed.get(1)?.executionDetails);
  });

  it("night: after 3–4 complete the day is COMPLETED with 4% ROS paid in all", async () => {
    await runSlot(dayId, 3, "COMPLETED");
    expect((await status()).status).toBe("PENDING");
    await runSlot(dayId, 4, "COMPLETED");
    const current = await status();
    expect(current.status).toBe("COMPLETED");
    expect(current.counts).toEqual({ PENDING: 0, EXECUTING: 0, COMPLETED: 4, FAILED: 0 });
    expect(current.distributionSlots.reduce((total, slot) => total + slot.rosPercentage, 0)).toBe(4);
    expect(await memberBalance()).toBe("40");
  });
});

describe("option 2: the add-slots endpoint", () => {
  let completed: Awaited<ReturnType<typeof storedSlots>>;
  let executing: ClaimedSlot;

  beforeAll(resetDays);

  it("steps 1–2: queues 2 slots, which both complete", async () => {
    await queueTwoAndComplete();
    completed = await storedSlots(dayId);
  });

  it('step 3: adds slots 3–4 → "Successfully added 2 new slot(s)"', async () => {
    const body = await expectSuccess(
      await admin.api.addSlots({
        additionalSlots: [
          { slotNumber: 3, rosPercentage: 1, scheduledFor: today.at("16:00:00") },
          { slotNumber: 4, rosPercentage: 1, scheduledFor: today.at("18:00:00") },
        ],
      }),
    );
    expect(body.message).toContain("Successfully added 2 new slot(s)");
    expect(body.distribution.status).toBe("PENDING");
    const after = await storedSlots(dayId);
    expect(after.get(1)).toEqual(completed.get(1));
    expect(after.get(2)).toEqual(completed.get(2));
  });

  it('an existing slot number → 400 "Slot N already exists", and nothing is added', async () => {
    const snapshot = await snapshotState();
    const error = await expectError(
      await admin.api.addSlots({
        additionalSlots: [
          { slotNumber: 5, rosPercentage: 1, time: "20:00" },
          { slotNumber: 3, rosPercentage: 1 },
        ],
      }),
      400,
      "VALIDATION",
    );
    expect(error.message).toBe("Slot 3 already exists");
    const completedOne = await expectError(
      await admin.api.addSlots({ additionalSlots: [{ slotNumber: 1, rosPercentage: 1 }] }),
      400,
      "VALIDATION",
    );
    expect(completedOne.message).toBe("Slot 1 already exists");
    expect(await snapshotState()).toEqual(snapshot);
  });

  it('an empty or missing list → 400 "additionalSlots must be non-empty array"', async () => {
    const snapshot = await snapshotState();
    for (const body of [{ additionalSlots: [] }, {}]) {
      const error = await expectError(await admin.api.addSlots(body), 400, "VALIDATION");
      expect(error.message).toContain("additionalSlots must be non-empty array");
      expect(error.details?.map((issue) => issue.message)).toEqual(["additionalSlots must be non-empty array"]);
    }
    expect(await snapshotState()).toEqual(snapshot);
  });

  it("cannot add while a slot is executing → 409", async () => {
    executing = await claimSlot(dayId, 3);
    const error = await expectError(
      await admin.api.addSlots({ additionalSlots: [{ slotNumber: 5, rosPercentage: 1, time: "20:00" }] }),
      409,
      "SLOTS_EXECUTING",
    );
    expect(error.message).toBe("Cannot modify distribution while slots are executing");
    await finishSlot(executing, "COMPLETED");
  });

  it("the final status shows 4 slots; the day is COMPLETED once 4 completes too", async () => {
    const current = await status();
    expect(summary(current)).toEqual([
      { slotNumber: 1, status: "COMPLETED", scheduledFor: today.at("12:56:00") },
      { slotNumber: 2, status: "COMPLETED", scheduledFor: today.at("14:58:59") },
      { slotNumber: 3, status: "COMPLETED", scheduledFor: today.at("16:00:00") },
      { slotNumber: 4, status: "PENDING", scheduledFor: today.at("18:00:00") },
    ]);
    expect(current.status).toBe("PENDING");
    await runSlot(dayId, 4, "COMPLETED");
    expect((await status()).status).toBe("COMPLETED");
    expect(await memberBalance()).toBe("80"); // option 1's four slots and these four
  });
});
