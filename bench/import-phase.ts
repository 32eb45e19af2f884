import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { importApplicationName, importFile } from "@/lib/bulk/import-file";
import type { BulkStep, MergeCounts } from "@/lib/bulk/stage-and-merge";
import { watchBackend } from "./backend-cpu";
import { count, seconds } from "./report";

export type ImportRun = {
  rows: number;
  ms: number;
  /** The importer's database backend, from /proc; null when not readable. */
  cpuMs: number | null;
  steps: Partial<Record<BulkStep, { ms: number; cpuMs: number | null }>>;
  counts: MergeCounts;
};

export type ImportFigures = ImportRun & {
  rowsPerSecond: number;
  members: ImportRun;
  /** The same file again: every row unchanged. */
  unchanged: ImportRun;
};

async function writeLines(file: string, header: string, lines: number, line: (i: number) => string) {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  for (let i = 0; i < lines; i++) if (!out.write(`${line(i)}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

async function timedImport(databaseUrl: string, file: string, kind: "members" | "stakes"): Promise<ImportRun> {
  const watcher = await watchBackend(databaseUrl, importApplicationName);
  const steps: ImportRun["steps"] = {};
  let cpuBefore = 0;
  const started = performance.now();
  try {
    const outcome = await importFile({
      databaseUrl,
      file,
      kind,
      dryRun: false,
      onStep: (step, ms) => {
        const cpu = watcher.cpuMs();
        steps[step] = { ms, cpuMs: cpu === null ? null : cpu - cpuBefore };
        if (cpu !== null) cpuBefore = cpu;
      },
    });
    if (!outcome.ok) throw new Error(`the bench's file was refused: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    const cpu = Object.values(steps).map((step) => step.cpuMs);
    return {
      rows: outcome.rows,
      ms: performance.now() - started,
      cpuMs: cpu.includes(null) ? null : cpu.reduce((a, b) => (a ?? 0) + (b ?? 0), 0),
      steps,
      counts: outcome.counts,
    };
  } finally {
    await watcher.stop();
  }
}

const describeRun = (run: ImportRun) =>
  `${seconds(run.ms)}, backend CPU ${run.cpuMs === null ? "not readable" : seconds(run.cpuMs)} (` +
  Object.entries(run.steps)
    .map(([step, figures]) => `${step} ${seconds(figures.ms)}${figures.cpuMs === null ? "" : `/${seconds(figures.cpuMs)}`}`)
    .join(", ") +
  `) ${JSON.stringify(run.counts)}`;

/**
 * `npm run import:stakes` as a platform runs it: a members file, then `stakes` stakes over them
 * (every twentieth ENDED), then the same stakes file again. Files are written to a temporary
 * directory and removed; the rows stay in the database.
 */
export async function measureImport(options: {
  databaseUrl: string;
  stakes: number;
  members: number;
  log: (line: string) => void;
}): Promise<ImportFigures> {
  const { stakes, members } = options;
  const dir = await mkdtemp(path.join(os.tmpdir(), "slotpay-bench-import-"));
  try {
    const membersFile = path.join(dir, "members.csv");
    const stakesFile = path.join(dir, "stakes.csv");
    await writeLines(
      membersFile,
      "externalId,email,name,performanceScore",
      members,
      (i) => `m${i},m${i}@bench.test,Member ${i},${i % 100}.5`,
    );
    await writeLines(stakesFile, "externalId,memberExternalId,principal,status,startedAt,endedAt", stakes, (i) =>
      i % 20 === 0
        ? `s${i},m${i % members},${(i % 5000) + 1}.12345678,ENDED,2026-10-01T00:00:00Z,2026-11-01T00:00:00Z`
        : `s${i},m${i % members},${(i % 5000) + 1}.12345678,ACTIVE,2026-10-01T00:00:00Z,`,
    );
    const memberRun = await timedImport(options.databaseUrl, membersFile, "members");
    options.log(`  ${count(members)} members: ${describeRun(memberRun)}`);
    const first = await timedImport(options.databaseUrl, stakesFile, "stakes");
    options.log(`  ${count(stakes)} new stakes: ${describeRun(first)}`);
    const unchanged = await timedImport(options.databaseUrl, stakesFile, "stakes");
    options.log(`  the same ${count(stakes)} stakes again: ${describeRun(unchanged)}`);
    return { ...first, rowsPerSecond: first.rows / (first.ms / 1000), members: memberRun, unchanged };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
