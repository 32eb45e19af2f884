import { embeddedScheduler } from "@/lib/scheduler/embedded-scheduler";
import type { DayState } from "./day-state";

/** After a committed change of a day's slots: wake the drivers so new times are honoured at once. */
export async function notifySlotsChanged(_change: { dayId: number; before: DayState | null; after: DayState }): Promise<void> {
  embeddedScheduler()?.wake();
}
