import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import { claimDueSlot } from "./claim-due-slot";

export type ClaimedSlotJson = {
  slotId: number;
  dayId: number;
  slotNumber: number;
  scheduledFor: string;
  attempt: number;
  leaseOwner: string;
};

/**
 * What the per-slot driver does next: run its claim; sleep until `until` (woken early); try
 * again shortly (its day is busy with another slot, or an earlier one is due first); or stop,
 * because the slot was changed, removed or taken by another executor.
 */
export type ScheduledClaim =
  | { outcome: "claimed"; claim: ClaimedSlotJson }
  | { outcome: "early"; until: string }
  | { outcome: "blocked" }
  | { outcome: "skip"; reason: string };

/** A wake-up at most this early is waited out here rather than by another sleep of the driver. */
export const inStepWaitMs = 1_000;

type Target = { dayId: number; slotNumber: number; scheduledFor: string; leaseOwner: string };

async function slotAsScheduled(target: Target): Promise<{ skip: string } | { claimedBefore: ClaimedSlotJson } | { pendingSlotId: number }> {
  const slot = await db().slot.findUnique({ where: { dayId_slotNumber: { dayId: target.dayId, slotNumber: target.slotNumber } } });
  if (!slot) return { skip: "the slot was removed" };
  if (slot.scheduledFor.getTime() !== Date.parse(target.scheduledFor))
    return { skip: "the slot was rescheduled (a newer run owns its new time)" };
  // A retried claim step whose first try claimed it but whose answer was lost.
  if (slot.status === "EXECUTING" && slot.leaseOwner === target.leaseOwner) {
    const claimedBefore = { slotId: slot.id, dayId: slot.dayId, slotNumber: slot.slotNumber, attempt: slot.attempts + 1 };
    return { claimedBefore: { ...claimedBefore, scheduledFor: slot.scheduledFor.toISOString(), leaseOwner: target.leaseOwner } };
  }
  if (slot.status !== "PENDING") return { skip: `the slot is ${slot.status} (taken by another executor, or done)` };
  return { pendingSlotId: slot.id };
}

/**
 * The per-slot driver's claim: only this slot, only at the time it was scheduled for, and only
 * when it is its day's next due slot. Woken up to a second early it waits here, then claims;
 * woken earlier it is told to sleep again. It never gives up on a due slot that is still PENDING.
 */
export async function claimScheduledSlot(target: Target): Promise<ScheduledClaim> {
  let state = await slotAsScheduled(target);
  const earlyMs = Date.parse(target.scheduledFor) - Date.now();
  if ("pendingSlotId" in state && earlyMs > 0) {
    if (earlyMs > inStepWaitMs) return { outcome: "early", until: target.scheduledFor };
    await sleep(earlyMs + 1);
    state = await slotAsScheduled(target);
  }
  if ("skip" in state) return { outcome: "skip", reason: state.skip };
  if ("claimedBefore" in state) return { outcome: "claimed", claim: state.claimedBefore };
  const claim = await claimDueSlot({
    now: new Date(),
    leaseOwner: target.leaseOwner,
    onlySlotId: state.pendingSlotId,
    onlyDayId: target.dayId,
  });
  if (!claim) return { outcome: "blocked" };
  return { outcome: "claimed", claim: { ...claim, scheduledFor: claim.scheduledFor.toISOString() } };
}
