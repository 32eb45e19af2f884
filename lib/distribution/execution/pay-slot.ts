import type { DbExecutor } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { payableStakesSql, performanceQualifiedSql, premiumQualifiedSql, rosAmountSql } from "../eligibility-sql";
import { fromUnits, toUnits } from "../money";
import type { DistributionSettings } from "../settings-store";
import { signalDayChanged } from "../day-signal";
import { allocatePoolSql, type PoolPayout } from "./allocate-pool-sql";
import { appendAttemptSql } from "./attempt-history";
import type { ClaimedSlot } from "./claim-due-slot";
import { lockDayById, recomputeDayStatus } from "../day-lock";
import { enqueueSlotMessage } from "@/lib/webhooks/enqueue-slot-message";

export class LeaseLostError extends Error {
  constructor(claim: ClaimedSlot) {
    super(`Slot ${claim.slotId} is no longer held by ${claim.leaseOwner}`);
    this.name = "LeaseLostError";
  }
}

type SlotForPayout = {
  ros_percentage: string;
  scheduled_for: Date;
  day_id: number;
  premium_pool_amount: string;
  premium_pool_paid: string;
  performance_pool_amount: string;
  performance_pool_paid: string;
};

const stats = (payout: { count: number; total: string }) => ({
  totalDistributed: Number(payout.total),
  totalDistributedExact: fromUnits(toUnits(payout.total)), // JSON numbers lose units beyond ~15 digits
});

const unpaidUnits = (amount: string, paid: string) => {
  const units = toUnits(amount) - toUnits(paid);
  return units > 0n ? units : 0n;
};

const poolStats = (payout: PoolPayout) => ({ qualifiedUsers: payout.qualifiedUsers, ...stats(payout) });

/**
 * Pays one claimed slot inside the caller's transaction: ROS for every payable stake, the
 * unpaid part of each day pool, the wallets, and the slot COMPLETED with details computed from
 * what was written. Any error rolls all of it back. Holding the slot row FOR UPDATE keeps the
 * reaper off it while the payout runs.
 */
export async function paySlot(tx: DbExecutor, claim: ClaimedSlot, settings: DistributionSettings, startedAt: Date) {
  const [slot] = await tx.$queryRaw<SlotForPayout[]>`
    SELECT s.ros_percentage::text, s.scheduled_for, d.id AS day_id,
           d.premium_pool_amount::text, d.premium_pool_paid::text, d.performance_pool_amount::text, d.performance_pool_paid::text
    FROM slots s JOIN days d ON d.id = s.day_id
    WHERE s.id = ${claim.slotId} AND s.status = 'EXECUTING' AND s.lease_owner = ${claim.leaseOwner}
    FOR UPDATE OF s`;
  if (!slot) throw new LeaseLostError(claim);

  const [ros] = await tx.$queryRaw<{ count: number; total: string }[]>`
    WITH paid AS (
      INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount)
      SELECT ${claim.slotId}, 'ROS'::"LedgerKind", s.id, s.user_id, ${rosAmountSql(slot.ros_percentage)}
      FROM ${payableStakesSql(slot.scheduled_for)} AND ${rosAmountSql(slot.ros_percentage)} > 0
      ORDER BY s.id
      RETURNING amount)
    SELECT count(*)::int AS count, coalesce(sum(amount), 0)::text AS total FROM paid`;

  const [premium] = await tx.$queryRaw<PoolPayout[]>(
    allocatePoolSql({
      slotId: claim.slotId,
      kind: "PREMIUM_POOL",
      units: unpaidUnits(slot.premium_pool_amount, slot.premium_pool_paid),
      weights: Prisma.sql`SELECT user_id, 1::numeric AS weight FROM (${premiumQualifiedSql(settings.premiumMinStake, slot.scheduled_for)}) q`,
    }),
  );
  const [performance] = await tx.$queryRaw<PoolPayout[]>(
    allocatePoolSql({
      slotId: claim.slotId,
      kind: "PERFORMANCE_POOL",
      units: unpaidUnits(slot.performance_pool_amount, slot.performance_pool_paid),
      weights: Prisma.sql`SELECT user_id, trunc(score * 100000000) AS weight FROM (${performanceQualifiedSql(settings.performanceMinScore)}) q`,
    }),
  );

  await tx.$executeRaw`
    INSERT INTO wallets (user_id, balance, updated_at)
    SELECT user_id, sum(amount), now() FROM ledger_entries WHERE slot_id = ${claim.slotId} GROUP BY user_id
    ON CONFLICT (user_id) DO UPDATE SET balance = wallets.balance + EXCLUDED.balance, updated_at = EXCLUDED.updated_at`;

  const details = {
    executedAt: startedAt.toISOString(),
    completedAt: new Date().toISOString(),
    attempt: claim.attempt,
    rosStats: { processedStakes: ros.count, ...stats(ros) },
    premiumPoolStats: poolStats(premium),
    performancePoolStats: poolStats(performance),
  };
  await lockDayById(tx, slot.day_id);
  await tx.$executeRaw`
    UPDATE days SET premium_pool_paid = premium_pool_paid + ${premium.total}::numeric,
                    performance_pool_paid = performance_pool_paid + ${performance.total}::numeric, updated_at = now()
    WHERE id = ${slot.day_id}`;
  const attempt = appendAttemptSql({ startedAt: details.executedAt, endedAt: details.completedAt, outcome: "COMPLETED" });
  await tx.$executeRaw`
    UPDATE slots SET status = 'COMPLETED', lease_owner = NULL, lease_expires_at = NULL, attempt_started_at = NULL,
                     attempts = ${claim.attempt}, execution_details = ${JSON.stringify(details)}::jsonb,
                     attempt_history = ${attempt}, updated_at = now()
    WHERE id = ${claim.slotId}`;
  await enqueueSlotMessage(tx, { slotId: claim.slotId }); // outbox: commits with the slot
  await recomputeDayStatus(tx, slot.day_id);
  await signalDayChanged(tx, slot.day_id);
  return {
    details,
    totals: {
      ros: ros.total,
      premium: premium.total,
      performance: performance.total,
      all: fromUnits(toUnits(ros.total) + toUnits(premium.total) + toUnits(performance.total)),
    },
  };
}
