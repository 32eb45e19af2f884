import { describe, expect, it } from "vitest";
import { importedDay, legacyJson, slotJson } from "../../helpers/legacy-documents";

// The day fields a legacy document is imported with, and the documents at the limits.

describe("day fields", () => {
  it("copies date, amounts, description and queuedAt; amounts exact", () => {
    const day = importedDay(
      legacyJson({
        premiumPoolAmount: { $numberDecimal: "123456789012.12345678" },
        performancePoolAmount: { $numberLong: "2000" },
        description: "Evening",
      }),
    );
    expect(day).toMatchObject({
      legacyId: "695b565ca3f1c29e4b0d1e01",
      date: "2026-02-13",
      premiumPoolAmount: "123456789012.12345678",
      performancePoolAmount: "2000",
      description: "Evening",
      multiSlotEnabled: true,
      queuedAt: new Date("2026-02-13T07:00:00.000Z"),
    });
  });

  it("takes a $date's UTC date, and an empty description when there is none", () => {
    const day = importedDay(legacyJson({ date: { $date: "2026-02-13T23:30:00-02:00" }, description: null }));
    expect(day.date).toBe("2026-02-14");
    expect(day.description).toBe("");
  });

  it("dates a document without queuedAt by its ObjectId", () => {
    expect(importedDay(legacyJson({ queuedAt: undefined })).queuedAt).toEqual(new Date("2026-01-05T06:12:44.000Z"));
  });
});

describe("documents that are accepted", () => {
  it("accept the limits themselves and ignore fields Slotpay has no use for", () => {
    const day = importedDay(
      legacyJson({
        premiumPoolAmount: 999999999999.9999,
        performancePoolAmount: 0,
        rosPercentage: "abc", // a multi-slot document's own rosPercentage is never used
        distributionSlots: [slotJson(200, { rosPercentage: 100 }), slotJson(1, { rosPercentage: 0.00000001 })],
        queuedBy: "whoever",
        __v: { $numberInt: "4" },
        lastExecution: { executedAt: null, result: { $timestamp: { t: 1, i: 1 } } },
      }),
    );
    expect(day.premiumPoolAmount).toBe("999999999999.9999");
    expect(day.slots.map((s) => [s.slotNumber, s.rosPercentage])).toEqual([
      [200, "100"],
      [1, "0.00000001"],
    ]);
  });

  it("accept a string _id and ISO strings where dates are expected", () => {
    const day = importedDay(
      legacyJson({
        _id: " legacy-7 ",
        queuedAt: "2026-02-13T07:30:00+01:00",
        distributionSlots: [slotJson(1, { scheduledFor: "2026-02-13T08:00:00Z" })],
      }),
    );
    expect(day.legacyId).toBe("legacy-7");
    expect(day.queuedAt).toEqual(new Date("2026-02-13T06:30:00Z"));
    expect(day.slots[0].scheduledFor).toEqual(new Date("2026-02-13T08:00:00Z"));
  });
});
