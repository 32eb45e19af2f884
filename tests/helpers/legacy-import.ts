import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { db } from "@/lib/db/client";
import { importLegacyExport, type ImportOutcome } from "@/lib/legacy/import-legacy";
import { readLegacyExport } from "@/lib/legacy/read-legacy-export";
import { snapshotState } from "./db-state";

// Running the legacy import against this test file's database, in process and as the command.

export const jsonFixture = "tests/fixtures/legacy/daily-distribution-queue.json";
export const ndjsonFixture = "tests/fixtures/legacy/daily-distribution-queue.ndjson";

export const importText = (text: string, dryRun = false) => importLegacyExport({ entries: readLegacyExport(text).entries, dryRun });
export const importFile = async (file: string, dryRun = false) => importText(await readFile(file, "utf8"), dryRun);

/** Everything an import may write, audit rows included, as comparable JSON. */
export async function fullState() {
  const audit = await db().auditLog.findMany({ orderBy: { id: "asc" } });
  return { state: await snapshotState(), audit: JSON.parse(JSON.stringify(audit)) as unknown };
}

export const brief = (o: ImportOutcome) => [o.ref.legacyId ?? `line ${o.ref.line}`, o.outcome, "reason" in o ? o.reason : o.status];

export async function storedDay(legacyId: string) {
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

export type CliRun = { code: number; stdout: string; stderr: string };

/** `npm run import:legacy -- <args>` against this file's database. */
export function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/import-legacy.ts", ...args],
      {
        cwd: process.cwd(),
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_SECRET: "legacy-import-test" },
        timeout: 60_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}
