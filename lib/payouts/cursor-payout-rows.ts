import pg from "pg";
import Cursor from "pg-cursor";
import { slotPayoutsSql, toPayoutRow, type PayoutExportScope, type PayoutRow, type SlotPayoutRecord } from "./payout-row";

/**
 * A day's payouts from PostgreSQL through a server-side cursor on a connection of its own, in
 * batches: Node holds one batch at a time however many rows the day has. One read-only
 * REPEATABLE READ transaction gives every slot the same snapshot.
 */
export async function* cursorPayoutRows(options: {
  databaseUrl: string;
  scope: PayoutExportScope;
  batchSize?: number;
}): AsyncGenerator<PayoutRow[]> {
  const batchSize = options.batchSize ?? 5_000;
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "slotpay-payout-export" });
  client.on("error", () => undefined); // a dropped connection rejects the read in progress
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    for (const slot of options.scope.slots) {
      const cursor = client.query(
        new Cursor<SlotPayoutRecord>(`${slotPayoutsSql} ORDER BY l.kind, l.subject_id`, [slot.id, options.scope.userId]),
      );
      try {
        for (let records = await cursor.read(batchSize); records.length > 0; records = await cursor.read(batchSize)) {
          yield records.map((record) => toPayoutRow(options.scope, slot, record));
        }
      } finally {
        await cursor.close();
      }
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}
