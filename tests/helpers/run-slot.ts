import { db } from "@/lib/db/client";
import { claimDueSlot, type ClaimedSlot } from "@/lib/distribution/execution/claim-due-slot";
import { executeClaimedSlot } from "@/lib/distribution/execution/execute-claimed-slot";
import { newLeaseOwner } from "@/lib/distribution/execution/lease";

// The real executor, one slot at a time, for tests that need a day in a given state: the claim
// and the payout the schedulers run, paying whatever population the test created. A FAILED slot
// is a real failed payout — the wallets refuse the write, the payout rolls back, the executor
// records the failure — never a status written by hand.

export type Outcome = "COMPLETED" | "FAILED";

const dateValue = (date: string) => new Date(`${date}T00:00:00.000Z`);

export async function dayIdOf(date: string): Promise<number> {
  return (await db().day.findUniqueOrThrow({ where: { date: dateValue(date) }, select: { id: true } })).id;
}

/** Claims the day's slot (PENDING → EXECUTING) as an executor does at its time; it must be the day's next due slot. */
export async function claimSlot(dayId: number, slotNumber: number): Promise<ClaimedSlot> {
  const slot = await db().slot.findUniqueOrThrow({ where: { dayId_slotNumber: { dayId, slotNumber } } });
  // A slot later today is claimed as of its own time; its stakes and pools are those of that time.
  const now = new Date(Math.max(Date.now(), slot.scheduledFor.getTime()));
  const claim = await claimDueSlot({ now, leaseOwner: newLeaseOwner(), onlyDayId: dayId, onlySlotId: slot.id });
  if (!claim) throw new Error(`slot ${slotNumber} of day ${dayId} is not the day's next due PENDING slot`);
  return claim;
}

async function refuseWallets(refuse: boolean): Promise<void> {
  await db().$executeRawUnsafe("DROP TRIGGER IF EXISTS test_refuse_payout ON wallets");
  if (!refuse) return;
  await db().$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_refuse_payout() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected: the wallets refused the payout'; END $$`);
  await db().$executeRawUnsafe(
    "CREATE TRIGGER test_refuse_payout BEFORE INSERT ON wallets FOR EACH STATEMENT EXECUTE FUNCTION test_refuse_payout()",
  );
}

/** Runs the claimed slot's payout to `outcome`: paid, or failed by an injected database error. */
export async function finishSlot(claim: ClaimedSlot, outcome: Outcome): Promise<void> {
  if (outcome === "FAILED") await refuseWallets(true);
  try {
    const result = await executeClaimedSlot(claim);
    if (result.status !== outcome) throw new Error(`slot ${claim.slotNumber} ended ${result.status}, not ${outcome}: ${result.error}`);
  } finally {
    if (outcome === "FAILED") await refuseWallets(false);
  }
}

/** A whole execution of one slot: claimed, then paid or failed. */
export async function runSlot(dayId: number, slotNumber: number, outcome: Outcome): Promise<void> {
  await finishSlot(await claimSlot(dayId, slotNumber), outcome);
}
