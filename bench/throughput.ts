import os from "node:os";
import { measureExport, type ExportFigures } from "./export-phase";
import { measureImport, type ImportFigures } from "./import-phase";
import type { BenchOptions } from "./options";
import { count, seconds, type Check } from "./report";
import type { Actor } from "./slot-run";

// The bench's last two phases: the new paths' throughput, after every other phase so
// the imported stakes change nothing the slots measured. `--no-throughput` skips both.

export const throughputBars = { importMs: 30_000, exportMs: 10_000, exportRssGrowthMb: 64 };

export type ThroughputFigures = {
  /** The one-minute load average when each phase began: the machine is shared. */
  loadAverage: { export: number; import: number };
  export: ExportFigures;
  import: ImportFigures;
};

const loadNow = () => Math.round(os.loadavg()[0] * 10) / 10;

/** Slot 1's payout export, then `options.stakes` stakes imported over `options.users` new members. */
export async function measureThroughput(input: {
  options: BenchOptions;
  actor: Actor;
  slotId: number;
  log: (line: string) => void;
}): Promise<ThroughputFigures> {
  const { options, log } = input;
  const exportLoad = loadNow();
  log(`8. payout export of slot 1's ledger rows (load ${exportLoad})`);
  const exported = await measureExport({ actor: input.actor, slotId: input.slotId, databaseUrl: options.databaseUrl });
  log(
    `  ${count(exported.rows)} rows, ${(exported.bytes / 1024 / 1024).toFixed(1)} MB in ${seconds(exported.ms)} ` +
      `(${count(Math.round(exported.rowsPerSecond))} rows/s, first byte ${exported.firstByteMs.toFixed(0)} ms); ` +
      `CPU: cursor backend ${exported.backendCpuMs === null ? "not readable" : seconds(exported.backendCpuMs)}, this process ${seconds(exported.nodeCpuMs)}; rss +${exported.rssGrowthMb} MB`,
  );
  const importLoad = loadNow();
  log(`9. npm run import:stakes: ${count(options.users)} members, then ${count(options.stakes)} stakes twice (load ${importLoad})`);
  const imported = await measureImport({ databaseUrl: options.databaseUrl, stakes: options.stakes, members: options.users, log });
  return { loadAverage: { export: exportLoad, import: importLoad }, export: exported, import: imported };
}

export function throughputChecks(figures: ThroughputFigures): Check[] {
  const { export: exported, import: imported } = figures;
  return [
    {
      target: `payout export of ${count(exported.rows)} rows`,
      bar: `≤ ${seconds(throughputBars.exportMs)}`,
      measured: `${seconds(exported.ms)} (${count(Math.round(exported.rowsPerSecond))} rows/s)`,
      pass: exported.ms <= throughputBars.exportMs,
    },
    {
      target: "  rss growth during it",
      bar: `≤ ${throughputBars.exportRssGrowthMb} MB`,
      measured: `${exported.rssGrowthMb} MB`,
      pass: exported.rssGrowthMb <= throughputBars.exportRssGrowthMb,
    },
    {
      target: `import of ${count(imported.rows)} new stakes`,
      bar: `≤ ${seconds(throughputBars.importMs)}`,
      measured: `${seconds(imported.ms)} (${count(Math.round(imported.rowsPerSecond))} rows/s)`,
      pass: imported.ms <= throughputBars.importMs,
    },
    {
      target: "  the same file again (unchanged)",
      bar: "-",
      measured: seconds(imported.unchanged.ms),
      pass: null,
    },
  ];
}
