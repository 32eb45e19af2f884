import type { SlotsChanged } from "@/lib/distribution/slots-changed";
import { slotScheduleDiff } from "@/lib/distribution/slot-schedule-diff";
import type { DayState } from "@/lib/distribution/day-state";
import { logEvent } from "@/lib/observability/log";
import { inngest } from "./client";
import { inngestConfigured } from "./configured";
import { slotChanged, slotScheduled } from "./events";

/** The Inngest events of a committed day change: a run for each newly due time, a cancel for old ones. */
export function slotEventsFor(change: { dayId: number; before: DayState | null; after: DayState }, changeId: string) {
  return slotScheduleDiff(change, changeId).map(({ kind, id, ...data }) =>
    kind === "scheduled" ? slotScheduled.create(data, { id }) : slotChanged.create(data, { id }),
  );
}

/**
 * Subscriber of "slots changed": sends an admin change's events when Inngest drives execution.
 * A failed send is logged, not thrown: the every-minute safety-net tick runs any slot whose event was lost.
 */
export async function sendSlotEvents(event: SlotsChanged): Promise<void> {
  if (!event.plan || !inngestConfigured()) return;
  const events = slotEventsFor({ dayId: event.dayId, ...event.plan }, event.plan.changeId);
  if (events.length === 0) return;
  try {
    await inngest.send(events);
  } catch (error) {
    logEvent(
      "inngest.send-failed",
      { dayId: event.dayId, events: events.length, error: error instanceof Error ? error.message : String(error) },
      "error",
    );
  }
}
