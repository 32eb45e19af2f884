import type { DayState } from "./day-state";

/** What an admin change of a day means for a driver that runs each slot at its time. */
export type SlotScheduleChange = {
  /** scheduled: a run is due at scheduledFor; moved: runs for any other time of the slot are void ("" when removed). */
  kind: "scheduled" | "moved";
  dayId: number;
  slotNumber: number;
  scheduledFor: string;
  /** Idempotency key: the same change sent twice makes one run. */
  id: string;
};

/** The schedule changes of a committed day change: a run for each newly due time, a cancel for old ones. */
export function slotScheduleDiff(change: { dayId: number; before: DayState | null; after: DayState }, changeId: string) {
  const { dayId } = change;
  const before = new Map((change.before?.slots ?? []).map((slot) => [slot.slotNumber, slot]));
  const after = new Map(change.after.slots.map((slot) => [slot.slotNumber, slot]));
  const changes: SlotScheduleChange[] = [];
  for (const [slotNumber, previous] of before) {
    const next = after.get(slotNumber);
    if (!next) changes.push({ kind: "moved", dayId, slotNumber, scheduledFor: "", id: `slot-removed-${dayId}-${slotNumber}-${changeId}` });
    else if (previous.status === "PENDING" && next.scheduledFor.getTime() !== previous.scheduledFor.getTime()) {
      const scheduledFor = next.scheduledFor.toISOString();
      changes.push({ kind: "moved", dayId, slotNumber, scheduledFor, id: `slot-changed-${dayId}-${slotNumber}-${changeId}` });
    }
  }
  for (const [slotNumber, slot] of after) {
    const previous = before.get(slotNumber);
    const newlyDue =
      slot.status === "PENDING" &&
      (!previous || previous.status !== "PENDING" || previous.scheduledFor.getTime() !== slot.scheduledFor.getTime());
    if (newlyDue) {
      const scheduledFor = slot.scheduledFor.toISOString();
      changes.push({
        kind: "scheduled",
        dayId,
        slotNumber,
        scheduledFor,
        id: `slot-scheduled-${dayId}-${slotNumber}-${scheduledFor}-${changeId}`,
      });
    }
  }
  return changes;
}
