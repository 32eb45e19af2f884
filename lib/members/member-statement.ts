import type { DbExecutor } from "@/lib/db/client";
import { fromUnits, toUnits } from "@/lib/distribution/money";
import { AppError } from "@/lib/errors/app-error";
import { assertLedgerLive } from "@/lib/ledger/assert-ledger-live";
import { groupStatementEntries, type StatementEntry } from "./statement-entries";

/**
 * GET /members/{externalId}/statement: what a member was paid from `from` to `to` (days of
 * distribution, inclusive), slot by slot from the ledger — ROS per stake with its principal (as it is
 * now) and the slot's ROS %, pool shares — and the balance: everything paid before the period, then after
 * each slot. Read in one REPEATABLE READ snapshot by the caller's transaction.
 */
export async function memberStatement(options: { db: DbExecutor; externalId: string; from: string; to: string }) {
  const member = await options.db.user.findUnique({
    where: { externalId: options.externalId },
    select: { id: true, externalId: true, email: true, name: true, performanceScore: true, wallet: { select: { balance: true } } },
  });
  if (!member) throw new AppError("NOT_FOUND", `No member with externalId ${options.externalId}`);
  await assertLedgerLive({ db: options.db, from: options.from, to: options.to, what: "A statement" });
  const from = new Date(`${options.from}T00:00:00Z`);
  const to = new Date(`${options.to}T00:00:00Z`);
  // Archived months are all before `from` here: their checkpoints count in the opening balance.
  const [opening] = await options.db.$queryRaw<{ total: string }[]>`
    SELECT (coalesce((SELECT sum(l.amount)
                      FROM ledger_entries l JOIN slots s ON s.id = l.slot_id JOIN days d ON d.id = s.day_id
                      WHERE l.user_id = ${member.id} AND d.date < ${from}::date), 0)
          + coalesce((SELECT sum(c.amount) FROM ledger_month_checkpoints c WHERE c.user_id = ${member.id} AND c.month < ${from}::date), 0))::text AS total`;
  const entries = await options.db.$queryRaw<StatementEntry[]>`
    SELECT d.date::text AS date, s.slot_number AS "slotNumber", s.scheduled_for AS "scheduledFor",
           s.ros_percentage::text AS "rosPercentage", l.kind::text AS kind,
           CASE WHEN l.kind = 'ROS' THEN l.subject_id END AS "stakeId",
           st.external_id AS "stakeExternalId", st.principal::text AS principal, l.amount::text AS amount
    FROM ledger_entries l JOIN slots s ON s.id = l.slot_id JOIN days d ON d.id = s.day_id
    LEFT JOIN stakes st ON l.kind = 'ROS' AND st.id = l.subject_id
    WHERE l.user_id = ${member.id} AND d.date BETWEEN ${from}::date AND ${to}::date
    ORDER BY d.date, s.slot_number, l.kind, l.subject_id`;
  const openingBalance = fromUnits(toUnits(opening?.total ?? "0"));
  const statement = groupStatementEntries(entries, openingBalance);
  return {
    member: {
      externalId: member.externalId,
      email: member.email,
      name: member.name,
      performanceScore: member.performanceScore.toString(),
    },
    from: options.from,
    to: options.to,
    openingBalance,
    ...statement,
    walletBalance: member.wallet?.balance.toString() ?? "0",
  };
}
