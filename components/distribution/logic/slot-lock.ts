import type { SlotStatus } from "@/lib/distribution/slot-status";

export type SlotLock = { locked: false; reason: null } | { locked: true; reason: string };

const reasons: Record<Exclude<SlotStatus, "PENDING">, string> = {
  COMPLETED: "Completed: this slot has paid out and can no longer change.",
  EXECUTING: "Executing: this slot is paying out now and cannot change until it finishes.",
  FAILED: "Failed: nothing was paid; it can only be retried.",
};

/** Only PENDING slots can be edited or removed (the server's rule, SPEC §2); the rest say why not. */
export function slotLock(status: SlotStatus): SlotLock {
  return status === "PENDING" ? { locked: false, reason: null } : { locked: true, reason: reasons[status] };
}
