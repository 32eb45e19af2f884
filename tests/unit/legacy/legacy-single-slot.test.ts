import { describe, expect, it } from "vitest";
import { executingImportError, failedImportError } from "@/lib/legacy/map-legacy-document";
import { importedDay, legacyJson, slotJson, zeroed } from "../../helpers/legacy-documents";

// A legacy document with multiSlotEnabled false becomes a day with one slot.

describe("single-slot documents", () => {
  const single = (extra: Record<string, unknown>) =>
    legacyJson({ multiSlotEnabled: false, distributionSlots: undefined, rosPercentage: 2.75, ...extra });

  it("become slot 1 with the document's rosPercentage and scheduledFor, multiSlotEnabled false", () => {
    const day = importedDay(single({ scheduledFor: { $date: "2026-02-13T12:00:00Z" } }));
    expect(day.multiSlotEnabled).toBe(false);
    expect(day.slots).toEqual([
      {
        slotNumber: 1,
        rosPercentage: "2.75",
        scheduledFor: new Date("2026-02-13T12:00:00Z"),
        status: "PENDING",
        attempts: 0,
        executionDetails: null,
      },
    ]);
  });

  it("are scheduled at queuedAt when they have no scheduledFor", () => {
    expect(importedDay(single({})).slots[0].scheduledFor).toEqual(new Date("2026-02-13T07:00:00.000Z"));
  });

  it("include documents with no distributionSlots or an empty list, and ignore a list when multiSlotEnabled is false", () => {
    for (const extra of [
      { multiSlotEnabled: undefined },
      { multiSlotEnabled: true, distributionSlots: [] },
      { multiSlotEnabled: true, distributionSlots: null },
      { distributionSlots: [slotJson(3, { rosPercentage: 9 }), slotJson(4)] },
    ]) {
      const day = importedDay(single(extra));
      expect(day.slots.map((s) => [s.slotNumber, s.rosPercentage])).toEqual([[1, "2.75"]]);
      expect(day.multiSlotEnabled).toBe(false);
    }
  });

  it("take the document's status as their one slot's, EXECUTING becoming FAILED", () => {
    const statusOf = (status: unknown) => importedDay(single({ status })).slots[0];
    expect(statusOf("COMPLETED")).toMatchObject({ status: "COMPLETED", executionDetails: zeroed("2026-02-13T07:00:00.000Z") });
    expect(statusOf("EXECUTING")).toMatchObject({ status: "FAILED", executionDetails: { error: executingImportError } });
    expect(statusOf("FAILED")).toMatchObject({ status: "FAILED", executionDetails: { error: failedImportError } });
    expect(statusOf(undefined)).toMatchObject({ status: "PENDING", executionDetails: null });
    expect(importedDay(single({ status: "COMPLETED" }))).toMatchObject({
      status: "COMPLETED",
      premiumPoolPaid: "5000",
      performancePoolPaid: "3000",
    });
  });
});
