import { NonRetriableError, RetryAfterError } from "inngest";
import type { ClaimedSlot } from "@/lib/distribution/execution/claim-due-slot";
import { executeClaimedSlot } from "@/lib/distribution/execution/execute-claimed-slot";
import { adminMessageOf } from "@/lib/distribution/execution/fail-slot";
import { payoutDeadlineExceeded } from "@/lib/distribution/execution/payout-deadline";

/** Spacing of Inngest's retries of a failed payout (2, 4, 8 s): well inside the claim's lease. */
export const payoutRetryAfterMs = (attempt: number) => 2_000 * 2 ** attempt;

/**
 * The distribute step: the payout of a claimed slot, whose error goes back to Inngest so the
 * step is retried (the slot stays EXECUTING under this run's lease, nothing of it paid). A payout
 * that ran past its deadline would only do so again: the run fails at once and its onFailure
 * marks the slot FAILED.
 */
export async function distributeClaimedSlot(options: { claim: ClaimedSlot; attempt: number }) {
  try {
    return await executeClaimedSlot(options.claim, { throwPayoutError: true });
  } catch (error) {
    const message = adminMessageOf(error);
    if (payoutDeadlineExceeded(error)) throw new NonRetriableError(message, { cause: error });
    throw new RetryAfterError(message, payoutRetryAfterMs(options.attempt), { cause: error });
  }
}
