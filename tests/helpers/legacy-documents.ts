import { prepareLegacyEntry } from "@/lib/legacy/prepare-legacy-entry";
import type { ImportedDay } from "@/lib/legacy/map-legacy-document";

// Legacy documents as mongoexport writes them (relaxed Extended JSON), built from a valid one.

export const legacyId = "695b565ca3f1c29e4b0d1e01";

/** What JSON.parse would give: no key holds undefined. */
const withoutUndefined = (doc: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));

/** Slot n at 07:00 + n hours (minutes past 08:00 beyond slot 16). */
export const slotJson = (slotNumber: number, extra: Record<string, unknown> = {}) =>
  withoutUndefined({
    slotNumber,
    rosPercentage: 2.5,
    scheduledFor: {
      $date: new Date(
        Date.UTC(2026, 1, 13, 7) + Math.min(slotNumber, 16) * 3_600_000 + Math.max(slotNumber - 16, 0) * 60_000,
      ).toISOString(),
    },
    ...extra,
  });

/** A valid multi-slot document with two slots and no per-slot status; `overrides` replace fields, undefined removes one. */
export function legacyJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return withoutUndefined({
    _id: { $oid: legacyId },
    date: "2026-02-13",
    premiumPoolAmount: 5000,
    performancePoolAmount: 3000,
    description: "Morning distributions",
    multiSlotEnabled: true,
    distributionSlots: [slotJson(1), slotJson(2)],
    status: "PENDING",
    queuedAt: { $date: "2026-02-13T07:00:00.000Z" },
    queuedBy: { $oid: "64f0c1d2e3a4b5c6d7e8f901" },
    ...overrides,
  });
}

export const prepare = (json: unknown) => prepareLegacyEntry({ index: 1, line: 1, json });

export function importedDay(json: unknown): ImportedDay {
  const prepared = prepare(json);
  if (!prepared.valid) throw new Error(`expected a valid document, got: ${prepared.reason}`);
  return prepared.day;
}

export function invalidReason(json: unknown): string {
  const prepared = prepare(json);
  if (prepared.valid) throw new Error("expected an invalid document");
  return prepared.reason;
}

/** The executionDetails an imported COMPLETED slot gets when the document held none of its own. */
export const zeroed = (executedAt: string) => ({
  executedAt,
  rosStats: { processedStakes: 0, totalDistributed: 0 },
  premiumPoolStats: { qualifiedUsers: 0, totalDistributed: 0 },
  performancePoolStats: { qualifiedUsers: 0, totalDistributed: 0 },
  imported: true,
});
