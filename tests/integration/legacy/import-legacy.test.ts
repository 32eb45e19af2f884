import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { alreadyImported, importLegacyExport, type ImportOutcome, type ImportReport } from "@/lib/legacy/import-legacy";
import { executingImportError, failedImportError } from "@/lib/legacy/map-legacy-document";
import { readLegacyExport } from "@/lib/legacy/read-legacy-export";
import { snapshotState } from "../../helpers/db-state";

const jsonFixture = "tests/fixtures/legacy/daily-distribution-queue.json";
const ndjsonFixture = "tests/fixtures/legacy/daily-distribution-queue.ndjson";

const importText = (text: string, dryRun = false) => importLegacyExport({ entries: readLegacyExport(text).entries, dryRun });
const importFile = async (file: string, dryRun = false) => importText(await readFile(file, "utf8"), dryRun);

/** Everything an import may write, audit rows included, as comparable JSON. */
async function fullState() {
  const audit = await db().auditLog.findMany({ orderBy: { id: "asc" } });
  return { state: await snapshotState(), audit: JSON.parse(JSON.stringify(audit)) as unknown };
}

const brief = (o: ImportOutcome) => [o.ref.legacyId ?? `line ${o.ref.line}`, o.outcome, "reason" in o ? o.reason : o.status];

async function storedDay(legacyId: string) {
  const day = await db().day.findUnique({ where: { legacyId }, include: { slots: { orderBy: { slotNumber: "asc" } } } });
  if (!day) throw new Error(`no day imported from ${legacyId}`);
  return {
    date: day.date.toISOString().slice(0, 10),
    status: day.status,
    multiSlotEnabled: day.multiSlotEnabled,
    pools: [day.premiumPoolAmount.toString(), day.performancePoolAmount.toString()],
    paid: [day.premiumPoolPaid.toString(), day.performancePoolPaid.toString()],
    queuedAt: day.queuedAt.toISOString(),
    queuedById: day.queuedById,
    slots: day.slots.map((s) => ({
      n: s.slotNumber,
      ros: s.rosPercentage.toString(),
      at: s.scheduledFor.toISOString(),
      status: s.status,
      details: s.executionDetails,
    })),
  };
}

const zeroed = (executedAt: string) => ({
  executedAt,
  rosStats: { processedStakes: 0, totalDistributed: 0 },
  premiumPoolStats: { qualifiedUsers: 0, totalDistributed: 0 },
  performancePoolStats: { qualifiedUsers: 0, totalDistributed: 0 },
  imported: true,
});

/** One relaxed Extended JSON line: a two-slot PENDING day on `date`. */
const legacyLine = (oid: string, date: string) =>
  JSON.stringify({
    _id: { $oid: oid },
    date,
    premiumPoolAmount: 100,
    performancePoolAmount: 50,
    multiSlotEnabled: true,
    status: "PENDING",
    queuedAt: { $date: `${date}T06:00:00Z` },
    distributionSlots: [1, 2, 3].map((n) => ({ slotNumber: n, rosPercentage: 1, scheduledFor: { $date: `${date}T0${6 + n}:00:00Z` } })),
  });

describe("importing the fixture export", () => {
  const invalidIds = ["6965df6ca3f1c29e4b0d1e09", "69673144a3f1c29e4b0d1e0a", "696884f7a3f1c29e4b0d1e0b", "6969dd5ba3f1c29e4b0d1e0c", "696b264fa3f1c29e4b0d1e0d"];
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
    expect(mixed.slots.map((s) => [s.n, s.status])).toEqual([[1, "COMPLETED"], [2, "FAILED"], [3, "FAILED"], [4, "PENDING"]]);
    expect(mixed.slots[0].details).toEqual({
      executedAt: "2026-01-07T08:00:05.123Z",
      rosStats: { processedStakes: 150, totalDistributed: 3750.5 },
      premiumPoolStats: { qualifiedUsers: 45, totalDistributed: 6000 },
      performancePoolStats: { qualifiedUsers: 30, totalDistributed: 4000 },
      imported: true,
    });
    expect(mixed.slots[1].details).toEqual({ executedAt: "2026-01-07T05:58:31.000Z", error: executingImportError, imported: true });
    expect(mixed.slots[2].details).toMatchObject({ executedAt: "2026-01-07T12:00:01.870Z", error: "Connection pool timed out", imported: true });
    expect(mixed.slots[3].details).toBeNull();

    const failedDay = await storedDay("695f4916a3f1c29e4b0d1e04");
    expect(failedDay).toMatchObject({ date: "2026-01-08", status: "FAILED", pools: ["7250.125", "0"], paid: ["7250.125", "0"] });
    expect(failedDay.slots.map((s) => [s.status, (s.details as { error?: string }).error])).toEqual([["COMPLETED", undefined], ["FAILED", failedImportError]]);
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
      ["696b264fa3f1c29e4b0d1e0d", "invalid", 'distributionSlots[0].status: unknown status "DONE" (expected PENDING, EXECUTING, COMPLETED, FAILED)'],
      ["line 241", "invalid", "_id: missing"],
    ]);
    expect(await db().day.count({ where: { legacyId: { in: invalidIds } } })).toBe(0);
    const dates = ["2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16", "2026-01-17", "2026-01-19"].map((d) => new Date(`${d}T00:00:00Z`));
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

