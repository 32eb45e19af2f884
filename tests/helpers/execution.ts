import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { recomputeDayStatus as recomputeDayStatusIn } from "@/lib/distribution/day-lock";
import { assertTransition } from "@/lib/distribution/slot-status";
import { forgetTodayStatus } from "@/lib/distribution/status-cache";

// Stand-ins for the executor: they move slots as SPEC §2 allows, straight in the database,
// and recompute the day status the way every real slot change does.

export type Outcome = "COMPLETED" | "FAILED";

const dateValue = (date: string) => new Date(`${date}T00:00:00.000Z`);

export async function dayIdOf(date: string): Promise<number> {
  return (await db().day.findUniqueOrThrow({ where: { date: dateValue(date) }, select: { id: true } })).id;
}

/** Every simulated step ends here; like the executor, it drops this process's cached status. */
export async function recomputeDayStatus(dayId: number): Promise<void> {
  await recomputeDayStatusIn(db(), dayId);
  forgetTodayStatus();
}

/** PENDING → EXECUTING with a lease, as an executor's compare-and-set claim does. */
export async function claimSlot(dayId: number, slotNumber: number): Promise<void> {
  assertTransition("PENDING", "EXECUTING");
  const claimed = await db().slot.updateMany({
    where: { dayId, slotNumber, status: "PENDING" },
    data: { status: "EXECUTING", attempts: { increment: 1 }, leaseOwner: "test-executor", leaseExpiresAt: new Date(Date.now() + 60_000) },
  });
  if (claimed.count !== 1) throw new Error(`slot ${slotNumber} of day ${dayId} is not PENDING`);
  await recomputeDayStatus(dayId);
}

function detailsFor(outcome: Outcome, executedAt: Date): Prisma.InputJsonValue {
  if (outcome === "FAILED") return { executedAt: executedAt.toISOString(), error: "simulated failure: payout rolled back" };
  return {
    executedAt: executedAt.toISOString(),
    rosStats: { processedStakes: 150, totalDistributed: 3750.5 },
    premiumPoolStats: { qualifiedUsers: 45, totalDistributed: 2250.75 },
    performancePoolStats: { qualifiedUsers: 30, totalDistributed: 1500.25 },
  };
}

/**
 * EXECUTING → COMPLETED or FAILED. With `payPools`, a completed slot pays whatever part of the
 * day's pools was unpaid, as the first slot of a day with qualified users does.
 */
export async function finishSlot(dayId: number, slotNumber: number, outcome: Outcome, options: { payPools?: boolean } = {}) {
  assertTransition("EXECUTING", outcome);
  const finished = await db().slot.updateMany({
    where: { dayId, slotNumber, status: "EXECUTING" },
    data: { status: outcome, leaseOwner: null, leaseExpiresAt: null, executionDetails: detailsFor(outcome, new Date()) },
  });
  if (finished.count !== 1) throw new Error(`slot ${slotNumber} of day ${dayId} is not EXECUTING`);
  if (outcome === "COMPLETED" && options.payPools) {
    const day = await db().day.findUniqueOrThrow({ where: { id: dayId } });
    await db().day.update({
      where: { id: dayId },
      data: { premiumPoolPaid: day.premiumPoolAmount, performancePoolPaid: day.performancePoolAmount },
    });
  }
  await recomputeDayStatus(dayId);
}

/** A whole execution of one slot: claimed, then finished with `outcome`. */
export async function simulateExecution(dayId: number, slotNumber: number, outcome: Outcome, options: { payPools?: boolean } = {}) {
  await claimSlot(dayId, slotNumber);
  await finishSlot(dayId, slotNumber, outcome, options);
}
