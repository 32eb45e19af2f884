import { db, inTransaction } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { lockDayById, recomputeDayStatus } from "../day-lock";
import { enqueueSlotMessage } from "@/lib/webhooks/enqueue-slot-message";
import { appendAttemptSql } from "./attempt-history";

type Missed = { id: number; day_id: number; date: string; slot_number: number; scheduled_for: Date };

/** PENDING slots not started within maxLateness of their time → FAILED with the reason, never paid late. */
export async function failMissedSlots(options: { now: Date; maxLatenessSeconds: number }) {
  const cutoff = new Date(options.now.getTime() - options.maxLatenessSeconds * 1000);
  const missed = await db().$queryRaw<Missed[]>`
    SELECT s.id, s.day_id, d.date::text AS date, s.slot_number, s.scheduled_for
    FROM slots s JOIN days d ON d.id = s.day_id WHERE s.status = 'PENDING' AND s.scheduled_for < ${cutoff}`;
  const failed: { slotId: number; dayId: number; date: string; slotNumber: number }[] = [];
  const at = options.now.toISOString();
  for (const slot of missed) {
    const error =
      `Missed: not started within ${options.maxLatenessSeconds} s of its time ` +
      `(${slot.scheduled_for.toISOString()}); retry it to pay it now`;
    const details = JSON.stringify({ executedAt: at, failedAt: at, error });
    const attempt = appendAttemptSql({ startedAt: at, endedAt: at, outcome: "MISSED", error });
    const done = await inTransaction(async (tx) => {
      await lockDayById(tx, slot.day_id);
      const updated = await tx.$executeRaw`
        UPDATE slots SET status = 'FAILED', execution_details = ${details}::jsonb, attempt_history = ${attempt}, updated_at = now()
        WHERE id = ${slot.id} AND status = 'PENDING' AND scheduled_for < ${cutoff}`;
      if (updated !== 1) return false;
      await enqueueSlotMessage(tx, { slotId: slot.id }); // outbox: commits with the slot
      await recomputeDayStatus(tx, slot.day_id);
      await recordAudit(
        { actor: null, action: "slot.missed", outcome: "FAILED", reason: error, details: { slotId: slot.id, date: slot.date } },
        tx,
      );
      return true;
    });
    if (done) failed.push({ slotId: slot.id, dayId: slot.day_id, date: slot.date, slotNumber: slot.slot_number });
  }
  return failed;
}
