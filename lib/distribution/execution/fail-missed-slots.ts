import { db, inTransaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { moveSlot } from "../slot-transitions";
import { emitSlotsChanged } from "../slots-changed";
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
    const done = await inTransaction((tx) =>
      moveSlot(tx, {
        dayId: slot.day_id,
        slotId: slot.id,
        from: "PENDING",
        to: "FAILED",
        set: [Prisma.sql`execution_details = ${details}::jsonb, attempt_history = ${attempt}`],
        where: [Prisma.sql`scheduled_for < ${cutoff}`],
        audit: { actor: null, action: "slot.missed", outcome: "FAILED", reason: error, details: { slotId: slot.id, date: slot.date } },
      }),
    );
    if (!done) continue;
    failed.push({ slotId: slot.id, dayId: slot.day_id, date: slot.date, slotNumber: slot.slot_number });
    await emitSlotsChanged({ dayId: slot.day_id });
  }
  return failed;
}
