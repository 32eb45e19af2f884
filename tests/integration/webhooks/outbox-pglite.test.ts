import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { applyMigrations } from "@/lib/db/migrations";
import { claimDueMessages } from "@/lib/webhooks/claim-due-messages";
import { enqueueSlotMessage } from "@/lib/webhooks/enqueue-slot-message";
import { recordAttempt } from "@/lib/webhooks/record-attempt";

// The embedded database (`npm start`) runs the outbox's SQL and a REPEATABLE READ transaction too.

let pglite: PGlite;
let client: PrismaClient;

beforeAll(async () => {
  Object.assign(process.env, { WEBHOOK_URL: "http://127.0.0.1:9/hooks", WEBHOOK_SECRET: "s" });
  pglite = new PGlite();
  await applyMigrations({ kind: "pglite", db: pglite });
  client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  await pglite.exec(`
    INSERT INTO users (id, email) VALUES (1, 'member-1@slotpay.test');
    INSERT INTO days (id, date, premium_pool_amount, performance_pool_amount, status) VALUES (1, '2031-01-05', 10, 5, 'COMPLETED');
    INSERT INTO slots (id, day_id, slot_number, ros_percentage, scheduled_for, status, execution_details)
      VALUES (10, 1, 1, 1, '2031-01-05T10:00:00Z', 'COMPLETED', '{"executedAt":"2031-01-05T10:00:00.100Z","completedAt":"2031-01-05T10:00:00.900Z","attempt":1}');
    SELECT ledger_month_partition('2031-01-05');
    INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date)
      VALUES (10, 'ROS', 100, 1, 12.5, '2031-01-05'), (10, 'PREMIUM_POOL', 1, 1, 10, '2031-01-05'), (10, 'PERFORMANCE_POOL', 1, 1, 5, '2031-01-05');
  `);
});

afterAll(async () => {
  delete process.env.WEBHOOK_URL;
  delete process.env.WEBHOOK_SECRET;
  await client?.$disconnect();
  await pglite?.close();
});

it("writes the message in a REPEATABLE READ transaction, claims it once and records the delivery", async () => {
  const id = await client.$transaction((tx) => enqueueSlotMessage(tx, { slotId: 10 }), { isolationLevel: "RepeatableRead" });
  const [claimed, ...more] = await claimDueMessages(client, { targets: ["WEBHOOK"], leaseMs: 5_000 });
  expect(more).toEqual([]);
  expect(claimed).toMatchObject({ id, target: "WEBHOOK", eventType: "slot.completed", attempt: 1 });
  expect(JSON.parse(claimed.body).data.totals).toEqual({
    stakesPaid: 1,
    totalRos: "12.5",
    premiumPoolPaid: "10",
    performancePoolPaid: "5",
    totalPaid: "27.5",
  });
  expect(await claimDueMessages(client, { targets: ["WEBHOOK"], leaseMs: 5_000 })).toEqual([]); // claimed: not due again
  expect(await recordAttempt(client, claimed, { ok: true, status: 200 })).toBe("DELIVERED");
  const [row] = await client.outboxMessage.findMany();
  expect(row).toMatchObject({ attempts: 1, lastStatus: 200, claimedUntil: null, deliveredAt: expect.any(Date) });
});
