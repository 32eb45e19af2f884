import type { listAuditLog } from "@/lib/audit/list-audit-log";
import { calendarDateIn } from "@/lib/distribution/time-zone";

export type AuditLogEntry = Awaited<ReturnType<typeof listAuditLog>>["entries"][number];

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** Slot `slotNumber` inside an audited day state (before/after of an admin change), as JSON text for comparing. */
function slotInState(state: unknown, slotNumber: number): string | null {
  const slots = record(state)?.slots;
  if (!Array.isArray(slots)) return null;
  const slot = slots.find((item) => record(item)?.slotNumber === slotNumber);
  return slot === undefined ? null : JSON.stringify(slot);
}

/**
 * The entries about one slot of one day: admin changes of that day that added, changed, retried
 * or removed it (its part of before/after differs), and executions of a slot with that number
 * recorded on that date in the day's time zone.
 */
export function entriesOfSlot(entries: AuditLogEntry[], slot: { date: string; slotNumber: number; timeZone?: string }): AuditLogEntry[] {
  return entries.filter((entry) => {
    const details = record(entry.details);
    if (details?.date === slot.date && (entry.before !== null || entry.after !== null)) {
      return slotInState(entry.before, slot.slotNumber) !== slotInState(entry.after, slot.slotNumber);
    }
    if (details?.slotNumber !== slot.slotNumber) return false;
    if (typeof details.date === "string") return details.date === slot.date;
    return slot.timeZone !== undefined && calendarDateIn(new Date(entry.at), slot.timeZone) === slot.date;
  });
}
