import type { SlotStatus } from "@/lib/db/generated/enums";

export type { SlotStatus };
export const slotStatuses: readonly SlotStatus[] = ["PENDING", "EXECUTING", "COMPLETED", "FAILED"];

// The moves a slot may make, and the one writer of them, are in slot-transitions.ts.

/** Only PENDING slots are editable or removable; the rest are history or in flight. */
export const isEditable = (status: SlotStatus) => status === "PENDING";

/** Seed 000's rule: any EXECUTING → EXECUTING; else any PENDING → PENDING; else all COMPLETED → COMPLETED; else FAILED. */
export function deriveDayStatus(statuses: readonly SlotStatus[]): SlotStatus {
  if (statuses.includes("EXECUTING")) return "EXECUTING";
  if (statuses.includes("PENDING")) return "PENDING";
  if (statuses.every((s) => s === "COMPLETED")) return "COMPLETED";
  return "FAILED";
}

export function countByStatus(statuses: readonly SlotStatus[]): Record<SlotStatus, number> {
  const counts = { PENDING: 0, EXECUTING: 0, COMPLETED: 0, FAILED: 0 };
  for (const status of statuses) counts[status]++;
  return counts;
}
