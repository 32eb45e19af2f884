import { describe, expect, it } from "vitest";
import { countByStatus, deriveDayStatus, isEditable, slotStatuses, type SlotStatus } from "@/lib/distribution/slot-status";
import { assertTransition, canTransition, IllegalTransitionError, slotTransitions } from "@/lib/distribution/slot-transitions";

/** Every sequence of 1…maxLength statuses (so every multiset, in every order). */
function sequences(maxLength: number): SlotStatus[][] {
  let level: SlotStatus[][] = [[]];
  const all: SlotStatus[][] = [];
  for (let length = 1; length <= maxLength; length++) {
    level = level.flatMap((prefix) => slotStatuses.map((status) => [...prefix, status]));
    all.push(...level);
  }
  return all;
}

// Seed 000's rule, written from the counts rather than from the statuses themselves.
function expectedDayStatus(statuses: SlotStatus[]): SlotStatus {
  const n = (status: SlotStatus) => statuses.filter((s) => s === status).length;
  if (n("EXECUTING") > 0) return "EXECUTING";
  if (n("PENDING") > 0) return "PENDING";
  if (n("COMPLETED") === statuses.length) return "COMPLETED";
  return "FAILED";
}

describe("deriveDayStatus", () => {
  const all = sequences(5);

  it("covers 1 364 orderings of up to 5 slots", () => {
    expect(all).toHaveLength(4 + 16 + 64 + 256 + 1024);
  });

  it.each([
    [["EXECUTING", "COMPLETED", "FAILED", "PENDING"], "EXECUTING"],
    [["COMPLETED", "PENDING", "FAILED"], "PENDING"],
    [["COMPLETED", "COMPLETED"], "COMPLETED"],
    [["COMPLETED", "FAILED"], "FAILED"],
    [["FAILED"], "FAILED"],
    [["PENDING"], "PENDING"],
  ] as [SlotStatus[], SlotStatus][])("%j → %s", (statuses, expected) => {
    expect(deriveDayStatus(statuses)).toBe(expected);
  });

  it("follows seed 000's rule for every combination", () => {
    for (const statuses of all) expect(deriveDayStatus(statuses), statuses.join(",")).toBe(expectedDayStatus(statuses));
  });

  it("depends only on the multiset, not on the order of the slots", () => {
    for (const statuses of all) {
      expect(deriveDayStatus([...statuses].reverse())).toBe(deriveDayStatus(statuses));
      expect(deriveDayStatus([...statuses].sort())).toBe(deriveDayStatus(statuses));
    }
  });
});

describe("countByStatus", () => {
  it("counts every status, zero included", () => {
    expect(countByStatus([])).toEqual({ PENDING: 0, EXECUTING: 0, COMPLETED: 0, FAILED: 0 });
    expect(countByStatus(["PENDING", "COMPLETED", "PENDING", "FAILED", "COMPLETED", "COMPLETED"])).toEqual({
      PENDING: 2,
      EXECUTING: 0,
      COMPLETED: 3,
      FAILED: 1,
    });
  });

  it("adds up to the number of slots for every combination", () => {
    for (const statuses of sequences(4)) {
      const counts = countByStatus(statuses);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(statuses.length);
      for (const status of slotStatuses) expect(counts[status]).toBe(statuses.filter((s) => s === status).length);
    }
  });
});

describe("slot transitions", () => {
  // SPEC §2's table, and nothing else.
  const allowed = new Set([
    "PENDING→EXECUTING", // executor's claim
    "EXECUTING→COMPLETED", // payout committed
    "EXECUTING→FAILED", // payout rolled back
    "EXECUTING→PENDING", // reaper, lease expired
    "PENDING→FAILED", // missed window
    "FAILED→PENDING", // admin retry
  ]);

  it.each(slotStatuses.flatMap((from) => slotStatuses.map((to) => [from, to] as const)))("%s → %s", (from, to) => {
    const expected = allowed.has(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(expected);
    if (expected) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(new IllegalTransitionError(from, to));
  });

  it("reads as SPEC §2's table, removal of a PENDING slot included", () => {
    expect(slotTransitions.map((move) => `${move.from}→${move.to}`)).toEqual([...allowed, "PENDING→removed"]);
  });

  it("makes COMPLETED terminal", () => {
    for (const to of slotStatuses) expect(canTransition("COMPLETED", to)).toBe(false);
  });

  it("lets admins edit only PENDING slots", () => {
    expect(slotStatuses.filter(isEditable)).toEqual(["PENDING"]);
  });
});
