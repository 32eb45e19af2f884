import type { DbExecutor } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertLedgerLive } from "@/lib/ledger/assert-ledger-live";
import type { PayoutExportScope } from "./payout-row";

/** The day of `date` and its slots (or just slot `slotNumber`), of one member (by externalId) or all; 404 when any does not exist. */
export async function findExportScope(options: {
  db: DbExecutor;
  date: string;
  slotNumber?: number;
  memberExternalId?: string;
}): Promise<PayoutExportScope> {
  const day = await options.db.day.findUnique({
    where: { date: new Date(`${options.date}T00:00:00.000Z`) },
    select: {
      slots: {
        where: options.slotNumber === undefined ? undefined : { slotNumber: options.slotNumber },
        select: { id: true, slotNumber: true, scheduledFor: true },
        orderBy: { slotNumber: "asc" },
      },
    },
  });
  if (!day) throw new AppError("NOT_FOUND", `No distribution day on ${options.date}`);
  await assertLedgerLive({ db: options.db, from: options.date, to: options.date, what: "A payout export" });
  if (options.slotNumber !== undefined && day.slots.length === 0) {
    throw new AppError("NOT_FOUND", `Slot ${options.slotNumber} does not exist on ${options.date}`);
  }
  let userId: number | null = null;
  if (options.memberExternalId !== undefined) {
    const member = await options.db.user.findUnique({ where: { externalId: options.memberExternalId }, select: { id: true } });
    if (!member) throw new AppError("NOT_FOUND", `No member with externalId ${options.memberExternalId}`);
    userId = member.id;
  }
  return {
    date: options.date,
    userId,
    slots: day.slots.map((slot) => ({ id: slot.id, slotNumber: slot.slotNumber, scheduledFor: slot.scheduledFor.toISOString() })),
  };
}
