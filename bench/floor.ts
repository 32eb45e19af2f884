import type pg from "pg";
import { Prisma } from "@/lib/db/generated/client";
import { payableStakesSql, rosAmountSql } from "@/lib/distribution/eligibility-sql";
import { payoutWorkMem } from "@/lib/distribution/execution/pay-slot";
import { cpuMsBetween, snapshotBackendCpu } from "./backend-cpu";

export type FloorFigures = {
  /** The whole floor: the inserts, the wallet update and the commit. */
  ms: number;
  insertMs: number;
  walletMs: number;
  /** CPU of the backend that ran it (null when /proc is not readable). */
  cpuMs: number | null;
  rows: number;
  wallets: number;
};

type FloorPlan = { scheduledFor: Date; rosPercentage: string; premiumUsers: number; performanceUsers: number };

const run = (client: pg.Client, statement: Prisma.Sql) => client.query(statement.text, statement.values);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * What PostgreSQL itself needs for a slot's writes, on the same data just before the slot: one
 * INSERT … SELECT of every ROS row (the payout's own amounts and filter), one of as many pool
 * rows as the pools will pay (to the first users by id: who gets what is not part of the floor),
 * and one UPDATE of every paid wallet by the sums of those rows, committed. It runs on copies
 * of ledger_entries (empty, same key) and wallets (same rows, same storage options) that are
 * dropped afterwards, so the slot then finds its tables as the seed left them.
 */
export async function measureFloor(client: pg.Client, plan: FloorPlan): Promise<FloorFigures> {
  const [{ reloptions }] = (
    await client.query<{ reloptions: string[] | null }>("SELECT reloptions FROM pg_class WHERE relname = 'wallets'")
  ).rows;
  const storage = reloptions?.length ? `WITH (${reloptions.join(", ")})` : "";
  await client.query("DROP TABLE IF EXISTS floor_ledger_entries, floor_wallets");
  // Partitioned like the ledger, with the one month the slot writes to.
  const slotDate = plan.scheduledFor.toISOString().slice(0, 10);
  await client.query("CREATE TABLE floor_ledger_entries (LIKE ledger_entries INCLUDING ALL) PARTITION BY RANGE (slot_date)");
  const month = `date_trunc('month', '${slotDate}'::date)`; // an ISO date of our own, not input
  await client.query(
    `CREATE TABLE floor_ledger_entries_month PARTITION OF floor_ledger_entries FOR VALUES FROM (${month}) TO (${month} + interval '1 month')`,
  );
  await client.query(`CREATE TABLE floor_wallets (LIKE wallets INCLUDING ALL) ${storage}`);
  await client.query("INSERT INTO floor_wallets SELECT * FROM wallets");
  await client.query("VACUUM ANALYZE floor_wallets");
  await client.query("CHECKPOINT").catch(() => undefined);

  const cpuBefore = await snapshotBackendCpu(client);
  const started = performance.now();
  await client.query("BEGIN");
  await client.query("SELECT set_config('work_mem', $1, true)", [payoutWorkMem]);
  let rows = 0;
  const insertMs = await timed(async () => {
    const ros = await run(
      client,
      Prisma.sql`INSERT INTO floor_ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date)
        SELECT 1, 'ROS', s.id, s.user_id, ${rosAmountSql(plan.rosPercentage)}, ${slotDate}::date FROM ${payableStakesSql(plan.scheduledFor)}`,
    );
    rows += ros.rowCount ?? 0;
    for (const [kind, users] of [
      ["PREMIUM_POOL", plan.premiumUsers],
      ["PERFORMANCE_POOL", plan.performanceUsers],
    ] as const) {
      const pool = await client.query(
        `INSERT INTO floor_ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date)
         SELECT 1, $1::"LedgerKind", id, id, 0.01, $3::date FROM users ORDER BY id LIMIT $2`,
        [kind, users, slotDate],
      );
      rows += pool.rowCount ?? 0;
    }
  });
  let wallets = 0;
  const walletMs = await timed(async () => {
    const update = await client.query(`
      UPDATE floor_wallets w SET balance = w.balance + d.total, updated_at = now()
      FROM (SELECT user_id, sum(amount) AS total FROM floor_ledger_entries GROUP BY user_id) d WHERE w.user_id = d.user_id`);
    wallets = update.rowCount ?? 0;
  });
  await client.query("COMMIT");
  const ms = performance.now() - started;
  const cpuMs = cpuMsBetween(cpuBefore, await snapshotBackendCpu(client));

  await client.query("DROP TABLE floor_ledger_entries, floor_wallets");
  await client.query("CHECKPOINT").catch(() => undefined); // the slot should not flush the floor's pages
  return { ms, insertMs, walletMs, cpuMs, rows, wallets };
}
