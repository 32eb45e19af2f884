import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { textStream } from "@/lib/http/text-stream";
import { logEvent } from "@/lib/observability/log";
import type { PayoutExportFormat } from "./export-schemas";
import { findExportScope } from "./find-export-scope";
import { payoutCsvChunks } from "./payout-csv";
import { payoutNdjsonChunks } from "./payout-ndjson";
import { payoutRows } from "./payout-rows";

const contentTypes = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson; charset=utf-8" } as const;

/** GET …/days/{date}/payouts.csv: the day's (or one slot's, or one member's) ledger entries as a streamed, audited CSV or NDJSON download. */
export async function exportPayoutsCsv(options: {
  actor: AuditActor;
  date: string;
  slotNumber?: number;
  memberExternalId?: string;
  format?: PayoutExportFormat;
}): Promise<Response> {
  const format = options.format ?? "csv";
  const scope = await findExportScope({ db: db(), ...options });
  await recordAudit({
    actor: options.actor,
    action: "payouts.export",
    outcome: "OK",
    details: {
      date: options.date,
      ...(options.slotNumber === undefined ? {} : { slotNumber: options.slotNumber }),
      ...(options.memberExternalId === undefined ? {} : { member: options.memberExternalId }),
      format,
    },
  });
  const filename = `slotpay-payouts-${options.date}${options.slotNumber === undefined ? "" : `-slot-${options.slotNumber}`}.${format}`;
  const rows = payoutRows({ scope });
  const body = textStream(format === "csv" ? payoutCsvChunks(rows) : payoutNdjsonChunks(rows), (error) =>
    logEvent("payouts.export-failed", { date: options.date, error: error instanceof Error ? error.message : String(error) }, "error"),
  );
  return new Response(body, {
    headers: {
      "Content-Type": contentTypes[format],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      Vary: "Accept",
    },
  });
}
