import { bySlotNumber, type DayState, type PlanContext } from "./day-state";
import { assertNothingExecuting, assertSlotCount, assertWithinCaps, pendingSlotFrom, poolsAfter } from "./plan-rules";
import type { QueueRequest } from "./schemas";

/**
 * POST /queue. No day yet: a new one. A day already: seed 001's merge — new slot numbers are
 * added, PENDING ones updated, COMPLETED/FAILED ones untouched, slots not in the body kept.
 */
export function planQueue(day: DayState | null, request: QueueRequest, context: PlanContext): DayState {
  if (!day) {
    const slots = request.slots.map((input) => pendingSlotFrom(input, undefined, context)).sort(bySlotNumber);
    assertSlotCount(slots, context);
    assertWithinCaps({ before: null, after: slots, pools: request, settings: context.settings });
    return {
      premiumPoolAmount: request.premiumPoolAmount ?? "0",
      performancePoolAmount: request.performancePoolAmount ?? "0",
      premiumPoolPaid: "0",
      performancePoolPaid: "0",
      description: request.description ?? "",
      multiSlotEnabled: request.multiSlotEnabled,
      slots,
    };
  }
  assertNothingExecuting(day);
  const slots = new Map(day.slots.map((slot) => [slot.slotNumber, slot]));
  for (const input of request.slots) {
    const current = slots.get(input.slotNumber);
    if (current && current.status !== "PENDING") continue;
    slots.set(input.slotNumber, pendingSlotFrom(input, current, context));
  }
  const merged = [...slots.values()].sort(bySlotNumber);
  assertSlotCount(merged, context);
  assertWithinCaps({ before: day, after: merged, pools: request, settings: context.settings });
  return {
    ...day,
    ...poolsAfter(day, request),
    description: request.description ?? day.description,
    multiSlotEnabled: day.multiSlotEnabled || request.multiSlotEnabled || merged.length > 1,
    slots: merged,
  };
}
