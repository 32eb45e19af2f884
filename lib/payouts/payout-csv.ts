import type { PayoutRow } from "./payout-row";

const needsQuotes = /[",\r\n]/;
// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
const formulaStart = /^[=+\-@\t\r]/;

/** RFC 4180: quoted when it holds a quote, comma or line break; quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell of free text (e.g. an email): a leading formula character is neutralised with a quote mark. */
export function csvTextField(value: string): string {
  return csvField(formulaStart.test(value) ? `'${value}` : value);
}

export const payoutCsvHeader = "date,slot,scheduledFor,kind,userId,userEmail,stakeId,amount\r\n";

export function payoutCsvLine(row: PayoutRow): string {
  return [
    csvField(row.date),
    csvField(row.slotNumber),
    csvField(row.scheduledFor),
    csvField(row.kind),
    csvField(row.userId),
    csvTextField(row.userEmail),
    csvField(row.stakeId),
    csvField(row.amount),
  ].join(",");
}

/** The CSV text of an export: the header, then one chunk per batch of rows. */
export async function* payoutCsvChunks(batches: AsyncIterable<PayoutRow[]>): AsyncGenerator<string> {
  yield payoutCsvHeader;
  for await (const batch of batches) {
    yield batch.map(payoutCsvLine).join("\r\n") + "\r\n";
  }
}
