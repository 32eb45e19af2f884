import { db, inTransaction } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ClaimedSlot } from "./claim-due-slot";
import { lockDayById, recomputeDayStatus } from "../day-lock";

/** The database's own words when Prisma wraps them ("… Message: `<text>`"), else the message. */
export function adminMessageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /Message: `([^`]+)`/.exec(message)?.[1] ?? message.trim();
}

/**
 * EXECUTING → FAILED after the payout transaction rolled back, so nothing of the slot was paid.
 * Only the lease holder may do it. The message is kept for the admin; the stack goes to the log.
 */
export async function failClaimedSlot(claim: ClaimedSlot, error: unknown, at = new Date()): Promise<boolean> {
  const message = adminMessageOf(error);
  return inTransaction(async (tx) => {
    await lockDayById(tx, claim.dayId);
    const failed = await tx.slot.updateMany({
      where: { id: claim.slotId, status: "EXECUTING", leaseOwner: claim.leaseOwner },
      data: {
        status: "FAILED",
        leaseOwner: null,
        leaseExpiresAt: null,
        attempts: claim.attempt,
        executionDetails: { executedAt: at.toISOString(), attempt: claim.attempt, error: message },
      },
    });
    if (failed.count !== 1) return false;
    await recomputeDayStatus(tx, claim.dayId);
    await recordAudit(
      {
        actor: null,
        action: "slot.execute",
        outcome: "FAILED",
        reason: message,
        details: { slotId: claim.slotId, dayId: claim.dayId, slotNumber: claim.slotNumber, attempt: claim.attempt },
      },
      tx,
    );
    return true;
  });
}

/** For a driver that lost its claim record (an Inngest run's onFailure): fail the slot of the day its lease still holds. */
export async function failSlotOfRun(options: { dayId: number; leaseOwner: string; error: string }) {
  const slot = await db().slot.findFirst({ where: { dayId: options.dayId, status: "EXECUTING", leaseOwner: options.leaseOwner } });
  if (!slot) return false;
  return failClaimedSlot(
    {
      slotId: slot.id,
      dayId: slot.dayId,
      slotNumber: slot.slotNumber,
      scheduledFor: slot.scheduledFor,
      attempt: slot.attempts + 1,
      leaseOwner: options.leaseOwner,
    },
    new Error(options.error),
  );
}
