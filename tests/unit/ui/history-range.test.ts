import { describe, expect, it } from "vitest";
import { historyApiUrl, historyRangeFromSearch, payoutsCsvUrl, searchOfHistoryRange } from "@/components/history/history-range";

const parse = (search: string) => historyRangeFromSearch(new URLSearchParams(search));

describe("history range ↔ URL", () => {
  it("reads from/to and writes back only what is set", () => {
    expect(parse("from=2030-01-01&to=2030-01-31")).toEqual({ range: { from: "2030-01-01", to: "2030-01-31" }, error: null });
    expect(parse("to=2030-01-31")).toEqual({ range: { from: "", to: "2030-01-31" }, error: null });
    expect(searchOfHistoryRange({ from: "2030-01-01", to: "" })).toBe("from=2030-01-01");
    expect(historyApiUrl({ from: "", to: "" })).toBe("/api/admin/daily-declaration-returns/history");
    expect(historyApiUrl({ from: "2030-01-01", to: "2030-01-02" })).toBe(
      "/api/admin/daily-declaration-returns/history?from=2030-01-01&to=2030-01-02",
    );
  });

  it("drops an invalid range and says why", () => {
    expect(parse("from=2030-02-30")).toEqual({ range: { from: "", to: "" }, error: "dates are YYYY-MM-DD" });
    expect(parse("from=2030-02-02&to=2030-02-01")).toEqual({ range: { from: "", to: "" }, error: "from must not be after to" });
  });

  it("links a day's and a slot's payout export", () => {
    expect(payoutsCsvUrl("2030-01-05")).toBe("/api/admin/daily-declaration-returns/days/2030-01-05/payouts.csv");
    expect(payoutsCsvUrl("2030-01-05", 3)).toBe("/api/admin/daily-declaration-returns/days/2030-01-05/payouts.csv?slot=3");
  });
});
