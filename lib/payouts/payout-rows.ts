import { db } from "@/lib/db/client";
import { cursorPayoutRows } from "./cursor-payout-rows";
import { keysetPayoutRows } from "./keyset-payout-rows";
import type { PayoutExportScope, PayoutRow } from "./payout-row";

/** The export's row source: a cursor on PostgreSQL, keyset batches on the embedded database. */
export function payoutRows(options: { scope: PayoutExportScope; batchSize?: number }): AsyncGenerator<PayoutRow[]> {
  const databaseUrl = process.env.DATABASE_URL;
  return databaseUrl ? cursorPayoutRows({ databaseUrl, ...options }) : keysetPayoutRows({ db: db(), ...options });
}
