import { db } from "@/lib/db/client";
import { exportPayoutsCsv } from "@/lib/payouts/export-payouts-csv";
import { startMemorySampler } from "./memory-sampler";
import type { Actor } from "./slot-run";

export type ExportFigures = {
  rows: number;
  ms: number;
  rowsPerSecond: number;
  firstByteMs: number;
  bytes: number;
  /** This process's RSS, peak minus start: the export streams, so it must not grow with the rows. */
  rssGrowthMb: number;
  heapGrowthMb: number;
};

/**
 * One slot's payout export, read to the end through the function the route answers with (its
 * Response body, streamed): rows per second and this process's memory while it ran.
 */
export async function measureExport(options: { actor: Actor; slotId: number }): Promise<ExportFigures> {
  const slot = await db().slot.findUniqueOrThrow({
    where: { id: options.slotId },
    select: { slotNumber: true, day: { select: { date: true } } },
  });
  const expected = await db().ledgerEntry.count({ where: { slotId: options.slotId } });
  const sampler = startMemorySampler(50);
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
      for (const byte of chunk.value) if (byte === 10) lines++;
    }
  } finally {
    sampler.stop();
  }
  const ms = performance.now() - started;
  const memory = sampler.stop();
  const rows = lines - 1; // the header line
  if (rows !== expected) throw new Error(`the export had ${rows} rows, slot ${slot.slotNumber}'s ledger ${expected}`);
  return {
    rows,
    ms,
    rowsPerSecond: rows / (ms / 1000),
    firstByteMs,
    bytes,
    rssGrowthMb: memory.rssGrowthMb,
    heapGrowthMb: memory.heapGrowthMb,
  };
}
