import { expect } from "vitest";
import type { DayState, PlanContext, ScheduleSettings, SlotState } from "@/lib/distribution/day-state";
import type { SlotStatus } from "@/lib/distribution/slot-status";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";

// Pure fixtures for the plan tests: a context, slots and days built from a few overrides.

export function contextFor(options: Partial<ScheduleSettings> & { today?: string; now?: string } = {}): PlanContext {
  const { today = "2026-02-13", now = "2026-02-13T07:00:00.000Z", ...settings } = options;
  return {
    settings: {
      timeZone: "UTC",
      slotTimes: {},
      maxSlotsPerDay: 48,
      maxRosPercentage: "10",
      maxDailyRosPercentage: "100",
      maxPoolAmount: "1000000",
      ...settings,
    },
    today,
    now: new Date(now),
  };
}

export const completedDetails = (executedAt: string) => ({
  executedAt,
  rosStats: { processedStakes: 150, totalDistributed: 3750.5 },
  premiumPoolStats: { qualifiedUsers: 45, totalDistributed: 2250.75 },
  performancePoolStats: { qualifiedUsers: 30, totalDistributed: 1500.25 },
});

export const failedDetails = (executedAt: string) => ({ executedAt, error: "database connection lost" });

export function slot(slotNumber: number, status: SlotStatus = "PENDING", overrides: Partial<SlotState> = {}): SlotState {
  const scheduledFor = new Date(Date.UTC(2026, 1, 13, 8 + slotNumber));
  const executed = new Date(scheduledFor.getTime() + 5_000).toISOString();
  return {
    slotNumber,
    rosPercentage: "2.5",
    scheduledFor,
    status,
    attempts: status === "PENDING" ? 0 : 1,
    executionDetails: status === "COMPLETED" ? completedDetails(executed) : status === "FAILED" ? failedDetails(executed) : null,
    ...overrides,
  };
}

export function dayWith(slots: SlotState[], overrides: Partial<DayState> = {}): DayState {
  return {
    premiumPoolAmount: "5000",
    performancePoolAmount: "3000",
    premiumPoolPaid: "0",
    performancePoolPaid: "0",
    description: "Morning distributions",
    multiSlotEnabled: true,
    slots,
    ...overrides,
  };
}

/** Runs `work`, expecting it to throw the AppError `code` (and `message`, when given). */
export function expectAppError(work: () => unknown, code: ErrorCode, message?: string | RegExp): AppError {
  let thrown: unknown;
  try {
    work();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "expected an AppError to be thrown").toBeInstanceOf(AppError);
  const error = thrown as AppError;
  expect(error.code).toBe(code);
  if (typeof message === "string") expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  return error;
}
