import type { DbExecutor } from "@/lib/db/client";
import { leaseSeconds } from "./lease";

// Contract C4, minimal: the payout transaction may run no longer than a lease, nor than
// SLOTPAY_PAYOUT_TIMEOUT_SECONDS when that is set (a serverless function's time limit). Past the
// deadline PostgreSQL cancels it, the transaction rolls back and nothing is paid.

const configuredTimeoutMs = () => {
  const seconds = Number(process.env.SLOTPAY_PAYOUT_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : Infinity;
};

/** Call first in the payout transaction: its statements and idle gaps end at the deadline. */
export async function boundPayoutTransaction(tx: DbExecutor): Promise<void> {
  const deadlineMs = Math.min(leaseSeconds() * 1000, configuredTimeoutMs());
  if (!Number.isFinite(deadlineMs) || deadlineMs <= 0) return;
  const ms = String(Math.floor(deadlineMs));
  await tx.$queryRaw`SELECT set_config('statement_timeout', ${ms}, true), set_config('idle_in_transaction_session_timeout', ${ms}, true)`;
}

/** True for PostgreSQL's cancellation of a payout that ran past its deadline. */
export function payoutDeadlineExceeded(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /statement timeout|idle-in-transaction timeout/i.test(message);
}
