import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";
import { exportPayoutsCsv } from "@/lib/payouts/export-payouts-csv";
import { payoutExportParams, payoutExportQuery } from "@/lib/payouts/export-schemas";

export const dynamic = "force-dynamic";

// GET /api/admin/daily-declaration-returns/days/{date}/payouts.csv?slot=N – the day's ledger entries as CSV (ADMIN, VIEWER; audited)
export const GET = route({ access: "signed-in", params: payoutExportParams, query: payoutExportQuery }, ({ session, params, query }) =>
  exportPayoutsCsv({ actor: actorOf(session), date: params.date, slotNumber: query.slot }),
);
