import { inTransaction } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { logEvent } from "@/lib/observability/log";
import { recordSlotExecution } from "@/lib/observability/metrics";
import { loadSettings } from "../settings-store";
import { forgetTodayStatus } from "../status-cache";
import type { ClaimedSlot } from "./claim-due-slot";
import { adminMessageOf, failClaimedSlot } from "./fail-slot";
import { LeaseLostError, paySlot } from "./pay-slot";
import { boundPayoutTransaction } from "./payout-deadline";

export type SlotOutcome = {
  slotId: number;
  dayId: number;
  slotNumber: number;
  status: "COMPLETED" | "FAILED" | "LEASE_LOST";
  durationMs: number;
  error?: string;
};

/**
 * Runs a claimed slot to its end: one payout transaction, or FAILED with nothing paid. With
 * `throwPayoutError` (a driver that retries, contract C4) a failed payout is thrown instead and
 * the slot stays EXECUTING under its lease, still with nothing paid, for the driver's retry.
 */
export async function executeClaimedSlot(claim: ClaimedSlot, options: { throwPayoutError?: boolean } = {}): Promise<SlotOutcome> {
  const startedAt = new Date();
  forgetTodayStatus(); // the claim made a slot EXECUTING
  const base = { slotId: claim.slotId, dayId: claim.dayId, slotNumber: claim.slotNumber };
  logEvent("slot.claimed", {
    ...base,
    attempt: claim.attempt,
    scheduledFor: claim.scheduledFor.toISOString(),
    lateMs: startedAt.getTime() - claim.scheduledFor.getTime(),
  });
  try {
    const { details, totals } = await inTransaction(
      async (tx) => {
        await boundPayoutTransaction(tx);
        const result = await paySlot(tx, claim, await loadSettings(tx), startedAt);
        await recordAudit({ actor: null, action: "slot.execute", outcome: "OK", details: { ...base, ...result.details } }, tx);
        return result;
      },
      { timeoutMs: 10 * 60_000 },
    );
    const durationMs = Date.now() - startedAt.getTime();
    forgetTodayStatus();
    logEvent("slot.completed", { ...base, durationMs, stakesPaid: details.rosStats.processedStakes, totalPaid: totals.all });
    recordSlotExecution({ status: "COMPLETED", durationMs, stakesPaid: details.rosStats.processedStakes });
    return { ...base, status: "COMPLETED", durationMs };
  } catch (error) {
    const durationMs = Date.now() - startedAt.getTime();
    if (error instanceof LeaseLostError) {
      logEvent("slot.lease-lost", { ...base, durationMs }, "warn");
      return { ...base, status: "LEASE_LOST", durationMs };
    }
    const message = adminMessageOf(error);
    if (options.throwPayoutError) {
      logEvent("slot.attempt-failed", { ...base, durationMs, error: message }, "warn");
      throw error;
    }
    logEvent("slot.failed", { ...base, durationMs, error: message, stack: error instanceof Error ? error.stack : undefined }, "error");
    await failClaimedSlot(claim, error);
    forgetTodayStatus();
    recordSlotExecution({ status: "FAILED", durationMs, stakesPaid: 0 });
    return { ...base, status: "FAILED", durationMs, error: message };
  }
}
