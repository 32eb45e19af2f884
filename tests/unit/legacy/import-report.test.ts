import { describe, expect, it } from "vitest";
import { formatOutcome, formatSummary } from "@/lib/legacy/format-import-report";
import type { ImportOutcome, ImportReport } from "@/lib/legacy/import-legacy";
import { describeDatabase, parseImportArgs } from "@/lib/legacy/run-import-cli";

const ref = (legacyId: string | null, index = 1, line = 2) => ({ index, line, legacyId });

const outcomes: ImportOutcome[] = [
  { ref: ref("695b565ca3f1c29e4b0d1e01"), outcome: "imported", date: "2026-01-05", slots: 3, status: "COMPLETED" },
  { ref: ref("6960b1fca3f1c29e4b0d1e05", 2, 20), outcome: "imported", date: "2026-01-09", slots: 1, status: "PENDING" },
  { ref: ref("695cabeaa3f1c29e4b0d1e02", 3, 40), outcome: "skipped", date: "2026-01-06", reason: "already imported" },
  {
    ref: ref("695cd27da3f1c29e4b0d1e08", 4, 60),
    outcome: "conflict",
    date: "2026-01-06",
    reason: "2026-01-06 is taken by the day of _id 695cabeaa3f1c29e4b0d1e02",
  },
  { ref: ref(null, 5, 80), outcome: "invalid", reason: "_id: missing" },
  { ref: ref("695f4916a3f1c29e4b0d1e04", 6, 99), outcome: "failed", date: "2026-01-08", reason: "nothing of it was written: boom" },
];

const report = (dryRun: boolean, list = outcomes): ImportReport => ({
  dryRun,
  outcomes: list,
  counts: {
    imported: list.filter((o) => o.outcome === "imported").length,
    skipped: list.filter((o) => o.outcome === "skipped").length,
    conflict: list.filter((o) => o.outcome === "conflict").length,
    invalid: list.filter((o) => o.outcome === "invalid").length,
    failed: list.filter((o) => o.outcome === "failed").length,
  },
});

describe("the import report", () => {
  it("has one line per document, naming it by _id, or by line when it has none", () => {
    expect(outcomes.map((o) => formatOutcome(o, false))).toEqual([
      "imported  _id 695b565ca3f1c29e4b0d1e01 (document 1, line 2): 2026-01-05, 3 slots, day COMPLETED",
      "imported  _id 6960b1fca3f1c29e4b0d1e05 (document 2, line 20): 2026-01-09, 1 slot, day PENDING",
      "skipped  _id 695cabeaa3f1c29e4b0d1e02 (document 3, line 40): 2026-01-06, already imported",
      "conflict  _id 695cd27da3f1c29e4b0d1e08 (document 4, line 60): 2026-01-06 is taken by the day of _id 695cabeaa3f1c29e4b0d1e02; skipped",
      "invalid  document 5 at line 80 (no _id): _id: missing",
      "failed  _id 695f4916a3f1c29e4b0d1e04 (document 6, line 99): 2026-01-08, nothing of it was written: boom",
    ]);
    expect(formatOutcome(outcomes[0], true)).toMatch(/^would import  _id 695b565ca3f1c29e4b0d1e01/);
  });

  it("ends with the counts and every problem again", () => {
    const lines = formatSummary(report(false));
    expect(lines[0]).toBe("6 documents: 2 imported, 1 already imported, 1 conflict, 1 invalid, 1 failed");
    expect(lines.slice(1)).toEqual([
      "Problems (3):",
      `  ${formatOutcome(outcomes[3], false)}`,
      `  ${formatOutcome(outcomes[4], false)}`,
      `  ${formatOutcome(outcomes[5], false)}`,
    ]);
  });

  it("says when nothing was written, and has no problem section when there is none", () => {
    expect(formatSummary(report(true, outcomes.slice(0, 3)))).toEqual([
      "Dry run, nothing written. 3 documents: 2 would be imported, 1 already imported, 0 conflicts, 0 invalid, 0 failed",
    ]);
  });
});

describe("the command line", () => {
  it.each([
    [["export.json"], { help: false, file: "export.json", dryRun: false }],
    [["export.json", "--dry-run"], { help: false, file: "export.json", dryRun: true }],
    [["--dry-run", "export.ndjson"], { help: false, file: "export.ndjson", dryRun: true }],
    [["--", "-odd-name.json"], { help: false, file: "-odd-name.json", dryRun: false }],
    [["--help"], { help: true }],
    [["x.json", "-h"], { help: true }],
  ])("takes %j", (args, parsed) => {
    expect(parseImportArgs(args)).toEqual(parsed);
  });

  it.each([
    [[], "Which file? Give the export to import."],
    [["--dry-run"], "Which file? Give the export to import."],
    [["a.json", "b.json"], "One file at a time, got 2"],
    [["a.json", "--force"], "Unknown option --force"],
    [["a.json", "--dry-run=false"], "Unknown option --dry-run=false"],
  ])("refuses %j", (args, error) => {
    expect(parseImportArgs(args)).toEqual({ error });
  });

  it("names the database without its password", () => {
    expect(describeDatabase("postgresql://slotpay:secret@127.0.0.1:5432/slotpay_x?sslmode=disable")).toBe(
      "postgresql://127.0.0.1:5432/slotpay_x",
    );
    expect(describeDatabase(undefined)).toMatch(/^the embedded PGlite database at \//);
  });
});
