import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveDayStatus, slotStatuses, type SlotStatus } from "@/lib/distribution/slot-status";
import type { LegacyDocument } from "@/lib/legacy/legacy-document";
import { executingImportError, failedImportError, mapLegacyDocument, type ImportedDay } from "@/lib/legacy/map-legacy-document";
import { prepareLegacyEntry } from "@/lib/legacy/prepare-legacy-entry";
import { readLegacyExport } from "@/lib/legacy/read-legacy-export";

// Legacy documents as mongoexport writes them (relaxed Extended JSON) through the whole pure
// path: decoding, checking, and seed 000's migration rule.

const legacyId = "695b565ca3f1c29e4b0d1e01";

/** What JSON.parse would give: no key holds undefined. */
const withoutUndefined = (doc: Record<string, unknown>) => Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));

/** Slot n at 07:00 + n hours (minutes past 08:00 beyond slot 16). */
const slotJson = (slotNumber: number, extra: Record<string, unknown> = {}) =>
  withoutUndefined({
    slotNumber,
    rosPercentage: 2.5,
    scheduledFor: { $date: new Date(Date.UTC(2026, 1, 13, 7) + Math.min(slotNumber, 16) * 3_600_000 + Math.max(slotNumber - 16, 0) * 60_000).toISOString() },
    ...extra,
  });

/** A valid multi-slot document with two slots and no per-slot status; `overrides` replace fields, undefined removes one. */
function legacyJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
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

const prepare = (json: unknown) => prepareLegacyEntry({ index: 1, line: 1, json });

function importedDay(json: unknown): ImportedDay {
  const prepared = prepare(json);
  if (!prepared.valid) throw new Error(`expected a valid document, got: ${prepared.reason}`);
  return prepared.day;
}

function invalidReason(json: unknown): string {
  const prepared = prepare(json);
  if (prepared.valid) throw new Error("expected an invalid document");
  return prepared.reason;
}

const zeroed = (executedAt: string) => ({
  executedAt,
  rosStats: { processedStakes: 0, totalDistributed: 0 },
  premiumPoolStats: { qualifiedUsers: 0, totalDistributed: 0 },
  performancePoolStats: { qualifiedUsers: 0, totalDistributed: 0 },
  imported: true,
});

