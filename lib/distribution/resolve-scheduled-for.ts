import { AppError } from "@/lib/errors/app-error";
import { dayNameOf, type PlanContext } from "./day-state";
import { calendarDateIn, instantOfLocalTime } from "./time-zone";

type ScheduleInput = { slotNumber: number; scheduledFor?: string; time?: string };

/**
 * SPEC §4's order: an explicit instant, a local time today, the slot's current instant, the
 * settings time of its number. Whatever it is must fall on the day's date (context.today: today,
 * or the date a change addressed) in the time zone.
 */
export function resolveScheduledFor(input: ScheduleInput, current: Date | undefined, context: PlanContext): Date {
  const { timeZone, slotTimes } = context.settings;
  const settingsTime = slotTimes[String(input.slotNumber)];
  const instant = input.scheduledFor
    ? new Date(input.scheduledFor)
    : input.time
      ? instantOfLocalTime(context.today, input.time, timeZone)
      : (current ?? (settingsTime ? instantOfLocalTime(context.today, settingsTime, timeZone) : undefined));
  if (!instant) {
    throw new AppError("VALIDATION", `Slot ${input.slotNumber} has no time: give scheduledFor or time, or set its time in the settings`);
  }
  const date = calendarDateIn(instant, timeZone);
  if (date !== context.today) {
    const dayName = dayNameOf(context) === "today" ? "today" : "the day's date";
    throw new AppError(
      "VALIDATION",
      `Slot ${input.slotNumber} is scheduled for ${instant.toISOString()}, which is ${date} in ${timeZone}, not ${dayName} (${context.today})`,
    );
  }
  return instant;
}
