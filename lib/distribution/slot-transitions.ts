import type { DbExecutor } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { enqueueSlotMessage } from "@/lib/webhooks/enqueue-slot-message";
import { lockDayById } from "./day-lock";
import { signalDayChanged } from "./day-signal";
import type { DayRow } from "./day-store";
import type { SlotState } from "./day-state";
import { deriveDayStatus, type SlotStatus } from "./slot-status";

// The one writer of a slot's status (SPEC §2, decision 020): every claim, payout, failure,
// reap, miss and admin change moves a slot through this file, in the caller's transaction,
// and the day status is saved here and nowhere else.

/** SPEC §2's table — nothing else is allowed. COMPLETED is terminal. */
export const slotTransitions = [
  { from: "PENDING", to: "EXECUTING", by: "an executor's claim (compare-and-set) when due; it takes a lease" },
  { from: "EXECUTING", to: "COMPLETED", by: "the same transaction that writes the slot's payouts" },
  { from: "EXECUTING", to: "FAILED", by: "an error (the payout rolled back), or the reaper after maxAttempts" },
  { from: "EXECUTING", to: "PENDING", by: "the reaper, when the lease expired: attempt + 1" },
  { from: "PENDING", to: "FAILED", by: "the scheduler, when now − scheduledFor > maxLateness" },
  { from: "FAILED", to: "PENDING", by: "an admin retry (2FA)" },
  { from: "PENDING", to: "removed", by: "an admin modify that omits it (audited)" },
] as const satisfies readonly { from: SlotStatus; to: SlotStatus | "removed"; by: string }[];

export const canTransition = (from: SlotStatus, to: SlotStatus) => slotTransitions.some((move) => move.from === from && move.to === to);

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: SlotStatus,
    readonly to: SlotStatus,
  ) {
    super(`A ${from} slot cannot become ${to}`);
    this.name = "IllegalTransitionError";
  }
}

export function assertTransition(from: SlotStatus, to: SlotStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

/** The slot row as a move left it, for whatever the caller writes next in its transaction. */
export type MovedSlot = {
  id: number;
  dayId: number;
  slotNumber: number;
  status: SlotStatus;
  attempts: number;
  scheduledFor: Date;
  executionDetails: unknown;
};

type Move = {
  dayId: number;
  slotId: number;
  from: SlotStatus;
  to: SlotStatus;
  /** Columns written with the status, as `column = value` fragments. */
  set?: Prisma.Sql[];
  /** What else the row must still be: the lease holder's, past the missed cutoff. */
  where?: Prisma.Sql[];
  /** The audit row of the move, written in the same transaction. */
  audit?: AuditEntry;
};

/**
 * Moves one slot `from` → `to` by compare-and-set (`WHERE status = from`), in the caller's
 * transaction: a move not in the table throws before anything is written; a slot no longer
 * `from` (or failing `where`) is left alone and null returned. Then a slot that ended gets its
 * outbox message, the day status is saved, the other processes' schedulers are told when the day
 * may have work again, and the audit row is written.
 */
export async function moveSlot(tx: DbExecutor, move: Move): Promise<MovedSlot | null> {
  assertTransition(move.from, move.to);
  await lockDayById(tx, move.dayId); // re-entrant: most callers hold it already
  const set = [Prisma.sql`status = ${move.to}::"SlotStatus"`, ...(move.set ?? []), Prisma.sql`updated_at = now()`];
  const where = [
    Prisma.sql`id = ${move.slotId}`,
    Prisma.sql`day_id = ${move.dayId}`,
    Prisma.sql`status = ${move.from}::"SlotStatus"`,
    ...(move.where ?? []),
  ];
  const [moved] = await tx.$queryRaw<MovedSlot[]>`
    UPDATE slots SET ${Prisma.join(set, ", ")} WHERE ${Prisma.join(where, " AND ")}
    RETURNING id, day_id AS "dayId", slot_number AS "slotNumber", status, attempts, scheduled_for AS "scheduledFor",
              execution_details AS "executionDetails"`;
  if (!moved) return null;
  // Every end of a slot is announced; the message commits with the slot or not at all (decision 022).
  if (move.to === "COMPLETED" || move.to === "FAILED") await enqueueSlotMessage(tx, { slotId: move.slotId });
  await saveDayStatus(tx, move.dayId);
  // A slot that stopped executing, or is PENDING again, may let a day's next slot run.
  if (move.from === "EXECUTING" || move.to === "PENDING") await signalDayChanged(tx, move.dayId);
  if (move.audit) await recordAudit(move.audit, tx);
  return moved;
}

/** New slots of an admin plan: they start PENDING, with no attempts. */
export async function addPendingSlots(tx: DbExecutor, options: { dayId: number; slots: readonly SlotState[] }): Promise<void> {
  if (options.slots.length === 0) return;
  await tx.slot.createMany({
    data: options.slots.map((slot) => ({
      dayId: options.dayId,
      slotNumber: slot.slotNumber,
      rosPercentage: slot.rosPercentage,
      scheduledFor: slot.scheduledFor,
    })),
  });
}

/** An admin's edit of a PENDING slot that keeps it PENDING: ROS and time. Other statuses are history or in flight. */
export async function editPendingSlot(tx: DbExecutor, options: { dayId: number; slot: SlotState }): Promise<void> {
  const { slot } = options;
  await tx.slot.updateMany({
    where: { dayId: options.dayId, slotNumber: slot.slotNumber, status: "PENDING" },
    data: {
      rosPercentage: slot.rosPercentage,
      scheduledFor: slot.scheduledFor,
      attempts: slot.attempts,
      executionDetails:
        slot.executionDetails === null || slot.executionDetails === undefined
          ? Prisma.DbNull
          : (slot.executionDetails as Prisma.InputJsonValue),
    },
  });
}

/** PENDING → removed: an admin modify that omits them. Any other status is kept whatever the plan says. */
export async function removePendingSlots(tx: DbExecutor, options: { dayId: number; slotNumbers: readonly number[] }): Promise<void> {
  if (options.slotNumbers.length === 0) return;
  await tx.slot.deleteMany({ where: { dayId: options.dayId, slotNumber: { in: [...options.slotNumbers] }, status: "PENDING" } });
}

/**
 * The one way a day's status is saved: derived from its slots as they now are (seed 000's rule),
 * in the transaction that changed them, under the day lock. Returns the saved day with its slots.
 */
export async function saveDayStatus(tx: DbExecutor, dayId: number): Promise<DayRow> {
  const slots = await tx.slot.findMany({ where: { dayId }, orderBy: { slotNumber: "asc" } });
  const day = await tx.day.update({ where: { id: dayId }, data: { status: deriveDayStatus(slots.map((slot) => slot.status)) } });
  return { ...day, slots };
}
