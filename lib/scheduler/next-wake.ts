import { db } from "@/lib/db/client";

export const maxSleepMs = 30_000;
const busyRetryMs = 1_000;

/**
 * How long the scheduler may sleep: until the next PENDING slot's time or the next lease
 * expiry, at most 30 s. A slot already due but not claimable (its day busy elsewhere) is
 * looked at again in a second rather than spun on.
 */
export async function msUntilNextWake(now = new Date()): Promise<number> {
  const [row] = await db().$queryRaw<{ next: Date | null }[]>`
    SELECT least(
      (SELECT min(scheduled_for) FROM slots WHERE status = 'PENDING'),
      (SELECT min(lease_expires_at) FROM slots WHERE status = 'EXECUTING')) AS next`;
  if (!row?.next) return maxSleepMs;
  const wait = row.next.getTime() - now.getTime();
  return wait <= 0 ? busyRetryMs : Math.min(wait, maxSleepMs);
}
