import { historyQuery } from "@/lib/distribution/schemas";

// The history page's date range lives in its URL as ?from=&to= (the API's own names). Either may
// be left out: the API then answers with its default (the 30 days up to today).

export type HistoryRange = { from: string; to: string };

/** The range of a URL; an invalid date, or from after to, is dropped and named in `error`. */
export function historyRangeFromSearch(search: URLSearchParams): { range: HistoryRange; error: string | null } {
  const range = { from: search.get("from")?.trim() ?? "", to: search.get("to")?.trim() ?? "" };
  const parsed = historyQuery.safeParse({ from: range.from || undefined, to: range.to || undefined });
  if (parsed.success) return { range, error: null };
  return { range: { from: "", to: "" }, error: parsed.error.issues[0]?.message ?? "Invalid date range" };
}

export function searchOfHistoryRange(range: HistoryRange): string {
  const search = new URLSearchParams();
  if (range.from) search.set("from", range.from);
  if (range.to) search.set("to", range.to);
  return search.toString();
}

export const historyApiUrl = (range: HistoryRange) => {
  const search = searchOfHistoryRange(range);
  return `/api/admin/daily-declaration-returns/history${search ? `?${search}` : ""}`;
};

/** The payout export of a day, or of one of its slots. */
export const payoutsCsvUrl = (date: string, slotNumber?: number) =>
  `/api/admin/daily-declaration-returns/days/${date}/payouts.csv${slotNumber === undefined ? "" : `?slot=${slotNumber}`}`;
