import { inngest } from "../client";
import { slotChanged, slotScheduled } from "../events";
import { claimScheduledSlot, type ClaimedSlotJson } from "@/lib/distribution/execution/claim-scheduled-slot";
import { executeClaimedSlot } from "@/lib/distribution/execution/execute-claimed-slot";
import { failSlotOfRun } from "@/lib/distribution/execution/fail-slot";
import { logEvent } from "@/lib/observability/log";

const revive = (claim: ClaimedSlotJson) => ({ ...claim, scheduledFor: new Date(claim.scheduledFor) });

/**
 * One run per scheduled slot (production driver, SPEC §7): sleep until its time, then
 * claim → distribute → finalize. A change or removal of the slot cancels the sleeping run;
 * runs of one day never overlap. The payout commits in the distribute step's one transaction.
 */
export const runSlot = inngest.createFunction(
  {
    id: "run-distribution-slot",
    triggers: [slotScheduled],
    cancelOn: [
      {
        event: slotChanged,
        if: "async.data.dayId == event.data.dayId && async.data.slotNumber == event.data.slotNumber && async.data.scheduledFor != event.data.scheduledFor",
      },
    ],
    concurrency: { key: "event.data.dayId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, runId }) => {
      const original = event.data.event.data;
      await failSlotOfRun({
        dayId: original.dayId,
        slotNumber: original.slotNumber,
        leaseOwner: `inngest:${runId}`,
        error: event.data.error.message,
      });
    },
  },
  async ({ event, step, runId }) => {
    await step.sleepUntil("wait-for-slot-time", new Date(event.data.scheduledFor));
    const claim = await step.run("claim", () =>
      claimScheduledSlot({
        dayId: event.data.dayId,
        slotNumber: event.data.slotNumber,
        scheduledFor: event.data.scheduledFor,
        leaseOwner: `inngest:${runId}`,
      }),
    );
    if (!claim) return { status: "SKIPPED" as const, reason: "not due, changed, or already taken by another executor" };
    const outcome = await step.run("distribute", () => executeClaimedSlot(revive(claim)));
    return step.run("finalize", () => {
      logEvent("slot.finalized", { driver: "inngest", runId, ...outcome });
      return outcome;
    });
  },
);
