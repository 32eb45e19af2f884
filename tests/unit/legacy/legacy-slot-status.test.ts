import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveDayStatus, slotStatuses, type SlotStatus } from "@/lib/distribution/slot-status";
import type { LegacyDocument } from "@/lib/legacy/legacy-document";
import { executingImportError, failedImportError, mapLegacyDocument } from "@/lib/legacy/map-legacy-document";
import { importedDay, legacyId, legacyJson, slotJson, zeroed } from "../../helpers/legacy-documents";

// The status a legacy day's slots are imported with: seed 000's migration rule for slots without
// one, their own otherwise (EXECUTING excepted), and the day status derived from them.

describe("slots without a status (seed 000's migration rule)", () => {
  it("become COMPLETED with zeroed details at lastExecution's time when the document was COMPLETED, pools marked paid", () => {
    const day = importedDay(legacyJson({ status: "COMPLETED", lastExecution: { executedAt: { $date: "2026-02-13T09:00:04.500Z" } } }));
    expect(day.slots).toEqual([
      {
        slotNumber: 1,
        rosPercentage: "2.5",
        scheduledFor: new Date("2026-02-13T08:00:00.000Z"),
        status: "COMPLETED",
        attempts: 1,
        executionDetails: zeroed("2026-02-13T09:00:04.500Z"),
      },
      {
        slotNumber: 2,
        rosPercentage: "2.5",
        scheduledFor: new Date("2026-02-13T09:00:00.000Z"),
        status: "COMPLETED",
        attempts: 1,
        executionDetails: zeroed("2026-02-13T09:00:04.500Z"),
      },
    ]);
    expect(day).toMatchObject({ status: "COMPLETED", premiumPoolPaid: "5000", performancePoolPaid: "3000" });
  });

  it("take queuedAt as executedAt when there is no lastExecution", () => {
    for (const lastExecution of [undefined, null, {}]) {
      const day = importedDay(legacyJson({ status: "COMPLETED", lastExecution }));
      expect(day.slots.map((s) => s.executionDetails)).toEqual([zeroed("2026-02-13T07:00:00.000Z"), zeroed("2026-02-13T07:00:00.000Z")]);
    }
  });

  it.each(["PENDING", "EXECUTING", "FAILED", undefined, null])("become PENDING with no details when the document was %s", (status) => {
    const day = importedDay(legacyJson({ status }));
    expect(day.slots.map((s) => [s.status, s.attempts, s.executionDetails])).toEqual([
      ["PENDING", 0, null],
      ["PENDING", 0, null],
    ]);
    expect(day).toMatchObject({ status: "PENDING", premiumPoolPaid: "0", performancePoolPaid: "0" });
  });
});

