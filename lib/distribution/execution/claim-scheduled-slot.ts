import { db } from "@/lib/db/client";
import { claimDueSlot } from "./claim-due-slot";

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
 * The per-slot driver's claim: only this slot, only at the time it was scheduled for (a
 * rescheduled slot has a newer run), and only when it is its day's next due slot.
 */
export async function claimScheduledSlot(options: {
  dayId: number;
  slotNumber: number;
  scheduledFor: string;
  leaseOwner: string;
}): Promise<ClaimedSlotJson | null> {
  const slot = await db().slot.findUnique({ where: { dayId_slotNumber: { dayId: options.dayId, slotNumber: options.slotNumber } } });
  if (!slot || slot.status !== "PENDING" || slot.scheduledFor.getTime() !== new Date(options.scheduledFor).getTime()) return null;
  const claim = await claimDueSlot({ now: new Date(), leaseOwner: options.leaseOwner, onlySlotId: slot.id, onlyDayId: options.dayId });
  return claim && { ...claim, scheduledFor: claim.scheduledFor.toISOString() };
}
