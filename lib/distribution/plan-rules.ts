import { AppError } from "@/lib/errors/app-error";
import type { DayState, PlanContext, ScheduleSettings, SlotState } from "./day-state";
import { compareDecimals, fromUnits, toUnits } from "./money";
import { resolveScheduledFor } from "./resolve-scheduled-for";
import type { SlotInput } from "./schemas";

// Rules shared by queue, modify and add-slots.

export const executingMessage = "Cannot modify distribution while slots are executing";

export function assertNothingExecuting(day: DayState): void {
  if (day.slots.some((slot) => slot.status === "EXECUTING")) throw new AppError("SLOTS_EXECUTING", executingMessage);
}

export function assertDayExists(day: DayState | null): asserts day is DayState {
  if (!day) throw new AppError("NOT_FOUND", "No distribution is queued for today");
}

/** The settings' limits on one slot of a request: its number and its ROS. */
export function assertSlotWithinLimits(input: SlotInput, settings: ScheduleSettings): void {
  const { maxSlotsPerDay, maxRosPercentage } = settings;
  if (input.slotNumber > maxSlotsPerDay) {
    throw new AppError("VALIDATION", `slotNumber ${input.slotNumber} is above maxSlotsPerDay (${maxSlotsPerDay})`);
  }
  if (compareDecimals(input.rosPercentage, maxRosPercentage) > 0) {
    throw new AppError(
      "VALIDATION",
      `Slot ${input.slotNumber}: rosPercentage ${input.rosPercentage} is above the maximum of ${maxRosPercentage}`,
    );
  }
}

/** A new PENDING slot, or a PENDING one changed, from a request's slot; settings limits applied. */
export function pendingSlotFrom(input: SlotInput, current: SlotState | undefined, context: PlanContext): SlotState {
  assertSlotWithinLimits(input, context.settings);
  return {
    slotNumber: input.slotNumber,
    rosPercentage: input.rosPercentage,
    scheduledFor: resolveScheduledFor(input, current?.scheduledFor, context),
    status: "PENDING",
    attempts: current?.attempts ?? 0,
    executionDetails: null,
  };
}

export function assertSlotCount(slots: SlotState[], context: PlanContext): void {
  const { maxSlotsPerDay } = context.settings;
  if (slots.length > maxSlotsPerDay) {
    throw new AppError("VALIDATION", `A day has at most ${maxSlotsPerDay} slots (maxSlotsPerDay); this would make ${slots.length}`);
  }
}

/** Pools are day totals: they may rise, or fall to what was already paid, never below it. */
export function poolsAfter(day: DayState, request: { premiumPoolAmount?: string; performancePoolAmount?: string }) {
  const premium = request.premiumPoolAmount ?? day.premiumPoolAmount;
  const performance = request.performancePoolAmount ?? day.performancePoolAmount;
  for (const [name, amount, paid] of [
    ["premiumPoolAmount", premium, day.premiumPoolPaid],
    ["performancePoolAmount", performance, day.performancePoolPaid],
  ] as const) {
    if (compareDecimals(amount, paid) < 0) {
      throw new AppError("POOL_ALREADY_PAID", `${name} cannot be lowered to ${amount}: ${paid} of it has already been paid today`);
    }
  }
  return { premiumPoolAmount: premium, performancePoolAmount: performance };
}

const rosUnitsOf = (slots: readonly SlotState[]) => slots.reduce((total, slot) => total + toUnits(slot.rosPercentage), 0n);

/**
 * The caps of the settings (decision 010). A requested pool above maxPoolAmount is refused; the
 * day's slots may not add up to more ROS than maxDailyRosPercentage — unless the change does not
 * raise the day's total, so a day over a cap lowered later can still be trimmed.
 */
export function assertWithinCaps(options: {
  before: DayState | null;
  after: readonly SlotState[];
  pools?: { premiumPoolAmount?: string; performancePoolAmount?: string };
  settings: ScheduleSettings;
}): void {
  const { maxPoolAmount, maxDailyRosPercentage } = options.settings;
  for (const name of ["premiumPoolAmount", "performancePoolAmount"] as const) {
    const amount = options.pools?.[name];
    if (amount !== undefined && compareDecimals(amount, maxPoolAmount) > 0) {
      throw new AppError("VALIDATION", `${name} ${amount} is above maxPoolAmount (${maxPoolAmount})`);
    }
  }
  const total = rosUnitsOf(options.after);
  if (total > toUnits(maxDailyRosPercentage) && total > rosUnitsOf(options.before?.slots ?? [])) {
    throw new AppError(
      "VALIDATION",
      `The day's slots would add up to ${fromUnits(total)}% ROS, above maxDailyRosPercentage (${maxDailyRosPercentage})`,
    );
  }
}
