import type { SlotStatus } from "@/lib/db/generated/enums";

export type { SlotStatus };
export const slotStatuses: readonly SlotStatus[] = ["PENDING", "EXECUTING", "COMPLETED", "FAILED"];

// SPEC §2: the only moves a slot can make. COMPLETED is terminal; removal is modify's business.
const allowedTransitions: Record<SlotStatus, readonly SlotStatus[]> = {
  PENDING: ["EXECUTING", "FAILED"], // claimed when due; failed when missed beyond maxLateness
  EXECUTING: ["COMPLETED", "FAILED", "PENDING"], // paid; rolled back; lease expired (reaper)
  FAILED: ["PENDING"], // admin retry
  COMPLETED: [],
};

export const canTransition = (from: SlotStatus, to: SlotStatus) => allowedTransitions[from].includes(to);

export function assertTransition(from: SlotStatus, to: SlotStatus): void {
  if (!canTransition(from, to)) throw new Error(`A ${from} slot cannot become ${to}`);
}

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