describe("a day already in Slotpay", () => {
  it("is a conflict: reported, left as it is, the document not imported", async () => {
    const existing = await db().day.create({
      data: {
        date: new Date("2019-03-01T00:00:00Z"),
        premiumPoolAmount: 10,
        performancePoolAmount: 5,
        slots: { create: [{ slotNumber: 1, rosPercentage: 1, scheduledFor: new Date("2019-03-01T08:00:00Z") }] },
      },
      include: { slots: true },
    });
    const line = legacyLine("5c78f1a0a3f1c29e4b0d1e99", "2019-03-01");
    const expected = `2019-03-01 is taken by a day queued in Slotpay (day id ${existing.id})`;
    const before = await fullState();

    const dryRun = await importText(line, true);
    const report = await importText(line);

    expect(dryRun.outcomes.map(brief)).toEqual([["5c78f1a0a3f1c29e4b0d1e99", "conflict", expected]]);
    expect(report.outcomes.map(brief)).toEqual([["5c78f1a0a3f1c29e4b0d1e99", "conflict", expected]]);
    expect(await fullState()).toEqual(before);
  });
});

describe("a document whose write fails midway", () => {
  const failing = "5c8a1b00a3f1c29e4b0d1e98";
  const after = "5c8a1b01a3f1c29e4b0d1e97";
  const lines = [legacyLine(failing, "2019-04-01"), legacyLine(after, "2019-04-02")].join("\n");
  const constraint = "legacy_import_test_refuses_one";

  afterAll(async () => {
    await db().$executeRawUnsafe(`ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS ${constraint}`);
  });

  it("leaves nothing of it, the next document is imported, and a later run imports it", async () => {
    // The audit row is its last write: by then its day and all three slots were inserted.
    await db().$executeRawUnsafe(`ALTER TABLE audit_log ADD CONSTRAINT ${constraint} CHECK (details->>'legacyId' IS DISTINCT FROM '${failing}')`);
    const slotsBefore = await db().slot.count();

    const report = await importText(lines);

    expect(report.outcomes.map((o) => [o.ref.legacyId, o.outcome])).toEqual([[failing, "failed"], [after, "imported"]]);
    expect(report.outcomes[0]).toMatchObject({ reason: expect.stringMatching(/^nothing of it was written: .*legacy_import_test_refuses_one/) });
    expect(await db().day.findFirst({ where: { OR: [{ legacyId: failing }, { date: new Date("2019-04-01T00:00:00Z") }] } })).toBeNull();
    expect(await db().slot.count()).toBe(slotsBefore + 3); // only the second document's
    expect(await db().auditLog.count({ where: { action: "legacy.import", details: { path: ["legacyId"], equals: failing } } })).toBe(0);

    await db().$executeRawUnsafe(`ALTER TABLE audit_log DROP CONSTRAINT ${constraint}`);
    const retry = await importText(lines);
    expect(retry.outcomes.map((o) => [o.ref.legacyId, o.outcome])).toEqual([[failing, "imported"], [after, "skipped"]]);
    expect((await storedDay(failing)).slots).toHaveLength(3);
  });
});

type CliRun = { code: number; stdout: string; stderr: string };

function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/import-legacy.ts", ...args],
      { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_SECRET: "legacy-import-test" }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe("the command line", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "slotpay-legacy-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("dry-runs and then imports an export with one document per line, reporting the unparseable line", async () => {
    const ids = ["69803fb8a3f1c29e4b0d1e0e", "69819138a3f1c29e4b0d1e0f", "69843438a3f1c29e4b0d1e11"];

    const dry = await runCli([ndjsonFixture, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Dry run, nothing written. 4 documents: 3 would be imported, 0 already imported, 0 conflicts, 1 invalid, 0 failed");
    expect(await db().day.count({ where: { legacyId: { in: ids } } })).toBe(0);

    const run = await runCli([ndjsonFixture]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(one document per line)");
    expect(run.stdout).toContain("4 documents: 3 imported, 0 already imported, 0 conflicts, 1 invalid, 0 failed");
    expect(run.stdout).toMatch(/^ {2}invalid {2}document 3 at line 3 \(no _id\): not valid JSON \(/m);
    expect(await db().day.count({ where: { legacyId: { in: ids } } })).toBe(3);
    expect(await storedDay("69843438a3f1c29e4b0d1e11")).toMatchObject({
      status: "FAILED",
      paid: ["0", "0"],
      slots: [{ status: "FAILED", details: { executedAt: "2026-02-05T12:00:02.000Z", error: failedImportError, imported: true } }],
    });
  });

  it("exits 2 on bad usage, with the usage", async () => {
    for (const args of [[], ["--force", ndjsonFixture], [ndjsonFixture, jsonFixture]]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("Usage: npm run import:legacy -- <export.json|export.ndjson> [--dry-run]");
      expect(run.stdout).toBe("");
    }
  });

  it("exits 1 when the file cannot be read or is not an export at all", async () => {
    const missing = await runCli([path.join(scratch, "nope.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Cannot read");

    const garbage = path.join(scratch, "garbage.json");
    await writeFile(garbage, "[{\"_id\": {\"$oid\": \"695b565ca3f1c29e4b0d1e01\"}},\n");
    const broken = await runCli([garbage]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`Cannot parse ${garbage}: The file starts with "[" but is not a valid JSON array`);
  });
});
