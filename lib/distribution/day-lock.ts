import type { DbExecutor } from "@/lib/db/client";

// The per-day lock every slot change takes — admin changes, the legacy import, claims, payouts,
// the reaper — so the day status saved under it (slot-transitions.ts) sees every slot (decision 003). One key space: 7411 and
// the date's day number since 1970, so a day can be locked before its row exists.

const lockSpace = 7411;

/** For a day that may not exist yet (queue creates it): lock by its date. */
export async function lockDayDate(tx: DbExecutor, date: string): Promise<void> {
  const dayNumber = Math.floor(Date.parse(`${date}T00:00:00.000Z`) / 86_400_000);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lockSpace}::int, ${dayNumber}::int)`;
}

/** One writer of the settings row at a time (day number 0 is 1970-01-01, never a distribution day). */
export async function lockSettings(tx: DbExecutor): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lockSpace}::int, 0)`;
}

export async function lockDayById(tx: DbExecutor, dayId: number): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${lockSpace}::int, (date - DATE '1970-01-01'))::text FROM days WHERE id = ${dayId}`;
}

export async function tryLockDayById(tx: DbExecutor, dayId: number): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(${lockSpace}::int, (date - DATE '1970-01-01')) AS locked FROM days WHERE id = ${dayId}`;
  return row?.locked === true;
}
