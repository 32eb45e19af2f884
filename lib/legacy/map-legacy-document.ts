import { deriveDayStatus, type SlotStatus } from "@/lib/distribution/slot-status";
import type { DayState, SlotState } from "@/lib/distribution/day-state";
import { toPlainJson, type DecodedValue, type JsonValue } from "./extended-json";
import type { LegacyDocument, LegacySlot } from "./legacy-document";

// Seed 000's migration rule, applied on the way into Slotpay (docs/decisions/004-legacy-import.md).

export const executingImportError = "Imported while EXECUTING in the previous system; check the payouts, then retry";
export const failedImportError = "Failed in the previous system";

export type JsonObject = { [key: string]: JsonValue };

export type ImportedSlot = Omit<SlotState, "executionDetails"> & { executionDetails: JsonObject | null };

export type ImportedDay = Omit<DayState, "slots"> & {
  legacyId: string;
  date: string;
  status: SlotStatus;
  queuedAt: Date;
  slots: ImportedSlot[];
};

const zeroedDetails = (executedAt: Date): JsonObject => ({
  executedAt: executedAt.toISOString(),
  rosStats: { processedStakes: 0, totalDistributed: 0 },
  premiumPoolStats: { qualifiedUsers: 0, totalDistributed: 0 },
  performancePoolStats: { qualifiedUsers: 0, totalDistributed: 0 },
  imported: true,
});

const plainDetails = (details: { [key: string]: DecodedValue }) => toPlainJson(details) as JsonObject;

function importSlot(slot: LegacySlot, doc: LegacyDocument): ImportedSlot {
  const executedAt = doc.lastExecutedAt ?? doc.queuedAt;
  const base = { slotNumber: slot.slotNumber, rosPercentage: slot.rosPercentage, scheduledFor: slot.scheduledFor };
  const carried = slot.executionDetails ? plainDetails(slot.executionDetails) : null;
  const executed = (status: SlotStatus, details: JsonObject): ImportedSlot => ({
    ...base,
    status,
    attempts: 1,
    executionDetails: { ...details, executedAt: details.executedAt ?? executedAt.toISOString(), imported: true },
  });

  switch (slot.status) {
    case null: // no per-slot status yet: the document's status decides for all its slots
      return doc.status === "COMPLETED"
        ? executed("COMPLETED", zeroedDetails(executedAt))
        : { ...base, status: "PENDING", attempts: 0, executionDetails: null };
    case "PENDING":
      return { ...base, status: "PENDING", attempts: 0, executionDetails: null };
    case "COMPLETED":
      return executed("COMPLETED", carried ?? zeroedDetails(executedAt));
    case "FAILED":
      return executed("FAILED", { ...carried, error: carried?.error ?? failedImportError });
    case "EXECUTING": // nothing here holds its lease; what it paid is unknown
      return executed("FAILED", { ...carried, error: executingImportError });
  }
}

/** The Slotpay day and slots for a checked legacy document. */
export function mapLegacyDocument(doc: LegacyDocument): ImportedDay {
  const slots = doc.slots.map((slot) => importSlot(slot, doc));
  // The old system paid both pools in full whenever a slot completed: never pay them again.
  const poolsPaid = slots.some((slot) => slot.status === "COMPLETED");
  return {
    legacyId: doc.legacyId,
    date: doc.date,
    premiumPoolAmount: doc.premiumPoolAmount,
    performancePoolAmount: doc.performancePoolAmount,
    premiumPoolPaid: poolsPaid ? doc.premiumPoolAmount : "0",
    performancePoolPaid: poolsPaid ? doc.performancePoolAmount : "0",
    description: doc.description,
    multiSlotEnabled: !doc.singleSlot,
    status: deriveDayStatus(slots.map((slot) => slot.status)),
    queuedAt: doc.queuedAt,
    slots,
  };
}
