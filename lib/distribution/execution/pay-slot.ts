import type { DbExecutor } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { performanceQualifiedSql, premiumQualifiedSql, rosRowsSql } from "../eligibility-sql";
import { fromUnits, toUnits } from "../money";
import type { DistributionSettings } from "../settings-store";
import { allocatePoolSql, type PoolPayout } from "./allocate-pool-sql";
import { appendAttemptSql, endedAttemptColumns } from "./attempt-history";
import type { ClaimedSlot } from "./claim-due-slot";
import { lockDayById } from "../day-lock";
import { moveSlot } from "../slot-transitions";

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
  slot_date: string;
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

/**
 * The payout's sort and hash memory, for its transaction only. At the server's default (4 MB)
 * a million-stake slot's per-user sums spill to disk in dozens of batches.
 */
export const payoutWorkMem = "64MB";

const poolStats = (payout: PoolPayout) => ({ qualifiedUsers: payout.qualifiedUsers, ...stats(payout) });

/**
 * Pays one claimed slot inside the caller's transaction: ROS for every payable stake, the
 * unpaid part of each day pool, the wallets, and the slot COMPLETED (audited) with details computed
 * from what was written. Any error rolls all of it back. Holding the slot row FOR UPDATE keeps the
 * reaper off it while the payout runs.
 */
export async function paySlot(tx: DbExecutor, claim: ClaimedSlot, settings: DistributionSettings, startedAt: Date) {
  const [slot] = await tx.$queryRaw<SlotForPayout[]>`
    SELECT s.ros_percentage::text, s.scheduled_for, d.id AS day_id, d.date::text AS slot_date,
           d.premium_pool_amount::text, d.premium_pool_paid::text, d.performance_pool_amount::text, d.performance_pool_paid::text
    FROM slots s JOIN days d ON d.id = s.day_id
    WHERE s.id = ${claim.slotId} AND s.status = 'EXECUTING' AND s.lease_owner = ${claim.leaseOwner}
    FOR UPDATE OF s`;
  if (!slot) throw new LeaseLostError(claim);
  await tx.$queryRaw`SELECT set_config('work_mem', ${payoutWorkMem}, true)`;

  const rosRows = await tx.$executeRaw`
    INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date)
    SELECT ${claim.slotId}, 'ROS'::"LedgerKind", ros.stake_id, ros.user_id, ros.amount, ${slot.slot_date}::date
    FROM ${rosRowsSql(slot.scheduled_for, slot.ros_percentage)} WHERE ros.amount > 0`;

  const [premium] = await tx.$queryRaw<PoolPayout[]>(
    allocatePoolSql({
      slotId: claim.slotId,
      slotDate: slot.slot_date,
      kind: "PREMIUM_POOL",
      units: unpaidUnits(slot.premium_pool_amount, slot.premium_pool_paid),
      shares: { equal: premiumQualifiedSql(settings.premiumMinStake, slot.scheduled_for) },
    }),
  );
  const [performance] = await tx.$queryRaw<PoolPayout[]>(
    allocatePoolSql({
      slotId: claim.slotId,
      slotDate: slot.slot_date,
      kind: "PERFORMANCE_POOL",
      units: unpaidUnits(slot.performance_pool_amount, slot.performance_pool_paid),
      shares: {
        weighted: Prisma.sql`SELECT user_id, trunc(score * 100000000) AS weight FROM (${performanceQualifiedSql(settings.performanceMinScore)}) q`,
      },
    }),
  );

  // Every wallet the slot pays, credited by the sum of its rows; the ROS total is what the slot
  // paid less the pools, so the ROS rows are read once, here, and not also returned by their insert.
  const [credited] = await tx.$queryRaw<{ total: string }[]>`
    WITH deltas AS (
      SELECT user_id, sum(amount) AS amount FROM ledger_entries
      WHERE slot_id = ${claim.slotId} AND slot_date = ${slot.slot_date}::date -- one partition, not every month's index
      GROUP BY user_id),
    credited AS (
      INSERT INTO wallets (user_id, balance, updated_at)
      SELECT user_id, amount, now() FROM deltas
      ON CONFLICT (user_id) DO UPDATE SET balance = wallets.balance + EXCLUDED.balance, updated_at = EXCLUDED.updated_at)
    SELECT coalesce(sum(amount), 0)::text AS total FROM deltas`;
  const ros = {
    count: rosRows,
    total: fromUnits(toUnits(credited.total) - toUnits(premium.total) - toUnits(performance.total)),
  };

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
  const base = { slotId: claim.slotId, dayId: claim.dayId, date: claim.date, slotNumber: claim.slotNumber };
  const completed = await moveSlot(tx, {
    dayId: slot.day_id,
    slotId: claim.slotId,
    from: "EXECUTING",
    to: "COMPLETED",
    set: endedAttemptColumns({ attempt: claim.attempt, details, history: attempt }),
    audit: { actor: null, action: "slot.execute", outcome: "OK", details: { ...base, ...details } },
  });
  if (!completed) throw new LeaseLostError(claim); // cannot happen: the row is locked FOR UPDATE above
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
