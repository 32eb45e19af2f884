import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { assertSlotWithinLimits } from "./plan-rules";
import { resolveScheduledFor } from "./resolve-scheduled-for";
import type { SlotInput } from "./schemas";
import { loadSettings } from "./settings-store";
import { calendarDateIn } from "./time-zone";

/**
 * What can be said of a request's slots from the settings alone — numbers and ROS within the
 * limits, not more slots than a day holds, explicit times on today — checked before the 2FA code
 * is spent (SPEC §5: body errors answer first). The plans check the same again in the transaction.
 */
export async function precheckSlots(slots: SlotInput[], now = new Date()): Promise<void> {
  const settings = await loadSettings(db());
  if (slots.length > settings.maxSlotsPerDay) {
    throw new AppError(
      "VALIDATION",
      `A day has at most ${settings.maxSlotsPerDay} slots (maxSlotsPerDay); the request has ${slots.length}`,
    );
  }
  const context = { settings, today: calendarDateIn(now, settings.timeZone), now };
  for (const slot of slots) {
    assertSlotWithinLimits(slot, settings);
    if (slot.scheduledFor || slot.time) resolveScheduledFor(slot, undefined, context);
  }
}

/** A retry's explicit time must be on today as well; checked before the 2FA code is spent. */
export async function precheckScheduledFor(slotNumber: number, scheduledFor: string | undefined, now = new Date()): Promise<void> {
  if (!scheduledFor) return;
  const settings = await loadSettings(db());
  resolveScheduledFor({ slotNumber, scheduledFor }, undefined, { settings, today: calendarDateIn(now, settings.timeZone), now });
}
