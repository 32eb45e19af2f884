import type { DbExecutor } from "@/lib/db/client";

export type LedgerReport = {
  ok: boolean;
  wallets: number;
  /** Live entries; archivedEntries are those of archived months, kept as per-member checkpoints. */
  ledgerEntries: number;
  archivedEntries: number;
  balanceMismatches: { userId: number; balance: string; ledgerSum: string }[];
  duplicatePayouts: { slotId: number; kind: string; subjectId: number; count: number }[];
  payoutsOfUnfinishedSlots: { slotId: number; status: string; entries: number }[];
  poolOverpayments: { dayId: number; pool: string; amount: string; paid: string; ledger: string }[];
  checkpointMismatches: { month: string; total: string; recorded: string; sum: string }[];
};

/**
 * The ledger's invariants, checked in SQL over the whole database: every wallet balance equals
 * the sum of its user's entries plus their checkpoints of archived months; no (slot, kind,
 * subject) is paid twice; only COMPLETED slots have entries; each day's pool ledger equals what
 * the day records as paid, never above the pool (for archived months: the month's pool totals
 * equal its days' paid sums); each archived month's totals equal the sums of its checkpoints.
 */
export async function verifyLedger(client: DbExecutor, options: { limit?: number } = {}): Promise<LedgerReport> {
  const limit = options.limit ?? 50;
  const [counts] = await client.$queryRaw<{ wallets: number; entries: number; archived: number }[]>`
    SELECT (SELECT count(*) FROM wallets)::int AS wallets, (SELECT count(*) FROM ledger_entries)::int AS entries,
           (SELECT coalesce(sum(entries), 0) FROM ledger_archived_months)::int AS archived`;
  const balanceMismatches = await client.$queryRaw<LedgerReport["balanceMismatches"]>`
    SELECT coalesce(w.user_id, l.user_id) AS "userId", coalesce(w.balance, 0)::text AS balance, coalesce(l.total, 0)::text AS "ledgerSum"
    FROM wallets w FULL JOIN (
      SELECT user_id, sum(total) AS total FROM (
        SELECT user_id, sum(amount) AS total FROM ledger_entries GROUP BY user_id
        UNION ALL SELECT user_id, sum(amount) FROM ledger_month_checkpoints GROUP BY user_id) parts
      GROUP BY user_id) l ON l.user_id = w.user_id
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
    WITH live_days AS (
      SELECT * FROM days d WHERE NOT EXISTS (SELECT 1 FROM ledger_archived_months a WHERE a.month = date_trunc('month', d.date))),
    pools AS (
      SELECT d.id, 'premium' AS pool, d.premium_pool_amount AS amount, d.premium_pool_paid AS paid,
             coalesce((SELECT sum(l.amount) FROM ledger_entries l JOIN slots s ON s.id = l.slot_id WHERE s.day_id = d.id AND l.kind = 'PREMIUM_POOL'), 0) AS ledger
      FROM live_days d
      UNION ALL
      SELECT d.id, 'performance', d.performance_pool_amount, d.performance_pool_paid,
             coalesce((SELECT sum(l.amount) FROM ledger_entries l JOIN slots s ON s.id = l.slot_id WHERE s.day_id = d.id AND l.kind = 'PERFORMANCE_POOL'), 0)
      FROM live_days d)
    SELECT id AS "dayId", pool, amount::text, paid::text, ledger::text FROM pools
    WHERE ledger <> paid OR paid > amount LIMIT ${limit}`;
  const checkpointMismatches = await client.$queryRaw<LedgerReport["checkpointMismatches"]>`
    WITH months AS (
      SELECT a.*, (SELECT coalesce(sum(c.amount), 0) FROM ledger_month_checkpoints c WHERE c.month = a.month) AS checkpoint_amount,
             (SELECT coalesce(sum(c.entries), 0) FROM ledger_month_checkpoints c WHERE c.month = a.month) AS checkpoint_entries,
             (SELECT count(*) FROM ledger_month_checkpoints c WHERE c.month = a.month) AS checkpoint_users,
             (SELECT coalesce(sum(d.premium_pool_paid), 0) FROM days d WHERE date_trunc('month', d.date) = a.month) AS premium_paid,
             (SELECT coalesce(sum(d.performance_pool_paid), 0) FROM days d WHERE date_trunc('month', d.date) = a.month) AS performance_paid
      FROM ledger_archived_months a),
    totals AS (
      SELECT month, 'amount' AS total, amount AS recorded, checkpoint_amount AS sum FROM months
      UNION ALL SELECT month, 'entries', entries, checkpoint_entries FROM months
      UNION ALL SELECT month, 'users', users, checkpoint_users FROM months
      UNION ALL SELECT month, 'amount by kind', amount, ros_amount + premium_amount + performance_amount FROM months
      UNION ALL SELECT month, 'premium pool paid by its days', premium_amount, premium_paid FROM months
      UNION ALL SELECT month, 'performance pool paid by its days', performance_amount, performance_paid FROM months)
    SELECT to_char(month, 'YYYY-MM') AS month, total, recorded::text, sum::text FROM totals
    WHERE recorded <> sum ORDER BY month, total LIMIT ${limit}`;
  return {
    ok:
      balanceMismatches.length +
        duplicatePayouts.length +
        payoutsOfUnfinishedSlots.length +
        poolOverpayments.length +
        checkpointMismatches.length ===
      0,
    wallets: counts.wallets,
    ledgerEntries: counts.entries,
    archivedEntries: counts.archived,
    balanceMismatches,
    duplicatePayouts,
    payoutsOfUnfinishedSlots,
    poolOverpayments,
    checkpointMismatches,
  };
}
