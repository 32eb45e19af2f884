import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { failedImportError } from "@/lib/legacy/map-legacy-document";
import { jsonFixture, ndjsonFixture, runCli, storedDay } from "../../helpers/legacy-import";

// npm run import:legacy: an export with one document per line, and the exit codes of bad usage.

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
    expect(dry.stdout).toContain(
      "Dry run, nothing written. 4 documents: 3 would be imported, 0 already imported, 0 conflicts, 1 invalid, 0 failed",
    );
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
    await writeFile(garbage, '[{"_id": {"$oid": "695b565ca3f1c29e4b0d1e01"}},\n');
    const broken = await runCli([garbage]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`Cannot parse ${garbage}: The file starts with "[" but is not a valid JSON array`);
  });
});