describe("slots with a status", () => {
  const mixed = legacyJson({
    status: "EXECUTING",
    lastExecution: { executedAt: { $date: "2026-02-13T08:00:05.000Z" } },
    distributionSlots: [
      slotJson(1, {
        status: "COMPLETED",
        executionDetails: {
          executedAt: { $date: "2026-02-13T08:00:05.123Z" },
          rosStats: { processedStakes: { $numberInt: "150" }, totalDistributed: { $numberDecimal: "3750.5" } },
          premiumPoolStats: { qualifiedUsers: 45, totalDistributed: 5000 },
          performancePoolStats: { qualifiedUsers: 30, totalDistributed: 3000 },
        },
      }),
      slotJson(2, { status: "EXECUTING", executionDetails: null }),
      slotJson(3, {
        status: "FAILED",
        executionDetails: { executedAt: { $date: "2026-02-13T10:00:01.000Z" }, error: "Connection pool timed out" },
      }),
      slotJson(4, { status: "FAILED" }),
      slotJson(5, { status: "PENDING", executionDetails: { executedAt: { $date: "2026-02-13T11:00:00.000Z" } } }),
      slotJson(6, { status: "COMPLETED", executionDetails: null }),
    ],
  });

  it("keep it, with their details as JSON and marked imported", () => {
    const [completed, , failed, failedBare, pending, completedBare] = importedDay(mixed).slots;
    expect(completed).toMatchObject({ status: "COMPLETED", attempts: 1 });
    expect(completed.executionDetails).toEqual({
      executedAt: "2026-02-13T08:00:05.123Z",
      rosStats: { processedStakes: 150, totalDistributed: 3750.5 },
      premiumPoolStats: { qualifiedUsers: 45, totalDistributed: 5000 },
      performancePoolStats: { qualifiedUsers: 30, totalDistributed: 3000 },
      imported: true,
    });
    expect(failed).toMatchObject({
      status: "FAILED",
      executionDetails: { executedAt: "2026-02-13T10:00:01.000Z", error: "Connection pool timed out", imported: true },
    });
    expect(failedBare).toMatchObject({
      status: "FAILED",
      executionDetails: { executedAt: "2026-02-13T08:00:05.000Z", error: failedImportError, imported: true },
    });
    expect(pending).toMatchObject({ status: "PENDING", attempts: 0, executionDetails: null });
    expect(completedBare.executionDetails).toEqual(zeroed("2026-02-13T08:00:05.000Z"));
  });

  it("except EXECUTING, which nothing here holds: FAILED, with the reason to check before retrying", () => {
    const executing = importedDay(mixed).slots[1];
    expect(executing).toMatchObject({ slotNumber: 2, status: "FAILED", attempts: 1 });
    expect(executing.executionDetails).toEqual({ executedAt: "2026-02-13T08:00:05.000Z", error: executingImportError, imported: true });
    expect(executingImportError).toBe("Imported while EXECUTING in the previous system; check the payouts, then retry");
  });

  it("give the day the status derived from them, and pools paid because a slot completed", () => {
    expect(importedDay(mixed)).toMatchObject({ status: "PENDING", premiumPoolPaid: "5000", performancePoolPaid: "3000" });
    const failedDay = importedDay(
      legacyJson({ distributionSlots: [slotJson(1, { status: "COMPLETED" }), slotJson(2, { status: "EXECUTING" })] }),
    );
    expect(failedDay).toMatchObject({ status: "FAILED", premiumPoolPaid: "5000" });
    const nothingPaid = importedDay(
      legacyJson({ distributionSlots: [slotJson(1, { status: "FAILED" }), slotJson(2, { status: "EXECUTING" })] }),
    );
    expect(nothingPaid).toMatchObject({ status: "FAILED", premiumPoolPaid: "0", performancePoolPaid: "0" });
  });
});

describe("mapLegacyDocument, for any mix of statuses", () => {
  const status = fc.constantFrom<SlotStatus | null>(null, ...slotStatuses);
  const documents = fc
    .record({ docStatus: status, slots: fc.array(status, { minLength: 1, maxLength: 8 }) })
    .map(({ docStatus, slots }): LegacyDocument => ({
      legacyId,
      date: "2026-02-13",
      premiumPoolAmount: "5000",
      performancePoolAmount: "3000",
      description: "",
      status: docStatus,
      queuedAt: new Date("2026-02-13T07:00:00Z"),
      lastExecutedAt: null,
      singleSlot: false,
      slots: slots.map((slotStatus, i) => ({
        slotNumber: i + 1,
        rosPercentage: "1",
        scheduledFor: new Date("2026-02-13T08:00:00Z"),
        status: slotStatus,
        executionDetails: null,
      })),
    }));

  it("never imports an EXECUTING slot, derives the day status, pays pools exactly when a slot completed, details only on executed slots", () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const day = mapLegacyDocument(doc);
        const statuses = day.slots.map((s) => s.status);
        expect(statuses).not.toContain("EXECUTING");
        expect(day.status).toBe(deriveDayStatus(statuses));
        const paid = statuses.includes("COMPLETED");
        expect([day.premiumPoolPaid, day.performancePoolPaid]).toEqual(paid ? ["5000", "3000"] : ["0", "0"]);
        for (const slot of day.slots) expect(slot.executionDetails === null).toBe(slot.status === "PENDING");
      }),
    );
  });
});
