import { describe, expect, it } from "vitest";
import { prepareLegacyEntry } from "@/lib/legacy/prepare-legacy-entry";
import { invalidReason, legacyId, legacyJson, prepare, slotJson } from "../../helpers/legacy-documents";

// Legacy documents the import refuses, each with the reason it reports.

describe("documents that are refused, with the reason", () => {
  const tooManySlots = Array.from({ length: 201 }, (_, i) => slotJson(i + 1));

  it.each([
    ["no _id", { _id: undefined }, "_id: missing"],
    ["an _id that is a number", { _id: 12 }, "_id: must be an ObjectId or a non-empty string, got 12"],
    ["an invalid $oid", { _id: { $oid: "not-an-id" } }, '_id: $oid must be 24 hex digits, got "not-an-id"'],
    ["no date", { date: undefined }, "date: missing"],
    ["a date in another format", { date: "13/02/2026" }, 'date: must be "YYYY-MM-DD" or a $date, got "13/02/2026"'],
    ["a date that does not exist", { date: "2026-02-30" }, 'date: "2026-02-30" is not a calendar date'],
    ["a malformed $date", { date: { $date: "2026-02-13 08:00" } }, 'date: $date "2026-02-13 08:00" is not an ISO 8601 instant'],
    ["a negative pool", { performancePoolAmount: -250 }, "performancePoolAmount: must be at least 0, got -250"],
    [
      "a negative $numberDecimal pool",
      { premiumPoolAmount: { $numberDecimal: "-0.01" } },
      "premiumPoolAmount: must be at least 0, got -0.01",
    ],
    ["a pool given as a string", { premiumPoolAmount: "5000" }, 'premiumPoolAmount: must be a number, got "5000"'],
    ["a null pool", { premiumPoolAmount: null }, "premiumPoolAmount: must be a number, got null"],
    ["no pool", { premiumPoolAmount: undefined }, "premiumPoolAmount: missing"],
    ["a NaN pool", { premiumPoolAmount: { $numberDecimal: "NaN" } }, "premiumPoolAmount: must be a number, got NaN"],
    ["a pool with 9 decimals", { premiumPoolAmount: 0.123456789 }, "premiumPoolAmount: has more than 8 decimal places (0.123456789)"],
    [
      "a pool numeric(20,8) cannot hold",
      { premiumPoolAmount: 1e12 },
      "premiumPoolAmount: must be at most 999999999999.99999999, got 1000000000000",
    ],
    [
      "a slot rosPercentage of 0",
      { distributionSlots: [slotJson(1, { rosPercentage: 0 })] },
      "distributionSlots[0].rosPercentage: must be greater than 0, got 0",
    ],
    [
      "a slot rosPercentage over 100",
      { distributionSlots: [slotJson(1, { rosPercentage: { $numberDouble: "100.5" } })] },
      "distributionSlots[0].rosPercentage: must be at most 100, got 100.5",
    ],
    [
      "a slot rosPercentage with 9 decimals",
      { distributionSlots: [slotJson(1, { rosPercentage: { $numberDecimal: "1E-9" } })] },
      "distributionSlots[0].rosPercentage: has more than 8 decimal places (0.000000001)",
    ],
    [
      "duplicate slot numbers",
      { distributionSlots: [slotJson(1), slotJson(2), slotJson(2)] },
      "distributionSlots[2].slotNumber: duplicate slot number 2",
    ],
    ["slot number 0", { distributionSlots: [slotJson(0)] }, "distributionSlots[0].slotNumber: must be a whole number from 1 to 200, got 0"],
    [
      "slot number 201",
      { distributionSlots: [slotJson(201)] },
      "distributionSlots[0].slotNumber: must be a whole number from 1 to 200, got 201",
    ],
    [
      "slot number 1.5",
      { distributionSlots: [slotJson(1.5)] },
      "distributionSlots[0].slotNumber: must be a whole number from 1 to 200, got 1.5",
    ],
    [
      "a slot without a number",
      { distributionSlots: [{ rosPercentage: 1, scheduledFor: { $date: "2026-02-13T08:00:00Z" } }] },
      "distributionSlots[0].slotNumber: missing",
    ],
    ["more than 200 slots", { distributionSlots: tooManySlots }, "distributionSlots: at most 200 slots"],
    [
      "a slot status DONE",
      { distributionSlots: [slotJson(1, { status: "DONE" })] },
      'distributionSlots[0].status: unknown status "DONE" (expected PENDING, EXECUTING, COMPLETED, FAILED)',
    ],
    ["a document status DONE", { status: "DONE" }, 'status: unknown status "DONE"'],
    [
      "a slot without scheduledFor",
      { distributionSlots: [slotJson(1), slotJson(2, { scheduledFor: undefined })] },
      "distributionSlots[1].scheduledFor: missing",
    ],
    [
      "a slot scheduledFor that is not a date",
      { distributionSlots: [slotJson(1, { scheduledFor: "tomorrow" })] },
      'distributionSlots[0].scheduledFor: must be a $date, got "tomorrow"',
    ],
    [
      "executionDetails that are not an object",
      { distributionSlots: [slotJson(1, { status: "FAILED", executionDetails: "boom" })] },
      'distributionSlots[0].executionDetails: must be an object or null, got "boom"',
    ],
    ["distributionSlots that are not a list", { distributionSlots: { 1: 2.5 } }, "distributionSlots: must be an array, got an object"],
    ["a slot that is not an object", { distributionSlots: [2.5] }, "distributionSlots[0]: must be an object, got 2.5"],
    ["multiSlotEnabled that is not a boolean", { multiSlotEnabled: "yes" }, 'multiSlotEnabled: must be true or false, got "yes"'],
    [
      "a string _id and no queuedAt",
      { _id: "legacy-7", queuedAt: undefined },
      "queuedAt: missing (and _id is not an ObjectId to date it by)",
    ],
  ])("%s", (_, overrides, reason) => {
    expect(invalidReason(legacyJson(overrides))).toContain(reason);
  });

  const single = { multiSlotEnabled: false, distributionSlots: undefined };
  it.each([
    ['rosPercentage "abc"', { rosPercentage: "abc" }, 'rosPercentage: must be a number, got "abc"'],
    ["rosPercentage 0", { rosPercentage: 0 }, "rosPercentage: must be greater than 0, got 0"],
    ["rosPercentage -1", { rosPercentage: { $numberInt: "-1" } }, "rosPercentage: must be greater than 0, got -1"],
    ["rosPercentage 101", { rosPercentage: 101 }, "rosPercentage: must be at most 100, got 101"],
    ["no rosPercentage", {}, "rosPercentage: missing (a single-slot document needs it)"],
  ])("a single-slot document with %s", (_, overrides, reason) => {
    expect(invalidReason(legacyJson({ ...single, ...overrides }))).toBe(reason);
  });

  it("reports every problem of a document at once", () => {
    expect(
      invalidReason(legacyJson({ date: undefined, premiumPoolAmount: -1, distributionSlots: [slotJson(1, { status: "DONE" })] })),
    ).toBe(
      'date: missing; premiumPoolAmount: must be at least 0, got -1; distributionSlots[0].status: unknown status "DONE" (expected PENDING, EXECUTING, COMPLETED, FAILED)',
    );
  });

  it("refuses what is not a document, and a line that is not JSON, keeping the _id when there is one", () => {
    expect(prepare([legacyJson()])).toMatchObject({ valid: false, reason: "not a document (a JSON object)", ref: { legacyId: null } });
    expect(prepare(7)).toMatchObject({ valid: false, reason: "not a document (a JSON object)" });
    expect(prepareLegacyEntry({ index: 3, line: 9, parseError: "Unexpected end of JSON input" })).toEqual({
      ref: { index: 3, line: 9, legacyId: null },
      valid: false,
      reason: "not valid JSON (Unexpected end of JSON input)",
    });
    expect(prepare(legacyJson({ date: undefined })).ref).toEqual({ index: 1, line: 1, legacyId });
    expect(prepare(legacyJson({ _id: { $oid: "xyz" } })).ref.legacyId).toBeNull();
  });
});
