import { db, inTransaction } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { lockDayById, recomputeDayStatus } from "../day-lock";

type Reaped = { slotId: number; dayId: number; slotNumber: number; status: "PENDING" | "FAILED"; attempts: number };

/**
 * EXECUTING slots whose lease ran out (their executor died): back to PENDING with one attempt
 * used, or FAILED once maxAttempts are used. A slot whose payout transaction is still running
 * holds its row lock and is skipped, never stolen.
 */
export async function reapExpiredLeases(options: { now: Date; maxAttempts: number }): Promise<Reaped[]> {
  const { now, maxAttempts } = options;
  const expired = await db().$queryRaw<{ id: number; day_id: number }[]>`
    SELECT id, day_id FROM slots WHERE status = 'EXECUTING' AND lease_expires_at < ${now}`;
  const reaped: Reaped[] = [];
  for (const candidate of expired) {
    const row = await inTransaction(async (tx) => {
      await lockDayById(tx, candidate.day_id);
      const [slot] = await tx.$queryRaw<{ slot_number: number; attempts: number }[]>`
        SELECT slot_number, attempts FROM slots
        WHERE id = ${candidate.id} AND status = 'EXECUTING' AND lease_expires_at < ${now}
        FOR UPDATE SKIP LOCKED`;
      if (!slot) return null;
      const attempts = slot.attempts + 1;
      const status = attempts >= maxAttempts ? ("FAILED" as const) : ("PENDING" as const);
      const error = `The executor stopped responding (lease expired) on attempt ${attempts} of ${maxAttempts}`;
      await tx.slot.update({
        where: { id: candidate.id },
        data: {
          status,
          attempts,
          leaseOwner: null,
          leaseExpiresAt: null,
          executionDetails: status === "FAILED" ? { executedAt: now.toISOString(), attempt: attempts, error } : undefined,
        },
      });
      await recomputeDayStatus(tx, candidate.day_id);
      await recordAudit(
        {
          actor: null,
          action: "slot.reap",
          outcome: status === "FAILED" ? "FAILED" : "OK",
          reason: error,
          details: { slotId: candidate.id, status },
        },
        tx,
      );
      return { slotId: candidate.id, dayId: candidate.day_id, slotNumber: slot.slot_number, status, attempts };
    });
    if (row) reaped.push(row);
  }
  return reaped;
}
