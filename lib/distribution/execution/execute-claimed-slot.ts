import { inTransaction } from "@/lib/db/client";
import { retryOnSerializationFailure } from "@/lib/db/snapshot-retry";
import { logEvent } from "@/lib/observability/log";
import { recordSlotExecution } from "@/lib/observability/metrics";
import { loadSettings, type DistributionSettings } from "../settings-store";
import { emitSlotsChanged } from "../slots-changed";
import type { ClaimedSlot } from "./claim-due-slot";
import { adminMessageOf, failClaimedSlot } from "./fail-slot";
import { leaseSeconds } from "./lease";
import { LeaseLostError, paySlot } from "./pay-slot";
import { applyPayoutDeadline, explainPayoutError, lockWalletsForPayout, payoutDeadlineMs } from "./payout-deadline";
import { retryWrite } from "./retry-write";

export type SlotOutcome = {
  slotId: number;
  dayId: number;
  date: string;
  slotNumber: number;
  status: "COMPLETED" | "FAILED" | "LEASE_LOST";
  durationMs: number;
  error?: string;
};

/**
 * Runs a claimed slot to its end: one payout transaction within its deadline, or FAILED with nothing paid. With
 * `throwPayoutError` (a driver that retries) a failed payout is thrown instead and
 * the slot stays EXECUTING under its lease, still with nothing paid, for the driver's retry.
 * A tick passes the settings it loaded; a lone slot (a per-slot run) loads them in its payout.
 */
export async function executeClaimedSlot(
  claim: ClaimedSlot,
  options: { throwPayoutError?: boolean; settings?: DistributionSettings } = {},
): Promise<SlotOutcome> {
  const startedAt = new Date();
  const base = { slotId: claim.slotId, dayId: claim.dayId, date: claim.date, slotNumber: claim.slotNumber };
  logEvent("slot.claimed", {
    ...base,
    attempt: claim.attempt,
    scheduledFor: claim.scheduledFor.toISOString(),
    lateMs: startedAt.getTime() - claim.scheduledFor.getTime(),
  });
  const deadlineMs = payoutDeadlineMs();
  try {
    // One snapshot for the ROS and both pools (REPEATABLE READ); a refused snapshot runs again.
    const { details, totals } = await retryOnSerializationFailure(
      () =>
        inTransaction(
          async (tx) => {
            await lockWalletsForPayout(tx, deadlineMs);
            await applyPayoutDeadline(tx, deadlineMs);
            return paySlot(tx, claim, options.settings ?? (await loadSettings(tx)), startedAt);
          },
          // Prisma's own limit comes after PostgreSQL's, which names the deadline in its error.
          { timeoutMs: deadlineMs + 5_000, repeatableRead: true },
        ),
      { onRetry: (error, run) => logEvent("slot.snapshot-retry", { ...base, run, error: adminMessageOf(error) }, "warn") },
    );
    const durationMs = Date.now() - startedAt.getTime();
    await emitSlotsChanged({ dayId: claim.dayId });
    logEvent("slot.completed", { ...base, durationMs, stakesPaid: details.rosStats.processedStakes, totalPaid: totals.all });
    recordSlotExecution({ status: "COMPLETED", durationMs, stakesPaid: details.rosStats.processedStakes });
    return { ...base, status: "COMPLETED", durationMs };
  } catch (error) {
    const durationMs = Date.now() - startedAt.getTime();
    if (error instanceof LeaseLostError) {
      logEvent("slot.lease-lost", { ...base, durationMs }, "warn");
      return { ...base, status: "LEASE_LOST", durationMs };
    }
    const message = explainPayoutError(adminMessageOf(error), deadlineMs);
    if (options.throwPayoutError) {
      logEvent("slot.attempt-failed", { ...base, durationMs, error: message }, "warn");
      throw error;
    }
    logEvent("slot.failed", { ...base, durationMs, error: message, stack: error instanceof Error ? error.stack : undefined }, "error");
    // The error may be the database going away: write FAILED as soon as it answers again rather
    // than leave the slot EXECUTING until its lease expires (after which the reaper owns it).
    const failed = await retryWrite(() => failClaimedSlot(claim, message, { startedAt }), {
      forMs: leaseSeconds() * 1000,
      onRetry: (retryError, waitMs) => logEvent("slot.fail-write-retry", { ...base, waitMs, error: adminMessageOf(retryError) }, "warn"),
    });
    if (failed) await emitSlotsChanged({ dayId: claim.dayId });
    if (!failed) {
      logEvent("slot.lease-lost", { ...base, durationMs }, "warn");
      return { ...base, status: "LEASE_LOST", durationMs, error: message };
    }
    recordSlotExecution({ status: "FAILED", durationMs, stakesPaid: 0 });
    return { ...base, status: "FAILED", durationMs, error: message };
  }
}
