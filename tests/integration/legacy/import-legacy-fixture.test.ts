import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { alreadyImported, type ImportReport } from "@/lib/legacy/import-legacy";
import { executingImportError, failedImportError } from "@/lib/legacy/map-legacy-document";
import { zeroed } from "../../helpers/legacy-documents";
import { brief, fullState, importFile, jsonFixture, runCli, storedDay } from "../../helpers/legacy-import";

// The fixture export imported as a dry run, for real, and again: what each run writes and reports.

describe("importing the fixture export", () => {
  const invalidIds = [
    "6965df6ca3f1c29e4b0d1e09",
    "69673144a3f1c29e4b0d1e0a",
    "696884f7a3f1c29e4b0d1e0b",
    "6969dd5ba3f1c29e4b0d1e0c",
    "696b264fa3f1c29e4b0d1e0d",
  ];
  let before: Awaited<ReturnType<typeof fullState>>;
  let afterDryRun: typeof before;
  let afterFirst: typeof before;
  let dryRun: ImportReport;
  let first: ImportReport;
  let second: ImportReport;

  beforeAll(async () => {
    before = await fullState();
    dryRun = await importFile(jsonFixture, true);
    afterDryRun = await fullState();
    first = await importFile(jsonFixture);
    afterFirst = await fullState();
    second = await importFile(jsonFixture);
  });

  it("dry run writes nothing and tells exactly what the real run then does", () => {
    expect(afterDryRun).toEqual(before);
    expect(dryRun.dryRun).toBe(true);
    expect(dryRun.outcomes).toEqual(first.outcomes);
    expect(first.counts).toEqual({ imported: 7, skipped: 0, conflict: 1, invalid: 6, failed: 0 });
  });

  it("imports multi-slot days without per-slot status by the document's status", async () => {
    expect(await storedDay("695b565ca3f1c29e4b0d1e01")).toEqual({
      date: "2026-01-05",
      status: "COMPLETED",
      multiSlotEnabled: true,
      pools: ["5000", "3000"],
      paid: ["5000", "3000"],
      queuedAt: "2026-01-05T06:12:44.000Z",
      queuedById: null,
      slots: [
        { n: 1, ros: "2.5", at: "2026-01-05T08:00:00.000Z", status: "COMPLETED", details: zeroed("2026-01-05T14:00:09.412Z") },
        { n: 2, ros: "3", at: "2026-01-05T10:00:00.000Z", status: "COMPLETED", details: zeroed("2026-01-05T14:00:09.412Z") },
        { n: 3, ros: "2", at: "2026-01-05T14:00:00.000Z", status: "COMPLETED", details: zeroed("2026-01-05T14:00:09.412Z") },
      ],
    });
    expect(await storedDay("695cabeaa3f1c29e4b0d1e02")).toMatchObject({
      date: "2026-01-06",
      status: "PENDING",
      pools: ["4500.5", "2500"],
      paid: ["0", "0"],
      slots: [
        { n: 1, ros: "1.5", at: "2026-01-06T08:00:00.000Z", status: "PENDING", details: null },
        { n: 2, ros: "2.25", at: "2026-01-06T14:00:00.000Z", status: "PENDING", details: null },
      ],
    });
    expect(await storedDay("696492c7a3f1c29e4b0d1e07")).toMatchObject({
      date: "2026-01-12",
      status: "COMPLETED",
      pools: ["10000", "2000"],
      paid: ["10000", "2000"],
      slots: [{ details: zeroed("2026-01-12T06:20:55.000Z") }, { details: zeroed("2026-01-12T06:20:55.000Z") }],
    });
  });

  it("keeps per-slot statuses, EXECUTING becoming FAILED, pools paid once a slot completed", async () => {
    const mixed = await storedDay("695df607a3f1c29e4b0d1e03");
    expect(mixed).toMatchObject({ date: "2026-01-07", status: "PENDING", paid: ["6000", "4000"] });
    expect(mixed.slots.map((s) => [s.n, s.status])).toEqual([
      [1, "COMPLETED"],
      [2, "FAILED"],
      [3, "FAILED"],
      [4, "PENDING"],
    ]);
    expect(mixed.slots[0].details).toEqual({
      executedAt: "2026-01-07T08:00:05.123Z",
      rosStats: { processedStakes: 150, totalDistributed: 3750.5 },
      premiumPoolStats: { qualifiedUsers: 45, totalDistributed: 6000 },
      performancePoolStats: { qualifiedUsers: 30, totalDistributed: 4000 },
      imported: true,
    });
    expect(mixed.slots[1].details).toEqual({ executedAt: "2026-01-07T05:58:31.000Z", error: executingImportError, imported: true });
    expect(mixed.slots[2].details).toMatchObject({
      executedAt: "2026-01-07T12:00:01.870Z",
      error: "Connection pool timed out",
      imported: true,
    });
    expect(mixed.slots[3].details).toBeNull();

    const failedDay = await storedDay("695f4916a3f1c29e4b0d1e04");
    expect(failedDay).toMatchObject({ date: "2026-01-08", status: "FAILED", pools: ["7250.125", "0"], paid: ["7250.125", "0"] });
    expect(failedDay.slots.map((s) => [s.status, (s.details as { error?: string }).error])).toEqual([
      ["COMPLETED", undefined],
      ["FAILED", failedImportError],
    ]);
  });

  it("imports single-slot documents as slot 1", async () => {
    expect(await storedDay("6960b1fca3f1c29e4b0d1e05")).toMatchObject({
      date: "2026-01-09",
      status: "COMPLETED",
      multiSlotEnabled: false,
      paid: ["2000", "1000"],
      slots: [{ n: 1, ros: "2.5", at: "2026-01-09T07:45:00.000Z", status: "COMPLETED", details: zeroed("2026-01-09T12:00:03.000Z") }],
    });
    // No queuedAt: dated by its ObjectId; a $date as the day's date.
    expect(await storedDay("6961f97ba3f1c29e4b0d1e06")).toMatchObject({
      date: "2026-01-10",
      status: "PENDING",
      multiSlotEnabled: false,
      queuedAt: "2026-01-10T07:02:19.000Z",
      paid: ["0", "0"],
      slots: [{ n: 1, ros: "1.75", at: "2026-01-10T12:00:00.000Z", status: "PENDING", details: null }],
    });
  });

  it("audits each imported day with its _id", async () => {
    const rows = await db().auditLog.findMany({ where: { action: "legacy.import" }, orderBy: { id: "asc" } });
    const imported = first.outcomes.filter((o) => o.outcome === "imported").map((o) => o.ref.legacyId);
    expect(imported).toHaveLength(7);
    expect(rows.map((row) => [row.outcome, row.actorId, row.details])).toEqual(imported.map((legacyId) => ["OK", null, { legacyId }]));
  });

  it("reports invalid documents by _id (or line) with the reason, and stores nothing of them", async () => {
    expect(first.outcomes.filter((o) => o.outcome === "invalid").map(brief)).toEqual([
      ["6965df6ca3f1c29e4b0d1e09", "invalid", "date: missing"],
      ["69673144a3f1c29e4b0d1e0a", "invalid", "performancePoolAmount: must be at least 0, got -250"],
      ["696884f7a3f1c29e4b0d1e0b", "invalid", "distributionSlots[2].slotNumber: duplicate slot number 2"],
      ["6969dd5ba3f1c29e4b0d1e0c", "invalid", 'rosPercentage: must be a number, got "abc"'],
      [
        "696b264fa3f1c29e4b0d1e0d",
        "invalid",
        'distributionSlots[0].status: unknown status "DONE" (expected PENDING, EXECUTING, COMPLETED, FAILED)',
      ],
      ["line 241", "invalid", "_id: missing"],
    ]);
    expect(await db().day.count({ where: { legacyId: { in: invalidIds } } })).toBe(0);
    const dates = ["2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16", "2026-01-17", "2026-01-19"].map(
      (d) => new Date(`${d}T00:00:00Z`),
    );
    expect(await db().day.count({ where: { date: { in: dates } } })).toBe(0);
  });

  it("reports a second document for a day already imported as a conflict and leaves the first alone", async () => {
    expect(first.outcomes.filter((o) => o.outcome === "conflict").map(brief)).toEqual([
      ["695cd27da3f1c29e4b0d1e08", "conflict", "2026-01-06 is taken by the day of _id 695cabeaa3f1c29e4b0d1e02"],
    ]);
    expect(await db().day.findUnique({ where: { legacyId: "695cd27da3f1c29e4b0d1e08" } })).toBeNull();
    expect((await storedDay("695cabeaa3f1c29e4b0d1e02")).slots).toHaveLength(2);
  });

  it("imports nothing the second time: every good document is already imported", async () => {
    expect(second.counts).toEqual({ imported: 0, skipped: 7, conflict: 1, invalid: 6, failed: 0 });
    expect(second.outcomes.filter((o) => o.outcome === "skipped").every((o) => "reason" in o && o.reason === alreadyImported)).toBe(true);
    expect(await fullState()).toEqual(afterFirst);
  });

  it("runs from the command line: summary, every problem, exit 0", async () => {
    const run = await runCli([jsonFixture]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Importing 14 documents from tests/fixtures/legacy/daily-distribution-queue.json (JSON array)");
    expect(run.stdout).toContain("14 documents: 0 imported, 7 already imported, 1 conflict, 6 invalid, 0 failed");
    expect(run.stdout).toContain("Problems (7):");
    for (const id of invalidIds) expect(run.stdout).toMatch(new RegExp(`^  invalid  _id ${id} `, "m"));
    expect(run.stdout).toMatch(/^ {2}invalid {2}document 14 at line 241 \(no _id\): _id: missing$/m);
  });
});
