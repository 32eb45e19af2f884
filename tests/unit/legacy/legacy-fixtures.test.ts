import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareLegacyEntry } from "@/lib/legacy/prepare-legacy-entry";
import { readLegacyExport } from "@/lib/legacy/read-legacy-export";

// The legacy export fixtures, checked through the pure path the integration tests rely on.

describe("the fixtures", () => {
  it("hold the documents the integration tests expect, valid and invalid", () => {
    const outcomes = readLegacyExport(readFileSync("tests/fixtures/legacy/daily-distribution-queue.json", "utf8")).entries.map(
      prepareLegacyEntry,
    );
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
      [
        "696b264fa3f1c29e4b0d1e0d",
        229,
        'distributionSlots[0].status: unknown status "DONE" (expected PENDING, EXECUTING, COMPLETED, FAILED)',
      ],
      [null, 241, "_id: missing"],
    ]);
  });
});
