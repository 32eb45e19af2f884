import { GET as payoutsCsvRoute } from "@/app/api/admin/daily-declaration-returns/days/[date]/payouts.csv/route";
import { db } from "@/lib/db/client";
import { apiBase, apiRequest, callRoute } from "./http";

/** GET …/days/{date}/payouts.csv through the real route handler, as `cookie`'s session. */
export function exportCsv(options: { cookie?: string; date: string; query?: string }): Promise<Response> {
  const path = `${apiBase}/days/${options.date}/payouts.csv${options.query ? `?${options.query}` : ""}`;
  return callRoute(payoutsCsvRoute, apiRequest(path, { cookie: options.cookie }), { date: options.date });
}

export type LedgerExportRow = { slot: string; kind: string; userId: string; userEmail: string; stakeId: string; amount: string };

/** What the ledger holds for the day, read straight from the tables, in the export's order. */
export async function ledgerOfDay(date: string, slotNumber?: number): Promise<LedgerExportRow[]> {
  const rows = await db().$queryRaw<
    { slot_number: number; kind: string; subject_id: number; user_id: number; email: string; amount: string }[]
  >`
    SELECT s.slot_number, l.kind::text AS kind, l.subject_id, l.user_id, u.email, l.amount::text AS amount
    FROM ledger_entries l JOIN slots s ON s.id = l.slot_id JOIN days d ON d.id = s.day_id JOIN users u ON u.id = l.user_id
    WHERE d.date = ${date}::date AND (${slotNumber ?? null}::int IS NULL OR s.slot_number = ${slotNumber ?? null}::int)
    ORDER BY s.slot_number, l.kind, l.subject_id`;
  return rows.map((row) => ({
    slot: String(row.slot_number),
    kind: row.kind,
    userId: String(row.user_id),
    userEmail: row.email,
    stakeId: row.kind === "ROS" ? String(row.subject_id) : "",
    amount: row.amount,
  }));
}

/** SUM(amount) of the day's ledger entries, computed by PostgreSQL. */
export async function ledgerSumOfDay(date: string): Promise<string> {
  const [row] = await db().$queryRaw<{ total: string }[]>`
    SELECT coalesce(sum(l.amount), 0)::text AS total FROM ledger_entries l JOIN slots s ON s.id = l.slot_id JOIN days d ON d.id = s.day_id
    WHERE d.date = ${date}::date`;
  return row.total;
}
