import { db, type DbExecutor } from "@/lib/db/client";
import { findDay } from "./day-store";
import { loadSettings } from "./settings-store";
import { statusView } from "./status-view";
import { calendarDateIn } from "./time-zone";

/**
 * A day as GET /today/status shows it: today (in the settings time zone) unless a date is given,
 * for GET /days/{date}. A date with no day answers `exists: false`, as today does.
 */
export async function getDayStatus(options: { date?: string; client?: DbExecutor; now?: Date } = {}) {
  const client = options.client ?? db();
  const settings = await loadSettings(client);
  const date = options.date ?? calendarDateIn(options.now ?? new Date(), settings.timeZone);
  return statusView(await findDay(client, date), { date, timeZone: settings.timeZone });
}
