import { AppError } from "@/lib/errors/app-error";
import { bySlotNumber, type DayState, type PlanContext } from "./day-state";
import { assertDayExists, assertNothingExecuting, assertSlotCount, assertWithinCaps, pendingSlotFrom } from "./plan-rules";
import type { AddSlotsRequest } from "./schemas";

/** POST /today/add-slots (seed 001): only new slot numbers; an existing one is a 400. */
export function planAddSlots(day: DayState | null, request: AddSlotsRequest, context: PlanContext): DayState {
  assertDayExists(day);
  assertNothingExecuting(day);
  const existing = new Set(day.slots.map((slot) => slot.slotNumber));
  const clash = request.additionalSlots.find((input) => existing.has(input.slotNumber));
  if (clash) throw new AppError("VALIDATION", `Slot ${clash.slotNumber} already exists`);
  const added = request.additionalSlots.map((input) => pendingSlotFrom(input, undefined, context));
  const slots = [...day.slots, ...added].sort(bySlotNumber);
  assertSlotCount(slots, context);
  assertWithinCaps({ before: day, after: slots, settings: context.settings });
  return { ...day, multiSlotEnabled: true, slots };
}
