import { describe, expect, it } from "vitest";
import { httpStatusOf } from "@/lib/http/error-status";
import { planModify } from "@/lib/distribution/plan-modify";
import { modifyBody } from "@/lib/distribution/schemas";
import { contextFor, dayWith, expectAppError, slot } from "../../helpers/plan-fixtures";

const context = contextFor({ slotTimes: { "4": "18:00" } });
const modify = (body: unknown) => modifyBody.parse(body);

describe("planModify", () => {
  const day = dayWith([slot(1, "COMPLETED"), slot(2, "FAILED"), slot(3, "PENDING"), slot(5, "PENDING")]);

  it("updates PENDING slots in the body and keeps their time unless a new one is given", () => {
    const next = planModify(
      day,
      modify({
        distributionSlots: [
          { slotNumber: 3, rosPercentage: 3.5 },
          { slotNumber: 5, rosPercentage: 1, time: "21:15" },
        ],
      }),
      context,
    );
    expect(next.slots.find((s) => s.slotNumber === 3)).toEqual({ ...day.slots[2], rosPercentage: "3.5" });
    expect(next.slots.find((s) => s.slotNumber === 5)).toEqual({
      ...day.slots[3],
      rosPercentage: "1",
      scheduledFor: new Date("2026-02-13T21:15:00Z"),
    });
  });

  it("keeps COMPLETED and FAILED slots whatever the body says, executionDetails included", () => {
    const next = planModify(
      day,
      modify({
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 9, time: "23:00" },
          { slotNumber: 2, rosPercentage: 9, scheduledFor: "2026-02-13T23:30:00Z" },
          { slotNumber: 3, rosPercentage: 2.5 },
        ],
      }),
      context,
    );
    expect(next.slots[0]).toBe(day.slots[0]);
    expect(next.slots[1]).toBe(day.slots[1]);
    expect(next.slots[0].executionDetails).toEqual(day.slots[0].executionDetails);
  });

  it("keeps COMPLETED and FAILED slots that the body leaves out (the seed dropped them)", () => {
    const next = planModify(day, modify({ distributionSlots: [{ slotNumber: 3, rosPercentage: 2.5 }] }), context);
    expect(next.slots.map((s) => [s.slotNumber, s.status])).toEqual([
      [1, "COMPLETED"],
      [2, "FAILED"],
      [3, "PENDING"],
    ]);
  });

  it("removes PENDING slots absent from the body and adds new numbers", () => {
    const next = planModify(day, modify({ distributionSlots: [{ slotNumber: 4, rosPercentage: 1 }] }), context);
    expect(next.slots.map((s) => s.slotNumber)).toEqual([1, 2, 4]);
    expect(next.slots[2]).toEqual({
      slotNumber: 4,
      rosPercentage: "1",
      scheduledFor: new Date("2026-02-13T18:00:00Z"),
      status: "PENDING",
      attempts: 0,
      executionDetails: null,
    });
  });

  it("changes pools, description and multiSlotEnabled when given, and keeps them otherwise", () => {
    const changed = planModify(
      day,
      modify({
        premiumPoolAmount: 6000,
        performancePoolAmount: 4000,
        description: "Updated amounts",
        multiSlotEnabled: false,
        distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }],
      }),
      context,
    );
    expect(changed).toMatchObject({
      premiumPoolAmount: "6000",
      performancePoolAmount: "4000",
      description: "Updated amounts",
      multiSlotEnabled: false,
    });
    const kept = planModify(day, modify({ distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }), context);
    expect(kept).toMatchObject({
      premiumPoolAmount: "5000",
      performancePoolAmount: "3000",
      description: "Morning distributions",
      multiSlotEnabled: true,
    });
  });

  it("is a 404 when nothing is queued today", () => {
    const error = expectAppError(
      () => planModify(null, modify({ distributionSlots: [{ slotNumber: 1, rosPercentage: 1 }] }), context),
      "NOT_FOUND",
    );
    expect(httpStatusOf(error)).toBe(404);
  });

  it("is a 409 with the exact message while any slot is EXECUTING, even one the body leaves alone", () => {
    const running = dayWith([slot(1, "EXECUTING"), slot(2, "PENDING")]);
    expectAppError(
      () => planModify(running, modify({ distributionSlots: [{ slotNumber: 2, rosPercentage: 1 }] }), context),
      "SLOTS_EXECUTING",
      "Cannot modify distribution while slots are executing",
    );
  });

  it("refuses to lower a pool below what was paid and allows raising it", () => {
    const paid = dayWith([slot(1, "COMPLETED"), slot(2)], { premiumPoolPaid: "5000", performancePoolPaid: "1000" });
    const slots = [{ slotNumber: 2, rosPercentage: 1 }];
    expectAppError(
      () => planModify(paid, modify({ premiumPoolAmount: 4000, distributionSlots: slots }), context),
      "POOL_ALREADY_PAID",
      /premiumPoolAmount cannot be lowered to 4000: 5000/,
    );
    expectAppError(
      () => planModify(paid, modify({ performancePoolAmount: 999.99999999, distributionSlots: slots }), context),
      "POOL_ALREADY_PAID",
    );
    expect(
      planModify(paid, modify({ premiumPoolAmount: 6000, performancePoolAmount: 1000, distributionSlots: slots }), context),
    ).toMatchObject({
      premiumPoolAmount: "6000",
      performancePoolAmount: "1000",
    });
  });

  it("applies the settings limits to the slots it writes", () => {
    expectAppError(
      () => planModify(day, modify({ distributionSlots: [{ slotNumber: 3, rosPercentage: 11 }] }), context),
      "VALIDATION",
      /above the maximum of 10/,
    );
    expectAppError(
      () =>
        planModify(
          day,
          modify({ distributionSlots: [{ slotNumber: 3, rosPercentage: 1, scheduledFor: "2026-02-12T20:00:00Z" }] }),
          context,
        ),
      "VALIDATION",
      /not today/,
    );
    expectAppError(
      () => planModify(day, modify({ distributionSlots: [{ slotNumber: 49, rosPercentage: 1, time: "20:00" }] }), context),
      "VALIDATION",
      /maxSlotsPerDay/,
    );
  });

  it("does not check the limits of kept slots it does not write", () => {
    // A COMPLETED slot in the body with an out-of-range ROS is ignored, not refused.
    const next = planModify(
      day,
      modify({
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 50 },
          { slotNumber: 3, rosPercentage: 1 },
        ],
      }),
      context,
    );
    expect(next.slots[0]).toBe(day.slots[0]);
  });
});
