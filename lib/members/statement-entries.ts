import { fromUnits, toUnits } from "@/lib/distribution/money";

/** One ledger entry of a member in the statement's period, with what explains it. */
export type StatementEntry = {
  date: string;
  slotNumber: number;
  scheduledFor: Date;
  rosPercentage: string;
  kind: "ROS" | "PREMIUM_POOL" | "PERFORMANCE_POOL";
  stakeId: number | null;
  stakeExternalId: string | null;
  principal: string | null;
  amount: string;
};

const add = (a: string, b: string) => fromUnits(toUnits(a) + toUnits(b));

/**
 * The statement's slots from ledger entries in (date, slot, kind, stake) order: each slot's ROS
 * per stake, its pool shares, its total and the balance after it, starting from `opening`
 * (everything paid before the period). Pure, exact (integer units).
 */
export function groupStatementEntries(entries: StatementEntry[], opening: string) {
  const slots: {
    date: string;
    slotNumber: number;
    scheduledFor: string;
    rosPercentage: string;
    ros: { stakeId: number; stakeExternalId: string | null; principal: string | null; amount: string }[];
    premiumPoolShare: string;
    performancePoolShare: string;
    total: string;
    balance: string;
  }[] = [];
  let balance = opening;
  const totals = { ros: "0", premiumPool: "0", performancePool: "0", all: "0" };
  for (const entry of entries) {
    let slot = slots.at(-1);
    if (!slot || slot.date !== entry.date || slot.slotNumber !== entry.slotNumber) {
      slot = {
        date: entry.date,
        slotNumber: entry.slotNumber,
        scheduledFor: entry.scheduledFor.toISOString(),
        rosPercentage: fromUnits(toUnits(entry.rosPercentage)),
        ros: [],
        premiumPoolShare: "0",
        performancePoolShare: "0",
        total: "0",
        balance,
      };
      slots.push(slot);
    }
    const amount = fromUnits(toUnits(entry.amount));
    if (entry.kind === "ROS") {
      slot.ros.push({ stakeId: entry.stakeId ?? 0, stakeExternalId: entry.stakeExternalId, principal: entry.principal, amount });
      totals.ros = add(totals.ros, amount);
    } else if (entry.kind === "PREMIUM_POOL") {
      slot.premiumPoolShare = add(slot.premiumPoolShare, amount);
      totals.premiumPool = add(totals.premiumPool, amount);
    } else {
      slot.performancePoolShare = add(slot.performancePoolShare, amount);
      totals.performancePool = add(totals.performancePool, amount);
    }
    slot.total = add(slot.total, amount);
    totals.all = add(totals.all, amount);
    balance = add(balance, amount);
    slot.balance = balance;
  }
  return { slots, totals, closingBalance: balance };
}
