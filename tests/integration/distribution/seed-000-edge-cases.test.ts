import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDays, snapshotState, storedSlots } from "../../helpers/db-state";
import { dayIdOf, runSlot } from "../../helpers/run-slot";
import { expectError, expectSuccess } from "../../helpers/http";
import { queueAs, slots, statusAs, useChecklistSettings } from "../../helpers/seed-000-checklist";
import type { SignedIn } from "../../helpers/session";
import type { Today } from "../../helpers/today";

// Seed 000's testing checklist, section 5: merging into a finished day, retrying, slot order.

process.env.SLOTPAY_LOG = "silent";

let admin: SignedIn;
let today: Today;

beforeAll(async () => ({ admin, today } = await useChecklistSettings()));
beforeEach(resetDays);

describe("5. edge cases", () => {
  it("all slots completed → a new queue merges new slots in and leaves the completed ones", async () => {
    await queueAs(admin, { distributionSlots: slots([1, 1], [2, 1]) });
    const dayId = await dayIdOf(today.date);
    await runSlot(dayId, 1, "COMPLETED");
    await runSlot(dayId, 2, "COMPLETED");
    expect((await statusAs(admin)).status).toBe("COMPLETED");
    const before = await storedSlots(dayId);

    const body = await queueAs(admin, { distributionSlots: slots([1, 1], [2, 1], [3, 1]) });
    expect(body.message).toBe("Distribution updated: 1 new slot(s) added");
    expect(body.distribution.status).toBe("PENDING");
    expect(body.distribution.distributionSlots.map((slot) => slot.status)).toEqual(["COMPLETED", "COMPLETED", "PENDING"]);
    const after = await storedSlots(dayId);
    expect(after.get(1)).toEqual(before.get(1));
    expect(after.get(2)).toEqual(before.get(2));
  });

  it("some slots failed → POST slots/{n}/retry puts one back to PENDING, due now", async () => {
    await queueAs(admin, { distributionSlots: slots([1, 1], [2, 1]) });
    const dayId = await dayIdOf(today.date);
    await runSlot(dayId, 1, "COMPLETED");
    await runSlot(dayId, 2, "FAILED");
    expect((await statusAs(admin)).status).toBe("FAILED");

    const asked = Date.now();
    const body = await expectSuccess(await admin.api.retry(2));
    const answered = Date.now();
    expect(body.message).toMatch(/^Slot 2 will be retried at /);
    const retried = body.distribution.distributionSlots[1];
    expect(retried).toMatchObject({ slotNumber: 2, status: "PENDING", attempts: 0, executionDetails: null });
    expect(Date.parse(retried.scheduledFor)).toBeGreaterThanOrEqual(asked);
    expect(Date.parse(retried.scheduledFor)).toBeLessThanOrEqual(answered);
    expect(body.distribution.status).toBe("PENDING");
    expect(body.distribution.distributionSlots[0].status).toBe("COMPLETED");
    expect((await db().slot.findFirstOrThrow({ where: { dayId, slotNumber: 2 } })).executionDetails).toBeNull();
  });

  it("retry at a given time today, and only of a FAILED slot that exists", async () => {
    await queueAs(admin, { distributionSlots: slots([1, 1], [2, 1], [3, 1]) });
    const dayId = await dayIdOf(today.date);
    await runSlot(dayId, 1, "COMPLETED");
    await runSlot(dayId, 2, "FAILED");

    const body = await expectSuccess(await admin.api.retry(2, { scheduledFor: today.at("22:15") }));
    expect(body.distribution.distributionSlots[1]).toMatchObject({ status: "PENDING", scheduledFor: today.at("22:15") });

    const snapshot = await snapshotState();
    expect((await expectError(await admin.api.retry(1), 409, "CONFLICT")).message).toBe(
      "Slot 1 is COMPLETED; only a FAILED slot can be retried",
    );
    expect((await expectError(await admin.api.retry(3), 409, "CONFLICT")).message).toBe(
      "Slot 3 is PENDING; only a FAILED slot can be retried",
    );
    expect((await expectError(await admin.api.retry(9), 404, "NOT_FOUND")).message).toBe("Slot 9 does not exist today");
    expect(await snapshotState()).toEqual(snapshot);
  });

  it("some slots failed → new slots can be queued too, the failed one untouched", async () => {
    await queueAs(admin, { distributionSlots: slots([1, 1], [2, 1]) });
    const dayId = await dayIdOf(today.date);
    await runSlot(dayId, 1, "FAILED");
    await runSlot(dayId, 2, "COMPLETED");
    const before = await storedSlots(dayId);
    const body = await queueAs(admin, { distributionSlots: slots([1, 5], [3, 1]) });
    expect(body.distribution.distributionSlots.map((slot) => [slot.slotNumber, slot.status])).toEqual([
      [1, "FAILED"],
      [2, "COMPLETED"],
      [3, "PENDING"],
    ]);
    expect((await storedSlots(dayId)).get(1)).toEqual(before.get(1));
  });

  it("slots at the same time are listed in slot-number order", async () => {
    const at = today.at("20:00");
    await queueAs(admin, {
      distributionSlots: [
        { slotNumber: 3, rosPercentage: 1, scheduledFor: at },
        { slotNumber: 1, rosPercentage: 1, scheduledFor: at },
        { slotNumber: 4, rosPercentage: 1, scheduledFor: today.at("19:00") },
        { slotNumber: 2, rosPercentage: 1, scheduledFor: at },
      ],
    });
    const current = await statusAs(admin);
    expect(current.distributionSlots.map((slot) => [slot.slotNumber, slot.scheduledFor])).toEqual([
      [1, at],
      [2, at],
      [3, at],
      [4, today.at("19:00")],
    ]);
  });
});
