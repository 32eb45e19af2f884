import { db as defaultDb, type Db, type DbExecutor } from "@/lib/db/client";
import { loadSettings } from "@/lib/distribution/settings-store";
import { calendarDateIn } from "@/lib/distribution/time-zone";

export type ArchiveOutcome = { month: string; partition: string } & (
  | { outcome: "archived"; entries: number; users: number; amount: string }
  | { outcome: "already archived"; entries: number; users: number; amount: string }
  | { outcome: "refused"; reason: string }
);

/** A month's payouts in flight hold its partition: the archive gives up rather than stall them. */
const archiveLockTimeout = "5s";
const partitionName = /^ledger_entries_(\d{4})_(\d{2})$/;

class RefusedMonth extends Error {}

type Totals = { entries: number; users: number; amount: string };

async function livePartitions(client: DbExecutor) {
  const rows = await client.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'ledger_entries'::regclass ORDER BY c.relname`;
  return rows.flatMap(({ name }) => {
    const match = partitionName.exec(name);
    return match ? [{ partition: name, month: `${match[1]}-${match[2]}-01` }] : [];
  });
}

/**
 * One month in one transaction: block writes to its partition, check that every slot of its days
 * has ended, write each member's total and the month's totals, then detach the partition. The
 * detached table stays in the database, a plain table for the operator to dump and drop.
 */
async function archiveMonth(client: Db, month: string, partition: string): Promise<Totals> {
  const table = `"${partition}"`; // a catalogue name matching partitionName, not input
  return client.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('lock_timeout', ${archiveLockTimeout}, true)`;
      await tx.$executeRawUnsafe(`LOCK TABLE ${table} IN SHARE MODE`);
      const [open] = await tx.$queryRaw<{ slots: number }[]>`
        SELECT count(*)::int AS slots FROM slots s JOIN days d ON d.id = s.day_id
        WHERE d.date >= ${month}::date AND d.date < (${month}::date + interval '1 month') AND s.status IN ('PENDING', 'EXECUTING')`;
      if (open.slots > 0) throw new RefusedMonth(`${open.slots} slot(s) of its days are still PENDING or EXECUTING`);
      await tx.$executeRawUnsafe(
        `INSERT INTO ledger_month_checkpoints (month, user_id, amount, entries)
         SELECT $1::date, user_id, sum(amount), count(*) FROM ${table} GROUP BY user_id`,
        month,
      );
      const [totals] = await tx.$queryRawUnsafe<Totals[]>(
        `INSERT INTO ledger_archived_months (month, partition_name, entries, users, amount, ros_amount, premium_amount, performance_amount)
         SELECT $1::date, $2, count(*), count(DISTINCT user_id), coalesce(sum(amount), 0),
                coalesce(sum(amount) FILTER (WHERE kind = 'ROS'), 0),
                coalesce(sum(amount) FILTER (WHERE kind = 'PREMIUM_POOL'), 0),
                coalesce(sum(amount) FILTER (WHERE kind = 'PERFORMANCE_POOL'), 0)
         FROM ${table}
         RETURNING entries::int, users, amount::text`,
        month,
        partition,
      );
      await tx.$executeRawUnsafe(`ALTER TABLE ledger_entries DETACH PARTITION ${table}`);
      return totals;
    },
    { maxWait: 15_000, timeout: 60 * 60_000 },
  );
}

const reasonOf = (error: unknown) => {
  if (error instanceof RefusedMonth) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return /lock timeout/i.test(text) ? "its partition is in use (a payout or another archive); try again" : text.split("\n").at(-1)!.trim();
};

/**
 * `npm run ledger:archive -- --before YYYY-MM`: every ledger month strictly before `before`
 * leaves the live ledger, its totals kept as checkpoints (decision 024). Months already archived
 * are reported again and left alone; the current month (in the platform's time zone), later
 * months and months with a slot still to run are refused.
 */
export async function archiveLedgerMonths(options: { before: string; db?: Db; now?: Date }): Promise<ArchiveOutcome[]> {
  const client = options.db ?? defaultDb();
  const before = `${options.before}-01`;
  const settings = await loadSettings(client);
  const currentMonth = `${calendarDateIn(options.now ?? new Date(), settings.timeZone).slice(0, 7)}-01`;

  const outcomes: ArchiveOutcome[] = [];
  const archived = await client.$queryRaw<({ month: string; partition: string } & Totals)[]>`
    SELECT to_char(month, 'YYYY-MM') AS month, partition_name AS partition, entries::int, users, amount::text
    FROM ledger_archived_months WHERE month < ${before}::date`;
  for (const row of archived) outcomes.push({ ...row, outcome: "already archived" });
  for (const { month, partition } of await livePartitions(client)) {
    if (month >= before) continue;
    const label = month.slice(0, 7);
    if (month >= currentMonth) {
      outcomes.push({ month: label, partition, outcome: "refused", reason: "the month has not ended" });
      continue;
    }
    try {
      outcomes.push({ month: label, partition, outcome: "archived", ...(await archiveMonth(client, month, partition)) });
    } catch (error) {
      outcomes.push({ month: label, partition, outcome: "refused", reason: reasonOf(error) });
    }
  }
  return outcomes.sort((a, b) => a.month.localeCompare(b.month));
}
