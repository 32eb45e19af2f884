import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { queueDistribution } from "@/lib/distribution/queue-distribution";
import { startMemorySampler, type MemoryFigures } from "./memory-sampler";

export type Actor = { id: number; email: string };

type SlotPlan = { slotNumber: number; rosPercentage: string; premiumPoolAmount: string; performancePoolAmount: string };

export type SlotRun = {
  slotId: number;
  slotNumber: number;
  wallMs: number;
  /** The executor's own figure: claim to commit of the payout transaction. */
  executeMs: number;
  executionDetails: unknown;
  processedStakes: number;
  memory: MemoryFigures;
};

const startOfUtcDay = (instant: Date) => new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));

/**
 * Queues (or merges into today's day) one slot that is already due: scheduled a second ago,
 * on the UTC date of `now`. Pools are day totals, so raising them makes this slot pay the rise.
 */
export async function queueDueSlot(actor: Actor, plan: SlotPlan, now = new Date()): Promise<void> {
  const scheduledFor = new Date(Math.max(startOfUtcDay(now).getTime(), now.getTime() - 1000));
  await queueDistribution({
    actor,
    now,
    request: {
      premiumPoolAmount: plan.premiumPoolAmount,
      performancePoolAmount: plan.performancePoolAmount,
      description: "Benchmark day",
      multiSlotEnabled: true,
      slots: [{ slotNumber: plan.slotNumber, rosPercentage: plan.rosPercentage, scheduledFor: scheduledFor.toISOString() }],
    },
  });
}

/** One scheduler tick through the real code path, which must find and complete exactly one slot. */
export async function runDueSlot(): Promise<SlotRun> {
  const sampler = startMemorySampler(100);
  const started = performance.now();
  const result = await tick({ now: new Date() }).finally(() => sampler.stop());
  const figures = sampler.stop();
  const wallMs = performance.now() - started;
  const [outcome, ...more] = result.executed;
  if (!outcome || more.length > 0) throw new Error(`Expected the tick to execute one slot, it executed ${result.executed.length}`);
  if (outcome.status !== "COMPLETED") throw new Error(`Slot ${outcome.slotNumber} ended ${outcome.status}: ${outcome.error ?? "no error"}`);
  const slot = await db().slot.findUniqueOrThrow({ where: { id: outcome.slotId } });
  const details = slot.executionDetails as { rosStats?: { processedStakes?: number } } | null;
  return {
    slotId: outcome.slotId,
    slotNumber: outcome.slotNumber,
    wallMs,
    executeMs: outcome.durationMs,
    executionDetails: slot.executionDetails,
    processedStakes: details?.rosStats?.processedStakes ?? 0,
    memory: figures,
  };
}
