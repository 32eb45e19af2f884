import type { DbExecutor } from "@/lib/db/client";
import { Prisma, type Day, type Slot } from "@/lib/db/generated/client";
import type { DayState, SlotState } from "./day-state";
import { plainDecimal } from "./money";
import { deriveDayStatus } from "./slot-status";

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

const detailsValue = (details: unknown) => (details === null || details === undefined ? Prisma.DbNull : (details as Prisma.InputJsonValue));

/**
 * Writes a planned day: its fields, the slots added, changed and removed, and the day status
 * derived from the result — all in the caller's transaction. Only PENDING slots are ever
 * deleted or rewritten by an admin change; the WHERE clauses hold to that even if a plan did not.
 */
export async function saveDayPlan(
  tx: DbExecutor,
  options: { date: string; existing: DayRow | null; next: DayState; queuedById: number | null },
): Promise<void> {
  const { existing, next } = options;
  const fields = {
    premiumPoolAmount: next.premiumPoolAmount,
    performancePoolAmount: next.performancePoolAmount,
    description: next.description,
    multiSlotEnabled: next.multiSlotEnabled,
    status: deriveDayStatus(next.slots.map((slot) => slot.status)),
  };
  // Every admin change is a new version of the day; executions never bump it.
  const dayId = existing
    ? (await tx.day.update({ where: { id: existing.id }, data: { ...fields, version: { increment: 1 } } })).id
    : (await tx.day.create({ data: { ...fields, date: dateValue(options.date), queuedById: options.queuedById } })).id;

  const before = new Map((existing?.slots ?? []).map((slot) => [slot.slotNumber, toSlotState(slot)]));
  const after = new Set(next.slots.map((slot) => slot.slotNumber));
  const removed = [...before.keys()].filter((n) => !after.has(n));
  if (removed.length > 0) {
    await tx.slot.deleteMany({ where: { dayId, slotNumber: { in: removed }, status: "PENDING" } });
  }
  const added = next.slots.filter((slot) => !before.has(slot.slotNumber));
  if (added.length > 0) {
    await tx.slot.createMany({
      data: added.map((slot) => ({
        dayId,
        slotNumber: slot.slotNumber,
        rosPercentage: slot.rosPercentage,
        scheduledFor: slot.scheduledFor,
        status: slot.status,
        attempts: slot.attempts,
      })),
    });
  }
  for (const slot of next.slots) {
    const previous = before.get(slot.slotNumber);
    if (!previous || sameSlot(previous, slot)) continue;
    await tx.slot.updateMany({
      where: { dayId, slotNumber: slot.slotNumber, status: { in: ["PENDING", "FAILED"] } },
      data: {
        rosPercentage: slot.rosPercentage,
        scheduledFor: slot.scheduledFor,
        status: slot.status,
        attempts: slot.attempts,
        executionDetails: detailsValue(slot.executionDetails),
      },
    });
  }
}
