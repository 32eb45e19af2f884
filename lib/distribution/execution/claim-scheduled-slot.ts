import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import { claimDueSlot, type ClaimedSlot } from "./claim-due-slot";

export type ClaimedSlotJson = {
  slotId: number;
  dayId: number;
  date: string;
  slotNumber: number;
  scheduledFor: string;
  attempt: number;
  leaseOwner: string;
};

/**
 * What the per-slot driver does next: pay the slot it claimed (its own, or an earlier one of
 * its day that was due first); sleep until `until` (woken early); try again shortly (another
 * executor is running a slot of its day); or stop, because its slot was changed, removed or
 * taken by another executor.
 */
export type ScheduledClaim =
  | { outcome: "claimed"; claim: ClaimedSlotJson }
  | { outcome: "early"; until: string }
  | { outcome: "blocked" }
  | { outcome: "skip"; reason: string };

/**
 * A wake-up at most this early is waited out in the claim (to the millisecond) rather than by
 * another sleep of the driver, whose wake-ups are only good to about half a second.
 */
export const inStepWaitMs = 2_000;

type Target = { dayId: number; slotNumber: number; scheduledFor: string; leaseOwner: string };

type HeldSlot = { id: number; dayId: number; slotNumber: number; scheduledFor: Date; attempts: number; day: { date: Date } };

const asJson = (slot: HeldSlot, leaseOwner: string): ClaimedSlotJson => ({
  slotId: slot.id,
  dayId: slot.dayId,
  date: slot.day.date.toISOString().slice(0, 10),
  slotNumber: slot.slotNumber,
  scheduledFor: slot.scheduledFor.toISOString(),
  attempt: slot.attempts + 1,
  leaseOwner,
});

const claimedOutcome = (claim: ClaimedSlot): ScheduledClaim => ({
  outcome: "claimed",
  claim: { ...claim, scheduledFor: claim.scheduledFor.toISOString() },
});

async function whyNotClaimable(target: Target): Promise<string | null> {
  const slot = await db().slot.findUnique({ where: { dayId_slotNumber: { dayId: target.dayId, slotNumber: target.slotNumber } } });
  if (!slot) return "the slot was removed";
  if (slot.scheduledFor.getTime() !== Date.parse(target.scheduledFor)) return "the slot was rescheduled (a newer run owns its new time)";
  if (slot.status !== "PENDING") return `the slot is ${slot.status} (taken by another executor, or done)`;
  return null;
}

/**
 * The per-slot driver's claim, once its slot is due at the time it was scheduled for: the day's
 * next due slot in (scheduledFor, slotNumber) order — its own, or an earlier one it runs first,
 * so slots due together run back to back. Woken early it first pays an earlier slot of its day
 * that is already due, if any; then, up to two seconds early, it waits here, and earlier it is
 * told to sleep again. It never gives up on a due slot that is still PENDING.
 */
export async function claimScheduledSlot(target: Target): Promise<ScheduledClaim> {
  // A retried claim whose first try claimed a slot but whose answer was lost.
  const held = await db().slot.findFirst({
    where: { dayId: target.dayId, status: "EXECUTING", leaseOwner: target.leaseOwner },
    include: { day: { select: { date: true } } },
  });
  if (held) return { outcome: "claimed", claim: asJson(held, target.leaseOwner) };

  let reason = await whyNotClaimable(target);
  const earlyMs = Date.parse(target.scheduledFor) - Date.now();
  if (!reason && earlyMs > 0) {
    // Awake before its time while an earlier slot of its day is already due (its own run late): pay that one now.
    const earlier = await claimDueSlot({ now: new Date(), leaseOwner: target.leaseOwner, onlyDayId: target.dayId });
    if (earlier) return claimedOutcome(earlier);
    if (earlyMs > inStepWaitMs) return { outcome: "early", until: target.scheduledFor };
    await sleep(Math.max(0, Date.parse(target.scheduledFor) - Date.now()) + 1);
    reason = await whyNotClaimable(target);
  }
  if (reason) return { outcome: "skip", reason };
  const claim = await claimDueSlot({ now: new Date(), leaseOwner: target.leaseOwner, onlyDayId: target.dayId });
  return claim ? claimedOutcome(claim) : { outcome: "blocked" };
}
