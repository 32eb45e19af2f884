import type { DbExecutor } from "@/lib/db/client";
import { deriveDayStatus, type SlotStatus } from "../slot-status";

// The executor's side of the per-day lock that admin changes take in day-store.ts (same key:
// 7411 and the date's day number), and the day status recomputed under it.

export async function lockDayById(tx: DbExecutor, dayId: number): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(7411, (date - DATE '1970-01-01'))::text FROM days WHERE id = ${dayId}`;
}

export async function tryLockDayById(tx: DbExecutor, dayId: number): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(7411, (date - DATE '1970-01-01')) AS locked FROM days WHERE id = ${dayId}`;
  return row?.locked === true;
}

/** Recomputes the day's status from its slots; call under the day lock, in the slot change's transaction. */
export async function recomputeDayStatus(tx: DbExecutor, dayId: number): Promise<SlotStatus> {
  const slots = await tx.slot.findMany({ where: { dayId }, select: { status: true } });
  const status = deriveDayStatus(slots.map((slot) => slot.status));
  await tx.day.update({ where: { id: dayId }, data: { status } });
  return status;
}
