import { AppError } from "@/lib/errors/app-error";
import { dayNameOf, type DayState, type PlanContext } from "./day-state";
import { assertDayExists, assertNothingExecuting } from "./plan-rules";
import { resolveScheduledFor } from "./resolve-scheduled-for";

/** POST /slots/{n}/retry: a FAILED slot back to PENDING, due now unless a time is given. */
export function planRetry(day: DayState | null, request: { slotNumber: number; scheduledFor?: string }, context: PlanContext): DayState {
  assertDayExists(day);
  assertNothingExecuting(day);
  const slot = day.slots.find((s) => s.slotNumber === request.slotNumber);
  if (!slot) throw new AppError("NOT_FOUND", `Slot ${request.slotNumber} does not exist ${dayNameOf(context)}`);
  if (slot.status !== "FAILED") {
    throw new AppError("CONFLICT", `Slot ${request.slotNumber} is ${slot.status}; only a FAILED slot can be retried`);
  }
  const scheduledFor = request.scheduledFor
    ? resolveScheduledFor({ slotNumber: slot.slotNumber, scheduledFor: request.scheduledFor }, undefined, context)
    : context.now;
  const retried = { ...slot, status: "PENDING" as const, attempts: 0, executionDetails: null, scheduledFor };
  return { ...day, slots: day.slots.map((s) => (s === slot ? retried : s)) };
}
