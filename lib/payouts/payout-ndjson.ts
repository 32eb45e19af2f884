import type { PayoutRow } from "./payout-row";

/** NDJSON: one JSON object per ledger entry and line; amounts stay exact decimal strings. */
export async function* payoutNdjsonChunks(batches: AsyncIterable<PayoutRow[]>): AsyncGenerator<string> {
  for await (const batch of batches) {
    yield batch.map((row) => JSON.stringify(row)).join("\n") + "\n";
  }
}