describe("slots without a status (seed 000's migration rule)", () => {
  it("become COMPLETED with zeroed details at lastExecution's time when the document was COMPLETED, pools marked paid", () => {
    const day = importedDay(legacyJson({ status: "COMPLETED", lastExecution: { executedAt: { $date: "2026-02-13T09:00:04.500Z" } } }));
    expect(day.slots).toEqual([
      { slotNumber: 1, rosPercentage: "2.5", scheduledFor: new Date("2026-02-13T08:00:00.000Z"), status: "COMPLETED", attempts: 1, executionDetails: zeroed("2026-02-13T09:00:04.500Z") },
      { slotNumber: 2, rosPercentage: "2.5", scheduledFor: new Date("2026-02-13T09:00:00.000Z"), status: "COMPLETED", attempts: 1, executionDetails: zeroed("2026-02-13T09:00:04.500Z") },
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
      slotJson(3, { status: "FAILED", executionDetails: { executedAt: { $date: "2026-02-13T10:00:01.000Z" }, error: "Connection pool timed out" } }),
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
    expect(failed).toMatchObject({ status: "FAILED", executionDetails: { executedAt: "2026-02-13T10:00:01.000Z", error: "Connection pool timed out", imported: true } });
    expect(failedBare).toMatchObject({ status: "FAILED", executionDetails: { executedAt: "2026-02-13T08:00:05.000Z", error: failedImportError, imported: true } });
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
    const failedDay = importedDay(legacyJson({ distributionSlots: [slotJson(1, { status: "COMPLETED" }), slotJson(2, { status: "EXECUTING" })] }));
    expect(failedDay).toMatchObject({ status: "FAILED", premiumPoolPaid: "5000" });
    const nothingPaid = importedDay(legacyJson({ distributionSlots: [slotJson(1, { status: "FAILED" }), slotJson(2, { status: "EXECUTING" })] }));
    expect(nothingPaid).toMatchObject({ status: "FAILED", premiumPoolPaid: "0", performancePoolPaid: "0" });
  });
});

describe("single-slot documents", () => {
  const single = (extra: Record<string, unknown>) =>
    legacyJson({ multiSlotEnabled: false, distributionSlots: undefined, rosPercentage: 2.75, ...extra });

  it("become slot 1 with the document's rosPercentage and scheduledFor, multiSlotEnabled false", () => {
    const day = importedDay(single({ scheduledFor: { $date: "2026-02-13T12:00:00Z" } }));
    expect(day.multiSlotEnabled).toBe(false);
    expect(day.slots).toEqual([
      { slotNumber: 1, rosPercentage: "2.75", scheduledFor: new Date("2026-02-13T12:00:00Z"), status: "PENDING", attempts: 0, executionDetails: null },
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
    expect(importedDay(single({ status: "COMPLETED" }))).toMatchObject({ status: "COMPLETED", premiumPoolPaid: "5000", performancePoolPaid: "3000" });
  });
});

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

describe("mapLegacyDocument, for any mix of statuses", () => {
  const status = fc.constantFrom<SlotStatus | null>(null, ...slotStatuses);
  const documents = fc.record({ docStatus: status, slots: fc.array(status, { minLength: 1, maxLength: 8 }) }).map(({ docStatus, slots }): LegacyDocument => ({
    legacyId,
    date: "2026-02-13",
    premiumPoolAmount: "5000",
    performancePoolAmount: "3000",
    description: "",
    status: docStatus,
    queuedAt: new Date("2026-02-13T07:00:00Z"),
    lastExecutedAt: null,
    singleSlot: false,
    slots: slots.map((slotStatus, i) => ({ slotNumber: i + 1, rosPercentage: "1", scheduledFor: new Date("2026-02-13T08:00:00Z"), status: slotStatus, executionDetails: null })),
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

describe("documents that are refused, with the reason", () => {
  const tooManySlots = Array.from({ length: 201 }, (_, i) => slotJson(i + 1));

  it.each([
    ["no _id", { _id: undefined }, "_id: missing"],
    ["an _id that is a number", { _id: 12 }, "_id: must be an ObjectId or a non-empty string, got 12"],
    ["an invalid $oid", { _id: { $oid: "not-an-id" } }, '_id: $oid must be 24 hex digits, got "not-an-id"'],
    ["no date", { date: undefined }, "date: missing"],
    ["a date in another format", { date: "13/02/2026" }, 'date: must be "YYYY-MM-DD" or a $date, got "13/02/2026"'],
    ["a date that does not exist", { date: "2026-02-30" }, 'date: "2026-02-30" is not a calendar date'],
    ["a malformed $date", { date: { $date: "2026-02-13 08:00" } }, "date: $date \"2026-02-13 08:00\" is not an ISO 8601 instant"],
    ["a negative pool", { performancePoolAmount: -250 }, "performancePoolAmount: must be at least 0, got -250"],
    ["a negative $numberDecimal pool", { premiumPoolAmount: { $numberDecimal: "-0.01" } }, "premiumPoolAmount: must be at least 0, got -0.01"],
    ["a pool given as a string", { premiumPoolAmount: "5000" }, 'premiumPoolAmount: must be a number, got "5000"'],
    ["a null pool", { premiumPoolAmount: null }, "premiumPoolAmount: must be a number, got null"],
    ["no pool", { premiumPoolAmount: undefined }, "premiumPoolAmount: missing"],
    ["a NaN pool", { premiumPoolAmount: { $numberDecimal: "NaN" } }, "premiumPoolAmount: must be a number, got NaN"],
    ["a pool with 9 decimals", { premiumPoolAmount: 0.123456789 }, "premiumPoolAmount: has more than 8 decimal places (0.123456789)"],
    ["a pool numeric(20,8) cannot hold", { premiumPoolAmount: 1e12 }, "premiumPoolAmount: must be at most 999999999999.99999999, got 1000000000000"],
    ["a slot rosPercentage of 0", { distributionSlots: [slotJson(1, { rosPercentage: 0 })] }, "distributionSlots[0].rosPercentage: must be greater than 0, got 0"],
    ["a slot rosPercentage over 100", { distributionSlots: [slotJson(1, { rosPercentage: { $numberDouble: "100.5" } })] }, "distributionSlots[0].rosPercentage: must be at most 100, got 100.5"],
    ["a slot rosPercentage with 9 decimals", { distributionSlots: [slotJson(1, { rosPercentage: { $numberDecimal: "1E-9" } })] }, "distributionSlots[0].rosPercentage: has more than 8 decimal places (0.000000001)"],
    ["duplicate slot numbers", { distributionSlots: [slotJson(1), slotJson(2), slotJson(2)] }, "distributionSlots[2].slotNumber: duplicate slot number 2"],
    ["slot number 0", { distributionSlots: [slotJson(0)] }, "distributionSlots[0].slotNumber: must be a whole number from 1 to 200, got 0"],
    ["slot number 201", { distributionSlots: [slotJson(201)] }, "distributionSlots[0].slotNumber: must be a whole number from 1 to 200, got 201"],
    ["slot number 1.5", { distributionSlots: [slotJson(1.5)] }, "distributionSlots[0].slotNumber: must be a whole number from 1 to 200, got 1.5"],
    ["a slot without a number", { distributionSlots: [{ rosPercentage: 1, scheduledFor: { $date: "2026-02-13T08:00:00Z" } }] }, "distributionSlots[0].slotNumber: missing"],
    ["more than 200 slots", { distributionSlots: tooManySlots }, "distributionSlots: at most 200 slots"],
    ["a slot status DONE", { distributionSlots: [slotJson(1, { status: "DONE" })] }, 'distributionSlots[0].status: unknown status "DONE" (expected PENDING, EXECUTING, COMPLETED, FAILED)'],
    ["a document status DONE", { status: "DONE" }, 'status: unknown status "DONE"'],
    ["a slot without scheduledFor", { distributionSlots: [slotJson(1), slotJson(2, { scheduledFor: undefined })] }, "distributionSlots[1].scheduledFor: missing"],
    ["a slot scheduledFor that is not a date", { distributionSlots: [slotJson(1, { scheduledFor: "tomorrow" })] }, 'distributionSlots[0].scheduledFor: must be a $date, got "tomorrow"'],
    ["executionDetails that are not an object", { distributionSlots: [slotJson(1, { status: "FAILED", executionDetails: "boom" })] }, 'distributionSlots[0].executionDetails: must be an object or null, got "boom"'],
    ["distributionSlots that are not a list", { distributionSlots: { 1: 2.5 } }, "distributionSlots: must be an array, got an object"],
    ["a slot that is not an object", { distributionSlots: [2.5] }, "distributionSlots[0]: must be an object, got 2.5"],
    ["multiSlotEnabled that is not a boolean", { multiSlotEnabled: "yes" }, 'multiSlotEnabled: must be true or false, got "yes"'],
    ["a string _id and no queuedAt", { _id: "legacy-7", queuedAt: undefined }, "queuedAt: missing (and _id is not an ObjectId to date it by)"],
  ])("%s", (_, overrides, reason) => {
    expect(invalidReason(legacyJson(overrides))).toContain(reason);
  });

  const single = { multiSlotEnabled: false, distributionSlots: undefined };
  it.each([
    ["rosPercentage \"abc\"", { rosPercentage: "abc" }, 'rosPercentage: must be a number, got "abc"'],
    ["rosPercentage 0", { rosPercentage: 0 }, "rosPercentage: must be greater than 0, got 0"],
    ["rosPercentage -1", { rosPercentage: { $numberInt: "-1" } }, "rosPercentage: must be greater than 0, got -1"],
    ["rosPercentage 101", { rosPercentage: 101 }, "rosPercentage: must be at most 100, got 101"],
    ["no rosPercentage", {}, "rosPercentage: missing (a single-slot document needs it)"],
  ])("a single-slot document with %s", (_, overrides, reason) => {
    expect(invalidReason(legacyJson({ ...single, ...overrides }))).toBe(reason);
  });

  it("reports every problem of a document at once", () => {
    expect(invalidReason(legacyJson({ date: undefined, premiumPoolAmount: -1, distributionSlots: [slotJson(1, { status: "DONE" })] }))).toBe(
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
    const day = importedDay(legacyJson({ _id: " legacy-7 ", queuedAt: "2026-02-13T07:30:00+01:00", distributionSlots: [slotJson(1, { scheduledFor: "2026-02-13T08:00:00Z" })] }));
    expect(day.legacyId).toBe("legacy-7");
    expect(day.queuedAt).toEqual(new Date("2026-02-13T06:30:00Z"));
    expect(day.slots[0].scheduledFor).toEqual(new Date("2026-02-13T08:00:00Z"));
  });
});

describe("the fixtures", () => {
  it("hold the documents the integration tests expect, valid and invalid", () => {
    const outcomes = readLegacyExport(readFileSync("tests/fixtures/legacy/daily-distribution-queue.json", "utf8")).entries.map(prepareLegacyEntry);
    expect(outcomes.filter((o) => o.valid).map((o) => o.ref.legacyId)).toEqual([
      "695b565ca3f1c29e4b0d1e01",
      "695cabeaa3f1c29e4b0d1e02",
      "695df607a3f1c29e4b0d1e03",
      "695f4916a3f1c29e4b0d1e04",
      "6960b1fca3f1c29e4b0d1e05",
      "6961f97ba3f1c29e4b0d1e06",
      "696492c7a3f1c29e4b0d1e07",
      "695cd27da3f1c29e4b0d1e08",
    ]);
    expect(outcomes.filter((o) => !o.valid).map((o) => [o.ref.legacyId, o.ref.line, o.valid ? "" : o.reason])).toEqual([
      ["6965df6ca3f1c29e4b0d1e09", 179, "date: missing"],
      ["69673144a3f1c29e4b0d1e0a", 191, "performancePoolAmount: must be at least 0, got -250"],
      ["696884f7a3f1c29e4b0d1e0b", 204, "distributionSlots[2].slotNumber: duplicate slot number 2"],
      ["6969dd5ba3f1c29e4b0d1e0c", 219, 'rosPercentage: must be a number, got "abc"'],
      ["696b264fa3f1c29e4b0d1e0d", 229, 'distributionSlots[0].status: unknown status "DONE" (expected PENDING, EXECUTING, COMPLETED, FAILED)'],
      [null, 241, "_id: missing"],
    ]);
  });
});
