import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { applyMigrations } from "@/lib/db/migrations";
import { findExportScope } from "@/lib/payouts/find-export-scope";
import { keysetPayoutRows } from "@/lib/payouts/keyset-payout-rows";
import type { PayoutRow } from "@/lib/payouts/payout-row";

// The embedded database's export source runs its SQL on PGlite itself, not only on PostgreSQL.

let pglite: PGlite;
let client: PrismaClient;

beforeAll(async () => {
  pglite = new PGlite();
  await applyMigrations({ kind: "pglite", db: pglite });
  client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  await pglite.exec(`
    INSERT INTO users (id, email) SELECT n, 'member-' || n || '@slotpay.test' FROM generate_series(1, 7) n;
    INSERT INTO days (id, date, premium_pool_amount, performance_pool_amount, status) VALUES (1, '2031-01-05', 10, 5, 'COMPLETED');
    INSERT INTO slots (id, day_id, slot_number, ros_percentage, scheduled_for, status)
      VALUES (11, 1, 2, 1, '2031-01-05T14:00:00Z', 'COMPLETED'), (10, 1, 1, 1, '2031-01-05T10:00:00Z', 'COMPLETED');
    SELECT ledger_month_partition('2031-01-05');
    INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date)
      SELECT slot_id, kind, subject_id, user_id, amount, '2031-01-05' FROM (
        SELECT 10 AS slot_id, 'ROS'::"LedgerKind" AS kind, 100 + n AS subject_id, 1 + n % 7 AS user_id, n * 0.5 AS amount FROM generate_series(1, 9) n
        UNION ALL SELECT 10, 'PREMIUM_POOL'::"LedgerKind", n, n, 1.25 FROM generate_series(1, 4) n
        UNION ALL SELECT 11, 'ROS'::"LedgerKind", 100 + n, 1 + n % 7, 0.00000001 FROM generate_series(1, 5) n
        UNION ALL SELECT 11, 'PERFORMANCE_POOL'::"LedgerKind", n, n, 2 FROM generate_series(3, 7) n) rows;
  `);
});

afterAll(async () => {
  await client?.$disconnect();
  await pglite?.close();
});

it("reads every ledger entry of the day once, in slot and key order, whatever the batch size", async () => {
  const scope = await findExportScope({ db: client, date: "2031-01-05" });
  expect(scope.slots.map((slot) => slot.slotNumber)).toEqual([1, 2]);
  const { rows: expected } = await pglite.query<{ slot_number: number; kind: string; subject_id: number; amount: string }>(`
    SELECT s.slot_number, l.kind::text AS kind, l.subject_id, l.amount::text AS amount FROM ledger_entries l JOIN slots s ON s.id = l.slot_id
    ORDER BY s.slot_number, l.kind, l.subject_id`);
  for (const batchSize of [1, 4, 5, 100]) {
    const rows: PayoutRow[] = [];
    for await (const batch of keysetPayoutRows({ db: client, scope, batchSize })) {
      expect(batch.length).toBeLessThanOrEqual(batchSize);
      rows.push(...batch);
    }
    expect(rows.map((row) => [row.slotNumber, row.kind, row.stakeId ?? row.userId, row.amount])).toEqual(
      expected.map((row) => [row.slot_number, row.kind, row.subject_id, row.amount]),
    );
  }
});
