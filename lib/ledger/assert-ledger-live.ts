import type { DbExecutor } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Refuses a read of ledger entries from `from` to `to` (YYYY-MM-DD, inclusive) when a month of it
 * was archived: its entries left the ledger (only per-user totals stay), so an answer would be
 * silently short. 400 with the archived months, so the caller can ask for a live period.
 */
export async function assertLedgerLive(options: { db: DbExecutor; from: string; to: string; what: string }): Promise<void> {
  const archived = await options.db.$queryRaw<{ month: string }[]>`
    SELECT to_char(month, 'YYYY-MM') AS month FROM ledger_archived_months
    WHERE month BETWEEN date_trunc('month', ${options.from}::date) AND ${options.to}::date ORDER BY month`;
  if (archived.length === 0) return;
  const months = archived.map((row) => row.month);
  throw new AppError(
    "VALIDATION",
    `${options.what} cannot cover ${months.join(", ")}: the ledger of ${months.length === 1 ? "that month was" : "those months was"} archived (only each member's monthly total is kept).`,
    { details: { archivedMonths: months } },
  );
}
