import type { DbExecutor } from "@/lib/db/client";
import { leaseSeconds } from "./lease";

/**
 * How long a payout may take — the lease, or SLOTPAY_PAYOUT_TIMEOUT_SECONDS when
 * that is lower. Past it PostgreSQL ends the transaction, so a frozen executor cannot hold the
 * slot's row lock (and with it the reaper) beyond its lease.
 */
export function payoutDeadlineMs(): number {
  const lease = leaseSeconds();
  const configured = Number(process.env.SLOTPAY_PAYOUT_TIMEOUT_SECONDS);
  const seconds = Number.isFinite(configured) && configured > 0 ? Math.min(lease, configured) : lease;
  return Math.max(1, Math.round(seconds * 1000));
}

/**
 * Bounds the caller's transaction: each statement (statement_timeout), each pause between
 * statements (idle_in_transaction_session_timeout: a stopped process), and on PostgreSQL ≥ 17 the
 * whole transaction (transaction_timeout). A client that died mid-statement is noticed within a
 * second (client_connection_check_interval) rather than when the statement ends.
 */
export async function applyPayoutDeadline(tx: DbExecutor, deadlineMs: number): Promise<void> {
  const ms = `${deadlineMs}ms`;
  await tx.$queryRaw`
    SELECT set_config('statement_timeout', ${ms}, true), set_config('idle_in_transaction_session_timeout', ${ms}, true),
           set_config('client_connection_check_interval', '1000ms', true),
           CASE WHEN current_setting('server_version_num')::int >= 170000 THEN set_config('transaction_timeout', ${ms}, true) END`;
}

/**
 * The payout transaction's first statement, before anything fixes its REPEATABLE READ snapshot
 * (LOCK TABLE takes none): one payout writes wallets at a time, so no payout finds a wallet
 * changed after its snapshot (a serialization failure). Reads of wallets are not blocked; the
 * wait is bounded by the deadline.
 */
export async function lockWalletsForPayout(tx: DbExecutor, deadlineMs: number): Promise<void> {
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${Math.max(1, Math.round(deadlineMs))}ms'`);
  await tx.$executeRawUnsafe("LOCK TABLE wallets IN SHARE ROW EXCLUSIVE MODE");
}

const deadlineMessage = /statement timeout|lock timeout|idle-in-transaction timeout|transaction timeout|expired transaction/i;

/** True for PostgreSQL's ending of a payout that ran past its deadline (retrying it would only run out again). */
export function payoutDeadlineExceeded(error: unknown): boolean {
  return deadlineMessage.test(error instanceof Error ? error.message : String(error));
}

/** The admin's reason for a payout ended by its deadline; other errors keep their own words. */
export function explainPayoutError(message: string, deadlineMs: number): string {
  return deadlineMessage.test(message)
    ? `The payout ran past its deadline of ${deadlineMs / 1000} s and was rolled back: ${message}`
    : message;
}
