import { db, inTransaction } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { tryLockDayById } from "../day-lock";
import { moveSlot } from "../slot-transitions";
import { emitSlotsChanged } from "../slots-changed";
import { leaseSeconds } from "./lease";

export type ClaimedSlot = {
  slotId: number;
  dayId: number;
  /** The day's date, so logs, audit rows and outcomes name the day as admins address it. */
  date: string;
  slotNumber: number;
  scheduledFor: Date;
  attempt: number;
  leaseOwner: string;
};

type Candidate = { id: number; date: string; slot_number: number; scheduled_for: Date; attempts: number };

/**
 * Claims the next due slot (PENDING → EXECUTING with a lease) by compare-and-set. Days are
 * tried in order of their earliest due slot; a day another executor holds is skipped. Under
 * the day's lock the earliest due slot of that day is taken, and only if none of its slots is
 * EXECUTING, so one day's slots run one at a time in (scheduledFor, slotNumber) order.
 */
export async function claimDueSlot(options: {
  now: Date;
  leaseOwner: string;
  onlySlotId?: number;
  onlyDayId?: number;
}): Promise<ClaimedSlot | null> {
  const { now, leaseOwner } = options;
  const days =
    options.onlyDayId !== undefined
      ? [{ day_id: options.onlyDayId }]
      : await db().$queryRaw<{ day_id: number }[]>`
          SELECT day_id FROM slots WHERE status = 'PENDING' AND scheduled_for <= ${now}
          GROUP BY day_id ORDER BY min(scheduled_for), day_id LIMIT 50`;
  for (const { day_id: dayId } of days) {
    const claimed = await inTransaction(async (tx) => {
      if (!(await tryLockDayById(tx, dayId))) return null;
      const [next] = await tx.$queryRaw<Candidate[]>`
        SELECT id, (SELECT date::text FROM days WHERE id = ${dayId}) AS date, slot_number, scheduled_for, attempts FROM slots
        WHERE day_id = ${dayId} AND status = 'PENDING' AND scheduled_for <= ${now}
          AND NOT EXISTS (SELECT 1 FROM slots e WHERE e.day_id = ${dayId} AND e.status = 'EXECUTING')
        ORDER BY scheduled_for, slot_number LIMIT 1`;
      if (!next || (options.onlySlotId !== undefined && next.id !== options.onlySlotId)) return null;
      const leaseUntil = new Date(now.getTime() + leaseSeconds() * 1000);
      const won = await moveSlot(tx, {
        dayId,
        slotId: next.id,
        from: "PENDING",
        to: "EXECUTING",
        set: [
          Prisma.sql`lease_owner = ${leaseOwner}`,
          Prisma.sql`lease_expires_at = ${leaseUntil}`,
          Prisma.sql`attempt_started_at = ${new Date()}`,
        ],
      });
      if (!won) return null;
      return {
        slotId: next.id,
        dayId,
        date: next.date,
        slotNumber: next.slot_number,
        scheduledFor: next.scheduled_for,
        attempt: next.attempts + 1,
        leaseOwner,
      };
    });
    if (claimed) {
      await emitSlotsChanged({ dayId });
      return claimed;
    }
  }
  return null;
}
