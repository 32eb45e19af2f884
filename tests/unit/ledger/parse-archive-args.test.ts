import { describe, expect, it } from "vitest";
import { parseArchiveArgs } from "@/lib/ledger/parse-archive-args";

describe("parseArchiveArgs", () => {
  it("takes --before YYYY-MM in either spelling", () => {
    expect(parseArchiveArgs(["--before", "2026-11"])).toEqual({ before: "2026-11" });
    expect(parseArchiveArgs(["--before=2026-01"])).toEqual({ before: "2026-01" });
  });

  it.each([
    [[]],
    [["--before"]],
    [["2026-11"]],
    [["--after", "2026-11"]],
    [["--before", "2026-11", "--now"]],
    [["--before", "2026-11", "2026-12"]],
  ])("refuses the arguments %j", (argv) => {
    expect(parseArchiveArgs(argv)).toEqual({ error: expect.stringContaining("expected --before YYYY-MM") });
  });

  it.each(["2026-13", "2026-00", "26-11", "2026-1", "2026-11-01", "1999-12", ""])("refuses the month %j", (month) => {
    expect(parseArchiveArgs(["--before", month])).toEqual({ error: expect.stringContaining("--before must be a month as YYYY-MM") });
  });
});
