import type { DbExecutor } from "@/lib/db/client";

export type LedgerReport = {
  ok: boolean;
  wallets: number;
  ledgerEntries: number;
  balanceMismatches: { userId: number; balance: string; ledgerSum: string }[];
  duplicatePayouts: { slotId: number; kind: string; subjectId: number; count: number }[];
  payoutsOfUnfinishedSlots: { slotId: number; status: string; entries: number }[];
  poolOverpayments: { dayId: number; pool: string; amount: string; paid: string; ledger: string }[];
};

/**
 * The ledger's invariants, checked in SQL over the whole database: every wallet balance equals
 * the sum of its user's entries; no (slot, kind, subject) is paid twice; only COMPLETED slots
 * have entries; each day's pool ledger equals what the day records as paid, never above the pool.
 */
export async function verifyLedger(client: DbExecutor, options: { limit?: number } = {}): Promise<LedgerReport> {
  const limit = options.limit ?? 50;
  const [counts] = await client.$queryRaw<{ wallets: number; entries: number }[]>`
    SELECT (SELECT count(*) FROM wallets)::int AS wallets, (SELECT count(*) FROM ledger_entries)::int AS entries`;
  const balanceMismatches = await client.$queryRaw<LedgerReport["balanceMismatches"]>`
    SELECT coalesce(w.user_id, l.user_id) AS "userId", coalesce(w.balance, 0)::text AS balance, coalesce(l.total, 0)::text AS "ledgerSum"
    FROM wallets w FULL JOIN (SELECT user_id, sum(amount) AS total FROM ledger_entries GROUP BY user_id) l ON l.user_id = w.user_id
    WHERE coalesce(w.balance, 0) <> coalesce(l.total, 0)
    ORDER BY 1 LIMIT ${limit}`;
  const duplicatePayouts = await client.$queryRaw<LedgerReport["duplicatePayouts"]>`
    SELECT slot_id AS "slotId", kind::text, subject_id AS "subjectId", count(*)::int AS count
    FROM ledger_entries GROUP BY slot_id, kind, subject_id HAVING count(*) > 1 LIMIT ${limit}`;
  const payoutsOfUnfinishedSlots = await client.$queryRaw<LedgerReport["payoutsOfUnfinishedSlots"]>`
    SELECT l.slot_id AS "slotId", coalesce(s.status::text, 'MISSING') AS status, count(*)::int AS entries
    FROM ledger_entries l LEFT JOIN slots s ON s.id = l.slot_id
    WHERE s.status IS DISTINCT FROM 'COMPLETED' GROUP BY l.slot_id, s.status LIMIT ${limit}`;
  const poolOverpayments = await client.$queryRaw<LedgerReport["poolOverpayments"]>`
    WITH pools AS (
      SELECT d.id, 'premium' AS pool, d.premium_pool_amount AS amount, d.premium_pool_paid AS paid,
             coalesce((SELECT sum(l.amount) FROM ledger_entries l JOIN slots s ON s.id = l.slot_id WHERE s.day_id = d.id AND l.kind = 'PREMIUM_POOL'), 0) AS ledger
      FROM days d
      UNION ALL
      SELECT d.id, 'performance', d.performance_pool_amount, d.performance_pool_paid,
             coalesce((SELECT sum(l.amount) FROM ledger_entries l JOIN slots s ON s.id = l.slot_id WHERE s.day_id = d.id AND l.kind = 'PERFORMANCE_POOL'), 0)
      FROM days d)
    SELECT id AS "dayId", pool, amount::text, paid::text, ledger::text FROM pools
    WHERE ledger <> paid OR paid > amount LIMIT ${limit}`;
  return {
    ok: balanceMismatches.length + duplicatePayouts.length + payoutsOfUnfinishedSlots.length + poolOverpayments.length === 0,
    wallets: counts.wallets,
    ledgerEntries: counts.entries,
    balanceMismatches,
    duplicatePayouts,
    payoutsOfUnfinishedSlots,
    poolOverpayments,
  };
}
