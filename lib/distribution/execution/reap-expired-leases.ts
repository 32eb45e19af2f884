import { db, inTransaction } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { signalDayChanged } from "../day-signal";
import { lockDayById, recomputeDayStatus } from "../day-lock";
import { enqueueSlotMessage } from "@/lib/webhooks/enqueue-slot-message";
import { appendAttemptSql } from "./attempt-history";

type Reaped = { slotId: number; dayId: number; date: string; slotNumber: number; status: "PENDING" | "FAILED"; attempts: number };

type Expired = { slot_number: number; attempts: number; started_at: Date; date: string };

/**
 * EXECUTING slots whose lease ran out (their executor died): back to PENDING with one attempt
 * used, or FAILED once maxAttempts are used; either way the attempt is kept as LEASE_EXPIRED. A
 * slot whose payout transaction is still running holds its row lock and is skipped, never
 * stolen; a frozen one's transaction is ended by its deadline (payout-deadline.ts).
 */
export async function reapExpiredLeases(options: { now: Date; maxAttempts: number }): Promise<Reaped[]> {
  const { now, maxAttempts } = options;
  const expired = await db().$queryRaw<{ id: number; day_id: number }[]>`
    SELECT id, day_id FROM slots WHERE status = 'EXECUTING' AND lease_expires_at < ${now}`;
  const reaped: Reaped[] = [];
  for (const candidate of expired) {
    const row = await inTransaction(async (tx) => {
      await lockDayById(tx, candidate.day_id);
      const [slot] = await tx.$queryRaw<Expired[]>`
        SELECT slot_number, attempts, coalesce(attempt_started_at, lease_expires_at) AS started_at,
               (SELECT date::text FROM days WHERE id = ${candidate.day_id}) AS date
        FROM slots WHERE id = ${candidate.id} AND status = 'EXECUTING' AND lease_expires_at < ${now}
        FOR UPDATE SKIP LOCKED`;
      if (!slot) return null;
      const attempts = slot.attempts + 1;
      const status = attempts >= maxAttempts ? ("FAILED" as const) : ("PENDING" as const);
      const error = `The executor stopped responding (lease expired) on attempt ${attempts} of ${maxAttempts}`;
      const startedAt = slot.started_at.toISOString();
      const details =
        status === "FAILED" ? JSON.stringify({ executedAt: startedAt, failedAt: now.toISOString(), attempt: attempts, error }) : null;
      const attempt = appendAttemptSql({ startedAt, endedAt: null, outcome: "LEASE_EXPIRED", error });
      await tx.$executeRaw`
        UPDATE slots SET status = ${status}::"SlotStatus", attempts = ${attempts}, lease_owner = NULL, lease_expires_at = NULL,
                         attempt_started_at = NULL, execution_details = coalesce(${details}::jsonb, execution_details),
                         attempt_history = ${attempt}, updated_at = now()
        WHERE id = ${candidate.id}`;
      if (status === "FAILED") await enqueueSlotMessage(tx, { slotId: candidate.id }); // outbox: commits with the slot
      await recomputeDayStatus(tx, candidate.day_id);
      await signalDayChanged(tx, candidate.day_id);
      await recordAudit(
        {
          actor: null,
          action: "slot.reap",
          outcome: status === "FAILED" ? "FAILED" : "OK",
          reason: error,
          details: { slotId: candidate.id, dayId: candidate.day_id, date: slot.date, slotNumber: slot.slot_number, status },
        },
        tx,
      );
      return { slotId: candidate.id, dayId: candidate.day_id, date: slot.date, slotNumber: slot.slot_number, status, attempts };
    });
    if (row) reaped.push(row);
  }
  return reaped;
}
