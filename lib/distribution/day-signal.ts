import type { DbExecutor } from "@/lib/db/client";

/** The PostgreSQL channel on which a day's slot changes are announced to every app process. */
export const dayChangedChannel = "slotpay_day_changed";

/**
 * Announces, at commit, that a day's slots changed (a slot ended, was reaped, or an admin changed
 * the day), so the embedded schedulers of other processes look again at once instead of at
 * their next poll (the scheduler's LISTEN). Rolled back with the transaction.
 */
export async function signalDayChanged(tx: DbExecutor, dayId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${dayChangedChannel}, ${String(dayId)})`;
}
