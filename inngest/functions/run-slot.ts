import { inngest } from "../client";
import { slotChanged, slotScheduled } from "../events";
import { distributeClaimedSlot } from "../distribute-claimed-slot";
import { claimScheduledSlot, type ClaimedSlotJson } from "@/lib/distribution/execution/claim-scheduled-slot";
import { failSlotOfRun } from "@/lib/distribution/execution/fail-slot";
import { logEvent } from "@/lib/observability/log";

const revive = (claim: ClaimedSlotJson) => ({ ...claim, scheduledFor: new Date(claim.scheduledFor) });

// Inngest allows 1,000 steps a run; past this many claim rounds the safety-net tick takes over.
const maxClaimRounds = 400;

/** How long a run waits before asking again while another executor runs a slot of its day: 1 s (Inngest's least), doubling to 5 s. */
export const blockedRetryMs = (round: number) => Math.min(1_000 * 2 ** (round - 1), 5_000);

/**
 * Inngest wakes a sleeping run up to about half a second off its time, either way: the run asks
 * to be woken a second early and its claim step waits out the rest in-process (decision 013).
 */
export const wakeLeadMs = 1_000;
const wakeBefore = (scheduledFor: string) => new Date(Date.parse(scheduledFor) - wakeLeadMs);

const earlierSlotStepIds = (slotNumber: number) => ({
  distribute: `distribute-earlier-slot-${slotNumber}`,
  finalize: `finalize-earlier-slot-${slotNumber}`,
});

/**
 * One run per scheduled slot (production driver, SPEC §7): sleep until its time, then
 * claim → distribute → finalize. A run woken early sleeps again (or waits out the last seconds
 * in its claim step); one whose day has an earlier slot due pays that one first; one whose day
 * another executor is running waits its turn; it skips only when its slot was changed, removed
 * or taken by another executor. A change or removal also cancels the sleeping
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
      await failSlotOfRun({ dayId: original.dayId, leaseOwner: `inngest:${event.data.run_id}`, error: event.data.error.message });
    },
  },
  async ({ event, step, runId, attempt }) => {
    const target = { ...event.data, leaseOwner: `inngest:${runId}` };
    await step.sleepUntil("wait-for-slot-time", wakeBefore(event.data.scheduledFor));
    let blockedRounds = 0;
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
        await step.sleepUntil(`wait-for-slot-time${suffix}-again`, wakeBefore(decision.until));
        continue;
      }
      if (decision.outcome === "blocked") {
        await step.sleep(`wait-for-day${suffix}`, blockedRetryMs(++blockedRounds));
        continue;
      }
      const claim = revive(decision.claim);
      // An earlier slot of the day was due first: this run pays it, then claims again.
      const own = claim.slotNumber === target.slotNumber;
      const ids = own ? { distribute: "distribute", finalize: "finalize" } : earlierSlotStepIds(claim.slotNumber);
      const outcome = await step.run(ids.distribute, () => distributeClaimedSlot({ claim, attempt }));
      const finalized = await step.run(ids.finalize, () => {
        logEvent("slot.finalized", { driver: "inngest", runId, forSlotNumber: target.slotNumber, claimRounds: round, ...outcome });
        return outcome;
      });
      if (own) return finalized;
    }
    return { status: "SKIPPED" as const, reason: `still not claimable after ${maxClaimRounds} rounds; left to the safety-net tick` };
  },
);
