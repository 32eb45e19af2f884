import { setTimeout as sleep } from "node:timers/promises";

/** PostgreSQL's 40001 (and 40P01) as Prisma or the driver report it: the transaction rolled back and may simply be run again. */
export function isSerializationFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (code === "P2034" || code === "40001" || code === "40P01") return true;
    if (typeof message === "string" && /could not serialize access|deadlock detected|write conflict/i.test(message)) return true;
  }
  return false;
}

/**
 * Runs a whole transaction again when REPEATABLE READ refused it (a row it updates changed
 * after its snapshot): nothing of the refused run was committed, so running it again is safe.
 * Up to `attempts` runs, 20 ms, 40 ms … apart; any other error is thrown at once.
 */
export async function retryOnSerializationFailure<T>(
  work: () => Promise<T>,
  options: { attempts?: number; onRetry?: (error: unknown, run: number) => void } = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let run = 1; ; run++) {
    try {
      return await work();
    } catch (error) {
      if (run >= attempts || !isSerializationFailure(error)) throw error;
      options.onRetry?.(error, run);
      await sleep(20 * 2 ** (run - 1));
    }
  }
}
