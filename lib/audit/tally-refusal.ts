import { db } from "@/lib/db/client";

/**
 * Counts one refusal of an anonymous request (no session: a failed sign-in for an unknown
 * account, a throttled attempt, a 401 on a mutation): one row per hour, action and reason code,
 * so however many arrive the table grows by a bounded number of rows. `reason` is an error code,
 * never text from the request.
 */
export async function tallyAnonymousRefusal(options: { action: string; reason: string; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  await db().$executeRaw`
    INSERT INTO refusal_tallies (hour, action, reason, count, last_at)
    VALUES (${hour}, ${options.action}, ${options.reason}, 1, ${now})
    ON CONFLICT (hour, action, reason) DO UPDATE SET count = refusal_tallies.count + 1, last_at = GREATEST(refusal_tallies.last_at, ${now})`;
}
