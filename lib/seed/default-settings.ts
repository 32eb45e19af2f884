import type { PrismaClient } from "@/lib/db/generated/client";
import { parseTimeZone } from "./time-zone";

const defaultSlotCount = 48;
const minutesBetweenDefaultSlots = 30;

/** Slot n at (n-1) × 30 minutes past midnight: {"1":"00:00","2":"00:30",…,"48":"23:30"}. */
export function defaultSlotTimes(): Record<string, string> {
  const times: Record<string, string> = {};
  for (let n = 1; n <= defaultSlotCount; n++) {
    const minutes = (n - 1) * minutesBetweenDefaultSlots;
    const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
    const mm = String(minutes % 60).padStart(2, "0");
    times[String(n)] = `${hh}:${mm}`;
  }
  return times;
}

export function configuredTimeZone(): string {
  const raw = process.env.SLOTPAY_TIME_ZONE;
  return raw ? parseTimeZone(raw, "SLOTPAY_TIME_ZONE") : "UTC";
}

export type SettingsOutcome = { created: boolean; timeZone: string; ignoredTimeZone?: string };

/** Creates the settings row (id 1) with defaults; an existing row is never changed. */
export async function ensureDefaultSettings(options: { db: PrismaClient }): Promise<SettingsOutcome> {
  const wanted = configuredTimeZone();
  // ON CONFLICT DO NOTHING: no read-then-write race, and an existing row keeps its updatedAt.
  const { count } = await options.db.settings.createMany({
    data: [{ id: 1, timeZone: wanted, slotTimes: defaultSlotTimes() }],
    skipDuplicates: true,
  });
  if (count === 1) return { created: true, timeZone: wanted };
  const existing = await options.db.settings.findUniqueOrThrow({ where: { id: 1 }, select: { timeZone: true } });
  const explicit = process.env.SLOTPAY_TIME_ZONE && wanted !== existing.timeZone ? wanted : undefined;
  return { created: false, timeZone: existing.timeZone, ignoredTimeZone: explicit };
}
