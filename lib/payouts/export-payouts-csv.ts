import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { textStream } from "@/lib/http/text-stream";
import { logEvent } from "@/lib/observability/log";
import { findExportScope } from "./find-export-scope";
import { payoutCsvChunks } from "./payout-csv";
import { payoutRows } from "./payout-rows";

/** GET …/days/{date}/payouts.csv: the day's (or one slot's) ledger entries as a streamed, audited CSV download. */
export async function exportPayoutsCsv(options: { actor: AuditActor; date: string; slotNumber?: number }): Promise<Response> {
  const scope = await findExportScope({ db: db(), date: options.date, slotNumber: options.slotNumber });
  await recordAudit({
    actor: options.actor,
    action: "payouts.export",
    outcome: "OK",
    details: { date: options.date, ...(options.slotNumber === undefined ? {} : { slotNumber: options.slotNumber }), format: "csv" },
  });
  const filename = `slotpay-payouts-${options.date}${options.slotNumber === undefined ? "" : `-slot-${options.slotNumber}`}.csv`;
  const body = textStream(payoutCsvChunks(payoutRows({ scope })), (error) =>
    logEvent("payouts.export-failed", { date: options.date, error: error instanceof Error ? error.message : String(error) }, "error"),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
