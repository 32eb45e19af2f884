import { setTimeout as sleep } from "node:timers/promises";

/**
 * Runs a write until it succeeds, waiting 100 ms, 200 ms, … (at most 5 s) between tries, for at
 * most `forMs`: after a database restart the first tries fail until it answers again. Throws the
 * last error once the time is up. Only for writes that are safe to repeat (guarded updates).
 */
export async function retryWrite<T>(
  write: () => Promise<T>,
  options: { forMs: number; onRetry?: (error: unknown, waitMs: number) => void },
) {
  const giveUpAt = Date.now() + options.forMs;
  for (let waitMs = 100; ; waitMs = Math.min(waitMs * 2, 5_000)) {
    try {
      return await write();
    } catch (error) {
      if (Date.now() + waitMs > giveUpAt) throw error;
      options.onRetry?.(error, waitMs);
      await sleep(waitMs);
    }
  }
}
