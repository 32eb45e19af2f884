import { db, inTransaction } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { lockDayById, recomputeDayStatus } from "../day-lock";

/** PENDING slots not started within maxLateness of their time → FAILED with the reason, never paid late. */
export async function failMissedSlots(options: { now: Date; maxLatenessSeconds: number }) {
  const cutoff = new Date(options.now.getTime() - options.maxLatenessSeconds * 1000);
  const missed = await db().$queryRaw<{ id: number; day_id: number; slot_number: number; scheduled_for: Date }[]>`
    SELECT id, day_id, slot_number, scheduled_for FROM slots WHERE status = 'PENDING' AND scheduled_for < ${cutoff}`;
  const failed: { slotId: number; dayId: number; slotNumber: number }[] = [];
  for (const slot of missed) {
    const error =
      `Missed: not started within ${options.maxLatenessSeconds} s of its time ` +
      `(${slot.scheduled_for.toISOString()}); retry it to pay it now`;
    const done = await inTransaction(async (tx) => {
      await lockDayById(tx, slot.day_id);
      const updated = await tx.slot.updateMany({
        where: { id: slot.id, status: "PENDING", scheduledFor: { lt: cutoff } },
        data: { status: "FAILED", executionDetails: { executedAt: options.now.toISOString(), error } },
      });
      if (updated.count !== 1) return false;
      await recomputeDayStatus(tx, slot.day_id);
      await recordAudit({ actor: null, action: "slot.missed", outcome: "FAILED", reason: error, details: { slotId: slot.id } }, tx);
      return true;
    });
    if (done) failed.push({ slotId: slot.id, dayId: slot.day_id, slotNumber: slot.slot_number });
  }
  return failed;
}
