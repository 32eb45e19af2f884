import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, migrationsDir } from "@/lib/db/migrations";
import {
  createDatabase,
  dropDatabase,
  endSessionsOn,
  testDatabaseUrl,
  uniqueDatabaseName,
  withAdminClient,
} from "../../setup/test-database";

// The partitioning migration converts a ledger that already has rows, on both engines the app
// runs on: every entry keeps its values, gains its slot's date, and sits in its month's partition.

const partitioningMigration = "20261201400000_ledger_monthly_partitions";
type Query = (sql: string) => Promise<Record<string, unknown>[]>;

let beforePartitioning: string;

beforeAll(async () => {
  beforePartitioning = await mkdtemp(path.join(os.tmpdir(), "slotpay-migrations-"));
  for (const entry of await readdir(migrationsDir)) {
    if (entry < partitioningMigration) await cp(path.join(migrationsDir, entry), path.join(beforePartitioning, entry), { recursive: true });
  }
});

afterAll(async () => {
  await rm(beforePartitioning, { recursive: true, force: true });
});

const oldRows = `
  INSERT INTO days (id, date, premium_pool_amount, performance_pool_amount, status) VALUES
    (1, '2026-10-05', 1, 1, 'COMPLETED'), (2, '2026-11-20', 1, 1, 'COMPLETED');
  INSERT INTO slots (id, day_id, slot_number, ros_percentage, scheduled_for, status) VALUES
    (10, 1, 1, 1, '2026-10-05T12:00:00Z', 'COMPLETED'), (11, 2, 1, 1, '2026-11-20T12:00:00Z', 'COMPLETED');
  INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount) VALUES
    (10, 'ROS', 100, 1, 1.5), (10, 'PREMIUM_POOL', 1, 1, 0.25), (11, 'ROS', 100, 1, 2.5), (11, 'PERFORMANCE_POOL', 2, 2, 0.00000001)`;

async function expectConverted(query: Query) {
  expect(
    await query(`SELECT slot_id, kind::text, subject_id, user_id, amount::text, slot_date::text, tableoid::regclass::text AS partition
                 FROM ledger_entries ORDER BY slot_id, kind`),
  ).toEqual([
    {
      slot_id: 10,
      kind: "PREMIUM_POOL",
      subject_id: 1,
      user_id: 1,
      amount: "0.25000000",
      slot_date: "2026-10-05",
      partition: "ledger_entries_2026_10",
    },
    {
      slot_id: 10,
      kind: "ROS",
      subject_id: 100,
      user_id: 1,
      amount: "1.50000000",
      slot_date: "2026-10-05",
      partition: "ledger_entries_2026_10",
    },
    {
      slot_id: 11,
      kind: "PERFORMANCE_POOL",
      subject_id: 2,
      user_id: 2,
      amount: "0.00000001",
      slot_date: "2026-11-20",
      partition: "ledger_entries_2026_11",
    },
    {
      slot_id: 11,
      kind: "ROS",
      subject_id: 100,
      user_id: 1,
      amount: "2.50000000",
      slot_date: "2026-11-20",
      partition: "ledger_entries_2026_11",
    },
  ]);
  expect(await query("SELECT to_regclass('ledger_entries_unpartitioned') IS NULL AS gone")).toEqual([{ gone: true }]);
  await expect(
    query("INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date) VALUES (10, 'ROS', 100, 1, 9, '2026-10-05')"),
  ).rejects.toThrow(/duplicate key/);
  // A month that has no partition takes no row: there is no default partition.
  await expect(
    query("INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date) VALUES (12, 'ROS', 100, 1, 9, '2027-03-01')"),
  ).rejects.toThrow(/no partition of relation "ledger_entries"/);
}

describe("the ledger partitioning migration", () => {
  it("converts existing entries on PGlite", async () => {
    const pglite = new PGlite();
    try {
      await applyMigrations({ kind: "pglite", db: pglite }, { baseDir: beforePartitioning });
      await pglite.exec(oldRows);
      expect(await applyMigrations({ kind: "pglite", db: pglite })).toEqual([partitioningMigration]);
      await expectConverted(async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows);
    } finally {
      await pglite.close();
    }
  });

  it("converts existing entries on PostgreSQL", async () => {
    const name = uniqueDatabaseName("partitioning");
    const url = testDatabaseUrl(name);
    await withAdminClient((admin) => createDatabase(admin, name));
    try {
      await applyMigrations({ kind: "postgres", url }, { baseDir: beforePartitioning });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(oldRows);
      } finally {
        await client.end();
      }
      // Otherwise the second run waits on the first one's advisory lock for ~10 s.
      await withAdminClient((admin) => endSessionsOn(admin, name));
      expect(await applyMigrations({ kind: "postgres", url })).toEqual([partitioningMigration]);
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      try {
        await expectConverted(async (sql) => (await check.query(sql)).rows);
      } finally {
        await check.end();
      }
    } finally {
      await withAdminClient((admin) => dropDatabase(admin, name));
    }
  });
});
