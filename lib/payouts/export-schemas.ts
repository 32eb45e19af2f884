import { z } from "zod";
import { blankAsAbsent, calendarDateField, slotNumberField } from "@/lib/http/query-fields";
import { externalIdField } from "@/lib/members/statement-schemas";

export const payoutExportParams = z.object({ date: calendarDateField("date") });

export const payoutExportFormats = ["csv", "ndjson"] as const;
export type PayoutExportFormat = (typeof payoutExportFormats)[number];

export const payoutExportQuery = z.object({
  slot: slotNumberField("slot").optional(),
  format: blankAsAbsent(z.enum(payoutExportFormats, { message: "format must be csv or ndjson" })),
  member: blankAsAbsent(externalIdField),
});

/** `format=` wins; else an Accept of application/x-ndjson (or application/ndjson) asks for NDJSON; else CSV. */
export function payoutExportFormat(format: PayoutExportFormat | undefined, accept: string | null): PayoutExportFormat {
  if (format) return format;
  return /application\/(x-)?ndjson/i.test(accept ?? "") ? "ndjson" : "csv";
}
