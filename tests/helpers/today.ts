import { db } from "@/lib/db/client";
import { calendarDateIn, instantOfLocalTime } from "@/lib/distribution/time-zone";

// Integration tests use the real clock. To keep "today" far from midnight whenever they run,
// they set the settings to a fixed-offset zone where it is now about noon: every local time of
// "today" is then a safe target, hours away from the date changing.

/** An Etc/GMT zone (no DST) whose local hour is 12 right now. */
export function middayTimeZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours(); // -11 … +12, all of which exist
  if (offset === 0) return "UTC";
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`; // Etc/GMT signs are inverted
}

export type Today = {
  timeZone: string;
  date: string;
  /** The instant of local "HH:mm[:ss]" today, as ISO. */
  at: (time: string) => string;
  /** The ISO date `days` from today. */
  shift: (days: number) => string;
};

export function todayIn(timeZone: string, now = new Date()): Today {
  const date = calendarDateIn(now, timeZone);
  return {
    timeZone,
    date,
    at: (time) => instantOfLocalTime(date, time, timeZone).toISOString(),
    shift: (days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
  };
}

/** Writes the settings row with the midday zone (and any other settings given). */
export async function useMiddayTimeZone(
  settings: { slotTimes?: Record<string, string>; maxSlotsPerDay?: number; maxRosPercentage?: number } = {},
): Promise<Today> {
  const timeZone = middayTimeZone();
  const data = {
    timeZone,
    slotTimes: settings.slotTimes ?? {},
    maxSlotsPerDay: settings.maxSlotsPerDay ?? 48,
    maxRosPercentage: settings.maxRosPercentage ?? 10,
  };
  await db().settings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  return todayIn(timeZone);
}
