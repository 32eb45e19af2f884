import { describe, expect, it } from "vitest";
import { groupStatementEntries, type StatementEntry } from "@/lib/members/statement-entries";

const entry = (overrides: Partial<StatementEntry>): StatementEntry => ({
  date: "2030-01-01",
  slotNumber: 1,
  scheduledFor: new Date("2030-01-01T10:00:00Z"),
  rosPercentage: "1.50000000",
  kind: "ROS",
  stakeId: 1,
  stakeExternalId: null,
  principal: "1000.00000000",
  amount: "15.00000000",
  ...overrides,
});

describe("groupStatementEntries", () => {
  it("groups by slot, sums exactly and carries the balance from the opening one", () => {
    const result = groupStatementEntries(
      [
        entry({}),
        entry({ stakeId: 2, amount: "0.00000001" }),
        entry({ kind: "PREMIUM_POOL", stakeId: null, amount: "3.33333333" }),
        entry({ slotNumber: 2, kind: "PERFORMANCE_POOL", stakeId: null, amount: "0.1" }),
        entry({ date: "2030-01-02", amount: "0.2" }),
      ],
      "100",
    );
    expect(result.slots.map((slot) => [slot.date, slot.slotNumber, slot.total, slot.balance])).toEqual([
      ["2030-01-01", 1, "18.33333334", "118.33333334"],
      ["2030-01-01", 2, "0.1", "118.43333334"],
      ["2030-01-02", 1, "0.2", "118.63333334"],
    ]);
    expect(result.slots[0].ros.map((ros) => ros.amount)).toEqual(["15", "0.00000001"]);
    expect(result.slots[0].rosPercentage).toBe("1.5");
    expect(result.totals).toEqual({ ros: "15.20000001", premiumPool: "3.33333333", performancePool: "0.1", all: "18.63333334" });
    expect(result.closingBalance).toBe("118.63333334");
  });

  it("no entries: no slots, the balance unchanged", () => {
    expect(groupStatementEntries([], "7.5")).toEqual({
      slots: [],
      totals: { ros: "0", premiumPool: "0", performancePool: "0", all: "0" },
      closingBalance: "7.5",
    });
  });
});
