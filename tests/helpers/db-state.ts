import { db } from "@/lib/db/client";

// What "a rejected request changes nothing" is checked against. The audit log is left out on
// purpose: refusals are audited.

export async function snapshotState() {
  const [days, slots, settings, ledger, wallets, stakes, members, apiKeys] = await Promise.all([
    db().day.findMany({ orderBy: { id: "asc" } }),
    db().slot.findMany({ orderBy: { id: "asc" } }),
    db().settings.findMany({ orderBy: { id: "asc" } }),
    db().ledgerEntry.findMany({ orderBy: [{ slotId: "asc" }, { kind: "asc" }, { subjectId: "asc" }] }),
    db().wallet.findMany({ orderBy: { userId: "asc" } }),
    db().stake.findMany({ orderBy: { id: "asc" } }),
    // Members as the bulk upserts write them (not the sign-in fields a valid code moves on).
    db().user.findMany({ orderBy: { id: "asc" }, select: { id: true, externalId: true, email: true, name: true, performanceScore: true } }),
    // Keys without their last use, which any authenticated request may move.
    db().apiKey.findMany({ orderBy: { id: "asc" }, omit: { lastUsedAt: true } }),
  ]);
  // Through JSON so Decimals and Dates compare by value.
  return JSON.parse(JSON.stringify({ days, slots, settings, ledger, wallets, stakes, members, apiKeys })) as unknown;
}

/** The stored slots of a day by slot number, as JSON values, for "left untouched" checks. */
export async function storedSlots(dayId: number) {
  const slots = await db().slot.findMany({ where: { dayId }, orderBy: { slotNumber: "asc" } });
  return new Map(slots.map((slot) => [slot.slotNumber, JSON.parse(JSON.stringify(slot)) as Record<string, unknown>]));
}

export async function resetDays(): Promise<void> {
  await db().slot.deleteMany();
  await db().day.deleteMany();
}
