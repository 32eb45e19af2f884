import { callerActorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";
import { exportPayoutsCsv } from "@/lib/payouts/export-payouts-csv";
import { payoutExportFormat, payoutExportParams, payoutExportQuery } from "@/lib/payouts/export-schemas";

export const dynamic = "force-dynamic";

// GET /api/admin/daily-declaration-returns/days/{date}/payouts.csv?slot=N&member=&format=csv|ndjson – the day's ledger
// entries as CSV or NDJSON (ADMIN, VIEWER, or an API key with payouts:read; audited)
export const GET = route(
  { access: "signed-in", apiKeyScope: "payouts:read", params: payoutExportParams, query: payoutExportQuery },
  ({ request, session, apiKey, params, query }) =>
    exportPayoutsCsv({
      actor: callerActorOf(session, apiKey),
      date: params.date,
      slotNumber: query.slot,
      memberExternalId: query.member,
      format: payoutExportFormat(query.format, request.headers.get("accept")),
    }),
);
