import { db } from "@/lib/db/client";
import { exportPayoutsCsv } from "@/lib/payouts/export-payouts-csv";
import { watchBackend } from "./backend-cpu";
import { startMemorySampler } from "./memory-sampler";
import type { Actor } from "./slot-run";

export type ExportFigures = {
  rows: number;
  ms: number;
  rowsPerSecond: number;
  firstByteMs: number;
  bytes: number;
  /** The export's cursor backend, and this process (which formats the rows), from /proc and process.cpuUsage(). */
  backendCpuMs: number | null;
  nodeCpuMs: number;
  /** This process's RSS, peak minus start: the export streams, so it must not grow with the rows. */
  rssGrowthMb: number;
  heapGrowthMb: number;
};

/**
 * One slot's payout export, read to the end through the function the route answers with (its
 * Response body, streamed): rows per second and this process's memory while it ran.
 */
export async function measureExport(options: { actor: Actor; slotId: number; databaseUrl: string }): Promise<ExportFigures> {
  const slot = await db().slot.findUniqueOrThrow({
    where: { id: options.slotId },
    select: { slotNumber: true, day: { select: { date: true } } },
  });
  const expected = await db().ledgerEntry.count({ where: { slotId: options.slotId } });
  const backend = await watchBackend(options.databaseUrl, "slotpay-payout-export"); // the cursor's application_name
  const sampler = startMemorySampler(50);
  const nodeCpuBefore = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  let firstByteMs = 0;
  try {
    const response = await exportPayoutsCsv({
      actor: options.actor,
      date: slot.day.date.toISOString().slice(0, 10),
      slotNumber: slot.slotNumber,
      format: "csv",
    });
    const reader = response.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += chunk.value.byteLength;
      for (let at = chunk.value.indexOf(10); at >= 0; at = chunk.value.indexOf(10, at + 1)) lines++;
    }
  } finally {
    sampler.stop();
    await backend.stop();
  }
  const ms = performance.now() - started;
  const nodeCpu = process.cpuUsage(nodeCpuBefore);
  const memory = sampler.stop();
  const rows = lines - 1; // the header line
  if (rows !== expected) throw new Error(`the export had ${rows} rows, slot ${slot.slotNumber}'s ledger ${expected}`);
  return {
    rows,
    ms,
    rowsPerSecond: rows / (ms / 1000),
    firstByteMs,
    bytes,
    backendCpuMs: backend.cpuMs(),
    nodeCpuMs: (nodeCpu.user + nodeCpu.system) / 1000,
    rssGrowthMb: memory.rssGrowthMb,
    heapGrowthMb: memory.heapGrowthMb,
  };
}
