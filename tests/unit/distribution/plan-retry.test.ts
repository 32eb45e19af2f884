import { describe, expect, it } from "vitest";
import { httpStatusOf } from "@/lib/http/error-status";
import { planRetry } from "@/lib/distribution/plan-retry";
import { slotStatuses } from "@/lib/distribution/slot-status";
import { contextFor, dayWith, expectAppError, slot } from "../../helpers/plan-fixtures";

const context = contextFor({ now: "2026-02-13T15:42:17.123Z" });

describe("planRetry", () => {
  const day = dayWith([slot(1, "COMPLETED"), slot(2, "FAILED", { attempts: 3 }), slot(3, "PENDING")]);

  it("puts a FAILED slot back to PENDING, due now, with its details cleared and attempts reset", () => {
    const next = planRetry(day, { slotNumber: 2 }, context);
    expect(next.slots[1]).toEqual({ ...day.slots[1], status: "PENDING", attempts: 0, executionDetails: null, scheduledFor: context.now });
    expect(next.slots[0]).toBe(day.slots[0]);
    expect(next.slots[2]).toBe(day.slots[2]);
  });

  it("uses the scheduledFor given, which must be today", () => {
    expect(planRetry(day, { slotNumber: 2, scheduledFor: "2026-02-13T20:00:00Z" }, context).slots[1].scheduledFor).toEqual(
      new Date("2026-02-13T20:00:00Z"),
    );
    expectAppError(() => planRetry(day, { slotNumber: 2, scheduledFor: "2026-02-14T20:00:00Z" }, context), "VALIDATION", /not today/);
  });

  it.each(slotStatuses.filter((s) => s !== "FAILED" && s !== "EXECUTING"))("refuses to retry a %s slot (409)", (status) => {
    const error = expectAppError(
      () => planRetry(dayWith([slot(1, status)]), { slotNumber: 1 }, context),
      "CONFLICT",
      `Slot 1 is ${status}; only a FAILED slot can be retried`,
    );
    expect(httpStatusOf(error)).toBe(409);
  });

  it("is a 404 for a slot that does not exist or a day that was never queued", () => {
    expectAppError(() => planRetry(day, { slotNumber: 9 }, context), "NOT_FOUND", "Slot 9 does not exist today");
    expectAppError(() => planRetry(null, { slotNumber: 1 }, context), "NOT_FOUND");
  });

  it("is a 409 with the exact message while any slot is EXECUTING", () => {
    const running = dayWith([slot(1, "EXECUTING"), slot(2, "FAILED")]);
    expectAppError(
      () => planRetry(running, { slotNumber: 2 }, context),
      "SLOTS_EXECUTING",
      "Cannot modify distribution while slots are executing",
    );
  });
});
