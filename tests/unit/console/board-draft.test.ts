import { describe, expect, it } from "vitest";
import {
  addRow,
  boardRows,
  changeDraft,
  editRow,
  emptyDraft,
  isDraftEmpty,
  nextFreeSlotNumber,
  rebaseDraft,
  toggleRemoveRow,
} from "@/components/distribution/logic/board-draft";
import { slotLock } from "@/components/distribution/logic/slot-lock";
import { boardStatus } from "../../helpers/board-status";

const date = "2026-02-13";

describe("which rows lock", () => {
  it("locks COMPLETED, EXECUTING and FAILED slots with a reason, and only those", () => {
    expect(slotLock("PENDING")).toEqual({ locked: false, reason: null });
    for (const status of ["COMPLETED", "EXECUTING", "FAILED"] as const) {
      const lock = slotLock(status);
      expect(lock.locked).toBe(true);
      expect(lock.reason).toMatch(new RegExp(`^${status.charAt(0)}${status.slice(1).toLowerCase()}:`));
    }
  });

  it("ignores edits and removals of locked rows, keeps them on pending ones", () => {
    const status = boardStatus([
      { n: 1, status: "COMPLETED" },
      { n: 2, status: "EXECUTING" },
      { n: 3, status: "FAILED" },
      { n: 4, status: "PENDING" },
    ]);
    let draft = emptyDraft(date);
    for (const row of boardRows(status, draft)) {
      draft = editRow(draft, row, { rosPercentage: "9" });
      draft = toggleRemoveRow(draft, row);
    }
    expect(draft.edits).toEqual({ 4: { rosPercentage: "9" } });
    expect(draft.removed).toEqual([4]);
    const rows = boardRows(status, draft);
    expect(rows.map((row) => [row.slotNumber, row.lock.locked, row.rosPercentage, row.removed])).toEqual([
      [1, true, "2.5", false],
      [2, true, "2.5", false],
      [3, true, "2.5", false],
      [4, false, "9", true],
    ]);
  });
});

describe("the board's rows", () => {
  it("shows times on the day's clock (Berlin, UTC+1) and marks only real edits", () => {
    const status = boardStatus([{ n: 1, status: "PENDING", ros: 2, at: "2026-02-13T07:00:00.000Z" }]);
    const [row] = boardRows(status, emptyDraft(date));
    expect(row).toMatchObject({ time: "08:00:00", rosPercentage: "2", edited: false, kind: "existing" });
    expect(boardRows(status, editRow(emptyDraft(date), row, { rosPercentage: "2.0", time: "08:00" }))[0].edited).toBe(false);
    expect(boardRows(status, editRow(emptyDraft(date), row, { time: "08:30" }))[0]).toMatchObject({ edited: true, time: "08:30" });
  });

  it("adds rows with the next free number and the settings' time for it", () => {
    const status = boardStatus([
      { n: 1, status: "COMPLETED" },
      { n: 3, status: "PENDING" },
    ]);
    const slotTimes = { "2": "10:00", "4": "14:00" };
    const once = addRow(emptyDraft(date), status, slotTimes);
    const twice = addRow(once, status, slotTimes);
    const thrice = addRow(twice, status, slotTimes);
    expect(thrice.added).toEqual([
      { slotNumber: 2, rosPercentage: "", time: "10:00" },
      { slotNumber: 4, rosPercentage: "", time: "14:00" },
      { slotNumber: 5, rosPercentage: "", time: "" },
    ]);
    expect(nextFreeSlotNumber(status, thrice)).toBe(6);
    const rows = boardRows(status, thrice);
    expect(rows.map((row) => `${row.slotNumber}:${row.kind}`)).toEqual(["1:existing", "3:existing", "2:new", "4:new", "5:new"]);
    // Removing a new row drops it from the draft.
    expect(toggleRemoveRow(thrice, rows[2]).added.map((row) => row.slotNumber)).toEqual([4, 5]);
  });

  it("keeps the admin's edits when the day is refreshed underneath them", () => {
    const before = boardStatus([{ n: 1, status: "PENDING", ros: 1 }]);
    const draft = editRow(emptyDraft(date), boardRows(before, emptyDraft(date))[0], { rosPercentage: "4" });
    const refreshed = boardStatus([{ n: 1, status: "PENDING", ros: 1.5 }], { description: "changed elsewhere" });
    expect(boardRows(refreshed, draft)[0]).toMatchObject({ rosPercentage: "4", edited: true });
  });
});

describe("the draft's base version", () => {
  it("remembers the day of the first edit only, and forgets it once the draft is empty again", () => {
    const v3 = boardStatus([{ n: 1, status: "PENDING" }], { version: 3 });
    const v4 = boardStatus([{ n: 1, status: "PENDING" }], { version: 4 });
    const row = boardRows(v3, emptyDraft(date))[0];
    const first = changeDraft(emptyDraft(date), v3, (d) => editRow(d, row, { rosPercentage: "3" }));
    const second = changeDraft(first, v4, (d) => editRow(d, row, { time: "09:00" }));
    expect(second.base?.version).toBe(3);
    const undone = changeDraft(second, v4, () => emptyDraft(date));
    expect(undone.base).toBeUndefined();
    expect(isDraftEmpty(undone)).toBe(true);
  });

  it("has no base when the server sends no version", () => {
    const status = boardStatus([{ n: 1, status: "PENDING" }]);
    const draft = changeDraft(emptyDraft(date), status, (d) => addRow(d, status, {}));
    expect(draft.base).toBeUndefined();
    expect(draft.added).toHaveLength(1);
  });

  it("reapplies edits onto a newer day, dropping what no longer applies and saying so", () => {
    const old = boardStatus(
      [
        { n: 1, status: "PENDING" },
        { n: 2, status: "PENDING" },
      ],
      { version: 1 },
    );
    let draft = emptyDraft(date);
    const [one, two] = boardRows(old, draft);
    draft = editRow(editRow(draft, one, { rosPercentage: "4" }), two, { rosPercentage: "5" });
    draft = toggleRemoveRow(draft, two);
    draft = { ...draft, added: [{ slotNumber: 3, rosPercentage: "1", time: "15:00" }] };
    const now = boardStatus(
      [
        { n: 1, status: "COMPLETED" },
        { n: 2, status: "PENDING" },
        { n: 3, status: "PENDING" },
      ],
      { version: 2 },
    );
    const { draft: rebased, dropped } = rebaseDraft(draft, now);
    expect(rebased.edits).toEqual({ 2: { rosPercentage: "5" } });
    expect(rebased.removed).toEqual([2]);
    expect(rebased.added).toEqual([]);
    expect(rebased.base?.version).toBe(2);
    expect(dropped).toEqual(["your change to slot 1 (it is completed now)", "new slot 3 (that number exists now)"]);
  });
});
