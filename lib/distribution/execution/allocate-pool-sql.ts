import { Prisma } from "@/lib/db/generated/client";

export type PoolKind = "PREMIUM_POOL" | "PERFORMANCE_POOL";
export type PoolPayout = { qualifiedUsers: number; count: number; total: string };

/** Who shares a pool: equally (user ids) or in proportion to an integer weight (user_id, weight). */
export type PoolShares = { equal: Prisma.Sql } | { weighted: Prisma.Sql };

// Each CTE chain ends in `shares (user_id, units)` and `qualified (n)`; both pool kinds then
// insert and count the same way. Units × 0.00000001 is the amount exactly, without a division.

/** Equal shares: floor(units / n) each, and the n-th part of units left goes one each to the lowest user ids. */
const equalSharesSql = (units: Prisma.Sql, users: Prisma.Sql) => Prisma.sql`
  payees AS (${users}),
  qualified AS (SELECT count(*) AS n FROM payees),
  split AS (SELECT div(${units}, greatest(n, 1)) AS base, mod(${units}, greatest(n, 1)) AS units_left FROM qualified),
  shares AS (
    SELECT u.user_id, t.base + CASE WHEN row_number() OVER (ORDER BY u.user_id) <= t.units_left THEN 1 ELSE 0 END AS units
    FROM payees u, split t)`;

/** Weighted shares: floor(units × w / W) each, the units left one each to the largest remainders (ties by user id). */
const weightedSharesSql = (units: Prisma.Sql, weights: Prisma.Sql) => Prisma.sql`
  weights AS (${weights}),
  qualified AS (SELECT count(*) AS n, coalesce(sum(weight), 0) AS total_weight FROM weights),
  divided AS (
    SELECT w.user_id, div(${units} * w.weight, t.total_weight) AS base, mod(${units} * w.weight, t.total_weight) AS rest
    FROM weights w, qualified t WHERE t.total_weight > 0),
  leftover AS (SELECT ${units} - coalesce(sum(base), 0) AS units_left FROM divided),
  shares AS (
    SELECT d.user_id, d.base + CASE WHEN row_number() OVER (ORDER BY d.rest DESC, d.user_id) <= l.units_left THEN 1 ELSE 0 END AS units
    FROM divided d, leftover l)`;

/**
 * Pays `units` (1e-8 of a currency unit) among the users of `shares`, exactly: the shares sum to
 * `units` whatever the weights, by integer div/mod (largest remainder). One INSERT … SELECT, no loop.
 */
export function allocatePoolSql(options: {
  slotId: number;
  /** The slot's day (YYYY-MM-DD): the ledger's partition key. */
  slotDate: string;
  kind: PoolKind;
  units: bigint;
  shares: PoolShares;
}) {
  const units = Prisma.sql`${options.units.toString()}::numeric`;
  const shares =
    "equal" in options.shares ? equalSharesSql(units, options.shares.equal) : weightedSharesSql(units, options.shares.weighted);
  return Prisma.sql`
    WITH ${shares},
    paid AS (
      INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date)
      SELECT ${options.slotId}, ${options.kind}::"LedgerKind", user_id, user_id, units * 0.00000001, ${options.slotDate}::date
      FROM shares WHERE units > 0
      ORDER BY user_id -- in key order the primary key's index grows at its right edge
      RETURNING amount)
    SELECT (SELECT n FROM qualified)::int AS "qualifiedUsers", count(*)::int AS count, coalesce(sum(amount), 0)::text AS total
    FROM paid`;
}
