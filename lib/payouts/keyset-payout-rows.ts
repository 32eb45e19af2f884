import type { DbExecutor } from "@/lib/db/client";
import { slotPayoutsSql, toPayoutRow, type PayoutExportScope, type PayoutRow, type SlotPayoutRecord } from "./payout-row";

/**
 * A day's payouts in keyset-paginated batches of short queries. For the embedded PGlite, which
 * is the process's only connection: a cursor would hold it (and every other request) for the
 * whole download, while a batch query lets other work in between.
 */
export async function* keysetPayoutRows(options: {
  db: DbExecutor;
  scope: PayoutExportScope;
  batchSize?: number;
}): AsyncGenerator<PayoutRow[]> {
  const batchSize = options.batchSize ?? 5_000;
  for (const slot of options.scope.slots) {
    let after: SlotPayoutRecord | undefined;
    for (;;) {
      const records = after
        ? await options.db.$queryRawUnsafe<SlotPayoutRecord[]>(
            `${slotPayoutsSql} AND (l.kind, l.subject_id) > ($3::"LedgerKind", $4) ORDER BY l.kind, l.subject_id LIMIT $5`,
            slot.id,
            options.scope.userId,
            after.kind,
            after.subject_id,
            batchSize,
          )
        : await options.db.$queryRawUnsafe<SlotPayoutRecord[]>(
            `${slotPayoutsSql} ORDER BY l.kind, l.subject_id LIMIT $3`,
            slot.id,
            options.scope.userId,
            batchSize,
          );
      if (records.length > 0) yield records.map((record) => toPayoutRow(options.scope, slot, record));
      if (records.length < batchSize) break;
      after = records[records.length - 1];
    }
  }
}
