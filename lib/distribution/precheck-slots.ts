import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { DayState, PlanContext } from "./day-state";
import { findDay, toDayState } from "./day-store";
import { assertSlotWithinLimits, assertWithinCaps } from "./plan-rules";
import { resolveScheduledFor } from "./resolve-scheduled-for";
import type { SlotInput } from "./schemas";
import { loadSettings, type DistributionSettings } from "./settings-store";
import { calendarDateIn } from "./time-zone";

type Change<TRequest> = {
  request: TRequest & { date?: string };
  slots: SlotInput[];
  pools?: { premiumPoolAmount?: string; performancePoolAmount?: string };
  /** The change's own plan, run once against the day as it is now to find its 400s early. */
  plan: (day: DayState | null, request: TRequest, context: PlanContext) => DayState;
  now?: Date;
};

/**
 * What can be said of a change before the 2FA code is spent (SPEC §5: body errors answer
 * first): from the settings alone — numbers and ROS within the limits, not more slots than a day
 * holds, explicit times on the day's date, pools within maxPoolAmount — then the plan itself against the day as read now,
 * for the rules that need the day (the daily ROS cap, the merged slot count). Only its 400s are
 * answered here; 404/409 wait for the 2FA check, and the transaction checks everything again.
 * Returns the settings it read, for the change to use unless they changed meanwhile.
 */
export async function precheckSlots<TRequest>(change: Change<TRequest>): Promise<DistributionSettings> {
  const settings = await loadSettings(db());
  const now = change.now ?? new Date();
  const { slots } = change;
  if (slots.length > settings.maxSlotsPerDay) {
    throw new AppError(
      "VALIDATION",
      `A day has at most ${settings.maxSlotsPerDay} slots (maxSlotsPerDay); the request has ${slots.length}`,
    );
  }
  const context = { settings, today: change.request.date ?? calendarDateIn(now, settings.timeZone), now };
  for (const slot of slots) {
    assertSlotWithinLimits(slot, settings);
    if (slot.scheduledFor || slot.time) resolveScheduledFor(slot, undefined, context);
  }
  assertWithinCaps({ before: null, after: [], pools: change.pools, settings });
  const day = await findDay(db(), context.today);
  try {
    change.plan(day ? toDayState(day) : null, change.request, context);
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") throw error;
  }
  return settings;
}

/** A retry's explicit time must be on the day's date as well; checked before the 2FA code is spent. */
export async function precheckScheduledFor(options: {
  slotNumber: number;
  scheduledFor?: string;
  date?: string;
  now?: Date;
}): Promise<DistributionSettings | undefined> {
  if (!options.scheduledFor) return undefined;
  const now = options.now ?? new Date();
  const settings = await loadSettings(db());
  const today = options.date ?? calendarDateIn(now, settings.timeZone);
  resolveScheduledFor({ slotNumber: options.slotNumber, scheduledFor: options.scheduledFor }, undefined, { settings, today, now });
  return settings;
}
