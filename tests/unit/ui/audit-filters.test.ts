import { describe, expect, it } from "vitest";
import { auditFiltersFromSearch, auditLogApiUrl, emptyAuditFilters, searchOfAuditFilters } from "@/components/audit/audit-filters";
import { jsonDiff } from "@/components/audit/json-diff";

const parse = (search: string) => auditFiltersFromSearch(new URLSearchParams(search));

describe("audit filters ↔ URL", () => {
  it("reads every filter and writes it back in a stable order, leaving out empty ones and page 1", () => {
    const { filters, dropped } = parse(
      "slot=2&date=2030-01-05&actor=ann%40x.test&outcome=REFUSED&action=distribution.modify&from=2030-01-01&to=2030-01-31&page=3",
    );
    expect(dropped).toEqual([]);
    expect(filters).toEqual({
      action: "distribution.modify",
      outcome: "REFUSED",
      actor: "ann@x.test",
      from: "2030-01-01",
      to: "2030-01-31",
      date: "2030-01-05",
      slot: "2",
      page: 3,
    });
    expect(searchOfAuditFilters(filters)).toBe(
      "action=distribution.modify&outcome=REFUSED&actor=ann%40x.test&from=2030-01-01&to=2030-01-31&date=2030-01-05&slot=2&page=3",
    );
    expect(searchOfAuditFilters({ ...filters, page: 1, actor: "" })).not.toMatch(/page=|actor=/);
    expect(searchOfAuditFilters(emptyAuditFilters)).toBe("");
  });

  it("drops what the API would refuse, naming it, instead of showing an error page", () => {
    expect(parse("outcome=MAYBE&from=2030-02-30&slot=3&page=-1")).toEqual({
      filters: emptyAuditFilters,
      dropped: ["outcome", "from", "slot"],
    });
    expect(parse("from=2030-02-02&to=2030-02-01").filters).toMatchObject({ from: "2030-02-02", to: "" });
    expect(parse("date=2030-01-05&slot=0").dropped).toEqual(["slot"]);
    expect(parse("page=2.5").filters.page).toBe(1);
  });

  it("asks the API for one page of the same filters", () => {
    expect(auditLogApiUrl({ ...emptyAuditFilters, outcome: "OK", page: 2 })).toBe("/api/admin/audit-log?outcome=OK&page=2&pageSize=25");
  });
});

describe("before/after diff", () => {
  it("lists changed, added and removed leaves; slots are matched by number, not position", () => {
    const before = {
      premiumPoolAmount: "100",
      slots: [
        { slotNumber: 1, rosPercentage: "1" },
        { slotNumber: 2, rosPercentage: "1" },
        { slotNumber: 3, rosPercentage: "2" },
      ],
    };
    const after = {
      premiumPoolAmount: "150",
      slots: [
        { slotNumber: 1, rosPercentage: "1" },
        { slotNumber: 3, rosPercentage: "2.5" },
      ],
      description: "x",
    };
    expect(jsonDiff(before, after)).toEqual([
      { path: "premiumPoolAmount", before: "100", after: "150", change: "changed" },
      { path: "slots.slot 2", before: { slotNumber: 2, rosPercentage: "1" }, after: undefined, change: "removed" },
      { path: "slots.slot 3.rosPercentage", before: "2", after: "2.5", change: "changed" },
      { path: "description", before: undefined, after: "x", change: "added" },
    ]);
  });

  it("shows a first change (no before) as every top-level field added, and nothing for equal values", () => {
    expect(jsonDiff(null, { a: 1, b: [1] })).toEqual([
      { path: "a", before: undefined, after: 1, change: "added" },
      { path: "b", before: undefined, after: [1], change: "added" },
    ]);
    expect(jsonDiff({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
    expect(jsonDiff(null, null)).toEqual([]);
    expect(jsonDiff("x", "y")).toEqual([{ path: "(value)", before: "x", after: "y", change: "changed" }]);
  });
});
