import { describe, expect, it } from "vitest";
import { httpStatusOf } from "@/lib/http/error-status";
import { planAddSlots } from "@/lib/distribution/plan-add-slots";
import { addSlotsBody } from "@/lib/distribution/schemas";
import { contextFor, dayWith, expectAppError, slot } from "../../helpers/plan-fixtures";

const context = contextFor({ slotTimes: { "3": "16:00" } });
const add = (additionalSlots: unknown) => addSlotsBody.parse({ additionalSlots });

describe("planAddSlots", () => {
  const done = dayWith([slot(1, "COMPLETED"), slot(2, "COMPLETED")], { multiSlotEnabled: false });

  it("adds new PENDING slots after completion and leaves the others alone", () => {
    const next = planAddSlots(
      done,
      add([
        { slotNumber: 4, rosPercentage: 1, scheduledFor: "2026-02-13T18:00:00Z" },
        { slotNumber: 3, rosPercentage: 1 },
      ]),
      context,
    );
    expect(next.slots.slice(0, 2)).toEqual(done.slots);
    expect(next.slots.slice(2)).toEqual([
      {
        slotNumber: 3,
        rosPercentage: "1",
        scheduledFor: new Date("2026-02-13T16:00:00Z"),
        status: "PENDING",
        attempts: 0,
        executionDetails: null,
      },
      {
        slotNumber: 4,
        rosPercentage: "1",
        scheduledFor: new Date("2026-02-13T18:00:00Z"),
        status: "PENDING",
        attempts: 0,
        executionDetails: null,
      },
    ]);
    expect(next.multiSlotEnabled).toBe(true);
    expect(next).toMatchObject({ premiumPoolAmount: done.premiumPoolAmount, description: done.description });
  });

  it.each(["COMPLETED", "FAILED", "PENDING"] as const)('answers 400 "Slot N already exists" for a %s slot', (status) => {
    const day = dayWith([slot(1, "COMPLETED"), slot(5, status)]);
    const error = expectAppError(
      () =>
        planAddSlots(
          day,
          add([
            { slotNumber: 6, rosPercentage: 1, time: "20:00" },
            { slotNumber: 5, rosPercentage: 1 },
          ]),
          context,
        ),
      "VALIDATION",
      "Slot 5 already exists",
    );
    expect(httpStatusOf(error)).toBe(400);
  });

  it("is a 404 with nothing queued and a 409 while a slot is EXECUTING", () => {
    expectAppError(() => planAddSlots(null, add([{ slotNumber: 3, rosPercentage: 1 }]), context), "NOT_FOUND");
    expectAppError(
      () => planAddSlots(dayWith([slot(1, "EXECUTING")]), add([{ slotNumber: 3, rosPercentage: 1 }]), context),
      "SLOTS_EXECUTING",
      "Cannot modify distribution while slots are executing",
    );
  });

  it("applies the settings limits", () => {
    expectAppError(() => planAddSlots(done, add([{ slotNumber: 3, rosPercentage: 10.5 }]), context), "VALIDATION");
    expectAppError(() => planAddSlots(done, add([{ slotNumber: 4, rosPercentage: 1 }]), context), "VALIDATION", /Slot 4 has no time/);
    expectAppError(
      () => planAddSlots(done, add([{ slotNumber: 3, rosPercentage: 1, scheduledFor: "2026-02-14T01:00:00Z" }]), context),
      "VALIDATION",
    );
    const small = contextFor({ maxSlotsPerDay: 2, slotTimes: { "3": "16:00" } });
    expectAppError(() => planAddSlots(done, add([{ slotNumber: 3, rosPercentage: 1 }]), small), "VALIDATION", /maxSlotsPerDay/);
  });
});
