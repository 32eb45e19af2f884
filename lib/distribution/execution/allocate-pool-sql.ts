import { Prisma } from "@/lib/db/generated/client";

export type PoolKind = "PREMIUM_POOL" | "PERFORMANCE_POOL";
export type PoolPayout = { qualifiedUsers: number; count: number; total: string };

/**
 * Pays `units` (1e-8 of a currency unit) among the users of `weights` (user_id, integer weight)
 * in proportion to their weights, exactly: each gets floor(units × w / W) and the units left
 * over go one each to the largest remainders (ties by user id) — so the shares sum to `units`.
 * Integer div/mod keep it exact whatever the weights. One INSERT … SELECT, no loop.
 */
export function allocatePoolSql(options: {
  slotId: number;
  /** The slot's day (YYYY-MM-DD): the ledger's partition key. */
  slotDate: string;
  kind: PoolKind;
  units: bigint;
  weights: Prisma.Sql;
  equalWeights?: boolean;
}) {
  const units = Prisma.sql`${options.units.toString()}::numeric`;
  // Equal weights leave every user the same remainder, so the leftover goes by user id alone:
  // no sort on the remainders.
  const leftoverOrder = options.equalWeights ? Prisma.sql`user_id` : Prisma.sql`rest DESC, user_id`;
  return Prisma.sql`
    WITH weights AS (${options.weights}),
    totals AS (SELECT coalesce(sum(weight), 0) AS total_weight, count(*) AS qualified FROM weights),
    shares AS (
      SELECT w.user_id, div(${units} * w.weight, t.total_weight) AS base, mod(${units} * w.weight, t.total_weight) AS rest
      FROM weights w, totals t WHERE t.total_weight > 0),
    leftover AS (SELECT ${units} - coalesce(sum(base), 0) AS units_left FROM shares),
    ranked AS (SELECT user_id, base, row_number() OVER (ORDER BY ${leftoverOrder}) AS rank FROM shares),
    paid AS (
      INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date)
      SELECT ${options.slotId}, ${options.kind}::"LedgerKind", r.user_id, r.user_id,
             (r.base + CASE WHEN r.rank <= l.units_left THEN 1 ELSE 0 END) / 100000000, ${options.slotDate}::date
      FROM ranked r, leftover l
      WHERE r.base + CASE WHEN r.rank <= l.units_left THEN 1 ELSE 0 END > 0
      ORDER BY r.user_id -- in key order the primary key's index grows at its right edge
      RETURNING amount)
    SELECT (SELECT qualified FROM totals)::int AS "qualifiedUsers", count(*)::int AS count, coalesce(sum(amount), 0)::text AS total
    FROM paid`;
}
