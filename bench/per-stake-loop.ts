import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

export type LoopRun = { sample: number; ms: number; perStakeMs: number; extrapolatedMs: number };

// A ledger slot id no real slot has (ids are serial, from 1): nothing of the loop can pass for a payout.
const scratchSlotId = -1;

class RollbackLoop extends Error {
  constructor(readonly ms: number) {
    super("rolled back on purpose");
  }
}

/**
 * The baseline a naive implementation would be: for each stake, read it, insert its ledger row
 * and update its wallet, one statement at a time through Prisma. It runs in one transaction, as
 * the payout's all-or-nothing rule requires (and which spares it a commit per statement, so the
 * baseline is the faster loop), and is rolled back: the real ledger and wallets stay untouched.
 */
export async function timePerStakeLoop(options: { sample: number; totalStakes: number; rosPercentage: string }): Promise<LoopRun> {
  const step = Math.max(1, Math.floor(options.totalStakes / options.sample));
  // Spread over the whole table, so the sample does not sit in a few warm pages.
  const ids = await db().$queryRaw<{ id: number }[]>`
    SELECT id FROM stakes WHERE status = 'ACTIVE' AND id % ${step} = 0 ORDER BY id LIMIT ${options.sample}`;
  const ros = new Prisma.Decimal(options.rosPercentage);
  const slotDate = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`); // this month's partition exists: slot 1 ran in it
  let ms = 0;
  try {
    await db().$transaction(
      async (tx) => {
        const started = performance.now();
        for (const { id } of ids) {
          const stake = await tx.stake.findUniqueOrThrow({ where: { id } });
          const amount = stake.principal.mul(ros).div(100).toDecimalPlaces(8, Prisma.Decimal.ROUND_DOWN);
          await tx.ledgerEntry.create({
            data: { slotId: scratchSlotId, kind: "ROS", subjectId: stake.id, userId: stake.userId, amount, slotDate },
          });
          await tx.wallet.update({ where: { userId: stake.userId }, data: { balance: { increment: amount } } });
        }
        throw new RollbackLoop(performance.now() - started);
      },
      { maxWait: 15_000, timeout: 30 * 60_000 },
    );
  } catch (error) {
    if (!(error instanceof RollbackLoop)) throw error;
    ms = error.ms;
  }
  const perStakeMs = ms / ids.length;
  return { sample: ids.length, ms, perStakeMs, extrapolatedMs: perStakeMs * options.totalStakes };
}
