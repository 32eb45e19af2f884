import { bySlotNumber, type DayState, type PlanContext } from "./day-state";
import { assertDayExists, assertNothingExecuting, assertSlotCount, assertWithinCaps, pendingSlotFrom, poolsAfter } from "./plan-rules";
import type { ModifyRequest } from "./schemas";

/**
 * POST /modify replaces the PENDING part of today's day: PENDING slots in the body are updated,
 * PENDING slots absent from it removed, new numbers added. COMPLETED, FAILED and EXECUTING
 * slots are kept whatever the body says (the seed dropped completed slots left out of it).
 */
export function planModify(day: DayState | null, request: ModifyRequest, context: PlanContext): DayState {
  assertDayExists(day);
  assertNothingExecuting(day);
  const current = new Map(day.slots.map((slot) => [slot.slotNumber, slot]));
  const kept = day.slots.filter((slot) => slot.status !== "PENDING");
  const keptNumbers = new Set(kept.map((slot) => slot.slotNumber));
  const replaced = request.distributionSlots
    .filter((input) => !keptNumbers.has(input.slotNumber))
    .map((input) => pendingSlotFrom(input, current.get(input.slotNumber), context));
  const slots = [...kept, ...replaced].sort(bySlotNumber);
  assertSlotCount(slots, context);
  assertWithinCaps({ before: day, after: slots, pools: request, settings: context.settings });
  return {
    ...day,
    ...poolsAfter(day, request),
    description: request.description ?? day.description,
    multiSlotEnabled: request.multiSlotEnabled ?? request.multiSlot ?? day.multiSlotEnabled,
    slots,
  };
}
