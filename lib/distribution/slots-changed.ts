import { inngest, inngestConfigured } from "@/inngest/client";
import { slotChanged, slotScheduled } from "@/inngest/events";
import { logEvent } from "@/lib/observability/log";
import { embeddedScheduler } from "@/lib/scheduler/embedded-scheduler";
import type { DayState } from "./day-state";
import { forgetTodayStatus } from "./status-cache";

type Change = { dayId: number; before: DayState | null; after: DayState };

/** The Inngest events for a committed change: a run for each newly due time, a cancel for old ones. */
export function slotEventsFor(change: Change, changeId: string) {
  const before = new Map((change.before?.slots ?? []).map((slot) => [slot.slotNumber, slot]));
  const after = new Map(change.after.slots.map((slot) => [slot.slotNumber, slot]));
  const events = [];
  for (const [slotNumber, previous] of before) {
    if (!after.has(slotNumber))
      events.push(
        slotChanged.create(
          { dayId: change.dayId, slotNumber, scheduledFor: "" },
          { id: `slot-removed-${change.dayId}-${slotNumber}-${changeId}` },
        ),
      );
    else if (previous.status === "PENDING" && after.get(slotNumber)!.scheduledFor.getTime() !== previous.scheduledFor.getTime()) {
      events.push(
        slotChanged.create(
          { dayId: change.dayId, slotNumber, scheduledFor: after.get(slotNumber)!.scheduledFor.toISOString() },
          { id: `slot-changed-${change.dayId}-${slotNumber}-${changeId}` },
        ),
      );
    }
  }
  for (const [slotNumber, slot] of after) {
    const previous = before.get(slotNumber);
    const newlyDue =
      slot.status === "PENDING" &&
      (!previous || previous.status !== "PENDING" || previous.scheduledFor.getTime() !== slot.scheduledFor.getTime());
    if (newlyDue) {
      const scheduledFor = slot.scheduledFor.toISOString();
      events.push(
        slotScheduled.create(
          { dayId: change.dayId, slotNumber, scheduledFor },
          { id: `slot-scheduled-${change.dayId}-${slotNumber}-${scheduledFor}-${changeId}` },
        ),
      );
    }
  }
  return events;
}

/**
 * After a committed change of a day's slots: wake the embedded scheduler, or tell Inngest.
 * A failed send is logged, not thrown: the change is committed and the every-minute safety-net
 * tick runs any slot whose event was lost.
 */
export async function notifySlotsChanged(change: Change, changeId = String(Date.now())): Promise<void> {
  forgetTodayStatus();
  embeddedScheduler()?.wake();
  if (!inngestConfigured()) return;
  const events = slotEventsFor(change, changeId);
  if (events.length === 0) return;
  try {
    await inngest.send(events);
  } catch (error) {
    logEvent(
      "inngest.send-failed",
      { dayId: change.dayId, events: events.length, error: error instanceof Error ? error.message : String(error) },
      "error",
    );
  }
}
