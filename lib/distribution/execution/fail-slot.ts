import { db, inTransaction } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { signalDayChanged } from "../day-signal";
import { lockDayById, recomputeDayStatus } from "../day-lock";
import { enqueueSlotMessage } from "@/lib/webhooks/enqueue-slot-message";
import { appendAttemptSql } from "./attempt-history";
import type { ClaimedSlot } from "./claim-due-slot";

/** The database's own words when Prisma wraps them ("… Message: `<text>`"), else the message. */
export function adminMessageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /Message: `([^`]+)`/.exec(message)?.[1] ?? message.trim();
}

/**
 * EXECUTING → FAILED after the payout transaction rolled back, so nothing of the slot was paid.
 * Only the lease holder may do it; false when the lease is no longer its own. The message is kept
 * for the admin (the stack goes to the log); executedAt is when the attempt started, failedAt when
 * it failed.
 */
export async function failClaimedSlot(claim: ClaimedSlot, message: string, times: { startedAt: Date; failedAt?: Date }): Promise<boolean> {
  const failedAt = times.failedAt ?? new Date();
  const details = { executedAt: times.startedAt.toISOString(), failedAt: failedAt.toISOString(), attempt: claim.attempt, error: message };
  const attempt = appendAttemptSql({ startedAt: details.executedAt, endedAt: details.failedAt, outcome: "FAILED", error: message });
  return inTransaction(async (tx) => {
    await lockDayById(tx, claim.dayId);
    const failed = await tx.$executeRaw`
      UPDATE slots SET status = 'FAILED', lease_owner = NULL, lease_expires_at = NULL, attempt_started_at = NULL,
                       attempts = ${claim.attempt}, execution_details = ${JSON.stringify(details)}::jsonb,
                       attempt_history = ${attempt}, updated_at = now()
      WHERE id = ${claim.slotId} AND status = 'EXECUTING' AND lease_owner = ${claim.leaseOwner}`;
    if (failed !== 1) return false;
    await enqueueSlotMessage(tx, { slotId: claim.slotId }); // outbox: commits with the slot
    await recomputeDayStatus(tx, claim.dayId);
    await signalDayChanged(tx, claim.dayId);
    await recordAudit(
      {
        actor: null,
        action: "slot.execute",
        outcome: "FAILED",
        reason: message,
        details: { slotId: claim.slotId, dayId: claim.dayId, date: claim.date, slotNumber: claim.slotNumber, attempt: claim.attempt },
      },
      tx,
    );
    return true;
  });
}

/** For a driver that lost its claim record (an Inngest run's onFailure): fail the slot of the day its lease still holds. */
export async function failSlotOfRun(options: { dayId: number; leaseOwner: string; error: string }) {
  const slot = await db().slot.findFirst({
    where: { dayId: options.dayId, status: "EXECUTING", leaseOwner: options.leaseOwner },
    include: { day: { select: { date: true } } },
  });
  if (!slot) return false;
  const claim = {
    slotId: slot.id,
    dayId: slot.dayId,
    date: slot.day.date.toISOString().slice(0, 10),
    slotNumber: slot.slotNumber,
    scheduledFor: slot.scheduledFor,
    attempt: slot.attempts + 1,
    leaseOwner: options.leaseOwner,
  };
  return failClaimedSlot(claim, adminMessageOf(new Error(options.error)), { startedAt: slot.attemptStartedAt ?? new Date() });
}
