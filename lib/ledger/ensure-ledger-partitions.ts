import { db as defaultDb, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/** How many months after the current one always have their ledger partition. */
export const ledgerMonthsAhead = 2;

/**
 * Creating a partition locks the whole ledger, so it waits at most this long (a payout in flight
 * holds the ledger): the caller fails and is retried rather than stalling every reader behind it.
 */
const partitionLockTimeout = "5s";

const dayMs = 86_400_000;
const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

function monthsFrom(instant: Date, count: number): string[] {
  const start = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), 1));
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)).toISOString().slice(0, 10),
  );
}

/**
 * Makes sure the ledger has a partition for the month of each of `dates` (YYYY-MM-DD) and, with
 * `now`, for the current month in every time zone and the `ledgerMonthsAhead` after it — so a
 * payout never finds its month missing (there is no default partition, decision 024). Months
 * that exist cost one catalogue lookup; archived months stay closed. Returns the months it was
 * asked for, each with its partition name (null: archived).
 */
export async function ensureLedgerPartitions(options: { db?: Db; dates?: string[]; now?: Date }) {
  const months = new Set((options.dates ?? []).map(monthOf));
  if (options.now) {
    const now = options.now.getTime();
    for (const month of monthsFrom(new Date(now - dayMs), 1)) months.add(month);
    for (const month of monthsFrom(new Date(now + dayMs), 1 + ledgerMonthsAhead)) months.add(month);
  }
  if (months.size === 0) return [];
  const client = options.db ?? defaultDb();
  const asked = [...months].sort();
  try {
    return await client.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('lock_timeout', ${partitionLockTimeout}, true)`;
      return tx.$queryRaw<{ month: string; partition: string | null }[]>`
        SELECT m::text AS month, ledger_month_partition(m) AS partition FROM unnest(${asked}::date[]) m ORDER BY m`;
    });
  } catch (error) {
    throw new AppError(
      "UNAVAILABLE",
      `The ledger's month partitions (${asked.join(", ")}) could not be made ready now; try again shortly.`,
      {
        retryAfterSeconds: 5,
        details: { cause: error instanceof Error ? error.message : String(error) },
      },
    );
  }
}
