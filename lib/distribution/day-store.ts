import type { DbExecutor } from "@/lib/db/client";
import { Prisma, type Day, type Slot } from "@/lib/db/generated/client";
import type { DayState, SlotState } from "./day-state";
import { plainDecimal } from "./money";
import { addPendingSlots, editPendingSlot, moveSlot, removePendingSlots, saveDayStatus } from "./slot-transitions";

export type DayRow = Day & { slots: Slot[] };

const dateValue = (date: string) => new Date(`${date}T00:00:00.000Z`);

export function findDay(client: DbExecutor, date: string): Promise<DayRow | null> {
  return client.day.findUnique({ where: { date: dateValue(date) }, include: { slots: { orderBy: { slotNumber: "asc" } } } });
}

export function toSlotState(slot: Slot): SlotState {
  return {
    slotNumber: slot.slotNumber,
    rosPercentage: plainDecimal(slot.rosPercentage),
    scheduledFor: slot.scheduledFor,
    status: slot.status,
    attempts: slot.attempts,
    executionDetails: slot.executionDetails,
  };
}

export function toDayState(day: DayRow): DayState {
  return {
    premiumPoolAmount: plainDecimal(day.premiumPoolAmount),
    performancePoolAmount: plainDecimal(day.performancePoolAmount),
    premiumPoolPaid: plainDecimal(day.premiumPoolPaid),
    performancePoolPaid: plainDecimal(day.performancePoolPaid),
    description: day.description,
    multiSlotEnabled: day.multiSlotEnabled,
    slots: day.slots.map(toSlotState),
  };
}

const sameSlot = (a: SlotState, b: SlotState) =>
  a.rosPercentage === b.rosPercentage &&
  a.scheduledFor.getTime() === b.scheduledFor.getTime() &&
  a.status === b.status &&
  a.attempts === b.attempts &&
  JSON.stringify(a.executionDetails) === JSON.stringify(b.executionDetails);

const detailsJson = (details: unknown) => (details === null || details === undefined ? null : JSON.stringify(details));

/** The columns a plan's status change (an admin retry) writes with the new status. */
const plannedColumns = (slot: SlotState) => [
  Prisma.sql`ros_percentage = ${slot.rosPercentage}::numeric`,
  Prisma.sql`scheduled_for = ${slot.scheduledFor}`,
  Prisma.sql`attempts = ${slot.attempts}`,
  Prisma.sql`execution_details = ${detailsJson(slot.executionDetails)}::jsonb`,
];

/**
 * Writes a planned day in the caller's transaction — its fields, the slots added, changed and
 * removed, every slot write through slot-transitions.ts — and returns the day as saved, its
 * status derived there. Only PENDING slots are ever deleted or edited by an admin change.
 */
export async function saveDayPlan(
  tx: DbExecutor,
  options: { date: string; existing: DayRow | null; next: DayState; queuedById: number | null },
): Promise<DayRow> {
  const { existing, next } = options;
  const fields = {
    premiumPoolAmount: next.premiumPoolAmount,
    performancePoolAmount: next.performancePoolAmount,
    description: next.description,
    multiSlotEnabled: next.multiSlotEnabled,
  };
  // Every admin change is a new version of the day; executions never bump it.
  const dayId = existing
    ? (await tx.day.update({ where: { id: existing.id }, data: { ...fields, version: { increment: 1 } } })).id
    : (await tx.day.create({ data: { ...fields, date: dateValue(options.date), queuedById: options.queuedById } })).id;

  const before = new Map((existing?.slots ?? []).map((slot) => [slot.slotNumber, slot]));
  const after = new Set(next.slots.map((slot) => slot.slotNumber));
  await removePendingSlots(tx, { dayId, slotNumbers: [...before.keys()].filter((n) => !after.has(n)) });
  await addPendingSlots(tx, { dayId, slots: next.slots.filter((slot) => !before.has(slot.slotNumber)) });
  for (const slot of next.slots) {
    const row = before.get(slot.slotNumber);
    if (!row) continue;
    const previous = toSlotState(row);
    if (sameSlot(previous, slot)) continue;
    if (previous.status === slot.status) await editPendingSlot(tx, { dayId, slot });
    else await moveSlot(tx, { dayId, slotId: row.id, from: previous.status, to: slot.status, set: plannedColumns(slot) });
  }
  return saveDayStatus(tx, dayId);
}
