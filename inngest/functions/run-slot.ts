import { inngest } from "../client";
import { slotChanged, slotScheduled } from "../events";
import { distributeClaimedSlot } from "../distribute-claimed-slot";
import { claimScheduledSlot, type ClaimedSlotJson } from "@/lib/distribution/execution/claim-scheduled-slot";
import { failSlotOfRun } from "@/lib/distribution/execution/fail-slot";
import { logEvent } from "@/lib/observability/log";

const revive = (claim: ClaimedSlotJson) => ({ ...claim, scheduledFor: new Date(claim.scheduledFor) });

// Inngest allows 1,000 steps a run; past this many claim rounds the safety-net tick takes over.
const maxClaimRounds = 400;

/** How long a run waits before asking again while its day is busy: 250 ms, doubling to 5 s. */
export const blockedRetryMs = (round: number) => Math.min(250 * 2 ** (round - 1), 5_000);

/**
 * One run per scheduled slot (production driver, SPEC §7): sleep until its time, then
 * claim → distribute → finalize. A run woken early sleeps again (or waits out the last second
 * in its claim step); one whose day is busy waits its turn; it skips only when its slot was
 * changed, removed or taken by another executor. A change or removal also cancels the sleeping
 * run; runs of one day never overlap. The payout commits in the distribute step's one
 * transaction; a failed payout is retried by Inngest, and onFailure marks the slot FAILED.
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
    // Runs as its own function: the lease belongs to the failed run (event.data.run_id), not this one.
    onFailure: async ({ event }) => {
      const original = event.data.event.data;
      await failSlotOfRun({
        dayId: original.dayId,
        slotNumber: original.slotNumber,
        leaseOwner: `inngest:${event.data.run_id}`,
        error: event.data.error.message,
      });
    },
  },
  async ({ event, step, runId, attempt }) => {
    const target = { ...event.data, leaseOwner: `inngest:${runId}` };
    await step.sleepUntil("wait-for-slot-time", new Date(event.data.scheduledFor));
    for (let round = 1; round <= maxClaimRounds; round++) {
      const suffix = round === 1 ? "" : `-${round}`;
      const decision = await step.run(`claim${suffix}`, async () => {
        const wokeMs = Date.now() - Date.parse(target.scheduledFor); // negative: woken early
        const result = await claimScheduledSlot(target);
        logEvent("inngest.slot-claim", {
          runId,
          dayId: target.dayId,
          slotNumber: target.slotNumber,
          round,
          wokeMs,
          outcome: result.outcome,
        });
        return result;
      });
      if (decision.outcome === "skip") return { status: "SKIPPED" as const, reason: decision.reason };
      if (decision.outcome === "early") {
        await step.sleepUntil(`wait-for-slot-time${suffix}-again`, new Date(decision.until));
        continue;
      }
      if (decision.outcome === "blocked") {
        await step.sleep(`wait-for-day${suffix}`, blockedRetryMs(round));
        continue;
      }
      const claim = revive(decision.claim);
      const outcome = await step.run("distribute", () => distributeClaimedSlot({ claim, attempt }));
      return step.run("finalize", () => {
        logEvent("slot.finalized", { driver: "inngest", runId, claimRounds: round, ...outcome });
        return outcome;
      });
    }
    return { status: "SKIPPED" as const, reason: `still not claimable after ${maxClaimRounds} rounds; left to the safety-net tick` };
  },
);
