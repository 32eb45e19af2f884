import { db, type DbExecutor } from "@/lib/db/client";
import { findDay } from "./day-store";
import { loadSettings } from "./settings-store";
import { statusView } from "./status-view";
import { calendarDateIn } from "./time-zone";

/** Today's distribution (today in the settings time zone) as GET /today/status shows it. */
export async function getTodayStatus(options: { client?: DbExecutor; now?: Date } = {}) {
  const client = options.client ?? db();
  const settings = await loadSettings(client);
  const date = calendarDateIn(options.now ?? new Date(), settings.timeZone);
  return statusView(await findDay(client, date), { date, timeZone: settings.timeZone });
}
