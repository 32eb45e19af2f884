import type { SlotStatus } from "@/lib/distribution/slot-status";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import type { StatusSlot } from "./execution-details";
import { timeInZone } from "./format";
import { versionOf } from "./day-version";
import { slotLock, type SlotLock } from "./slot-lock";

// The admin's unsaved work on the board: only what they changed, kept apart from the server's
// day, so a refresh (which replaces the day) never overwrites a row being edited.

export type SlotEdit = { rosPercentage?: string; time?: string };
export type NewSlotRow = { slotNumber: number; rosPercentage: string; time: string };
export type PoolEdits = { premiumPoolAmount?: string; performancePoolAmount?: string; description?: string };

export type BoardDraft = {
  /** The day it was made for; a draft of another day is not applied. */
  date: string;
  edits: Record<string, SlotEdit>;
  removed: number[];
  added: NewSlotRow[];
  pools: PoolEdits;
  /** The day as it was when editing began (when the server versions days): sent as expectedVersion. */
  base?: { version: number; status: DistributionStatus };
};

export const emptyDraft = (date: string): BoardDraft => ({ date, edits: {}, removed: [], added: [], pools: {} });

export function isDraftEmpty(draft: BoardDraft): boolean {
  return (
    Object.keys(draft.edits).length === 0 &&
    draft.removed.length === 0 &&
    draft.added.length === 0 &&
    Object.values(draft.pools).every((value) => value === undefined)
  );
}

/**
 * Applies an edit, remembering the day it was made on when it is the first one: a change sent
 * later says which version it was made against, so another admin's change in between is a 409
 * CONFLICT rather than silently overwritten — even though polling has shown the newer day since.
 */
export function changeDraft(draft: BoardDraft, status: DistributionStatus, edit: (draft: BoardDraft) => BoardDraft): BoardDraft {
  const version = versionOf(status);
  const based = isDraftEmpty(draft) && version !== undefined ? { ...draft, base: { version, status } } : draft;
  const next = edit(based);
  return isDraftEmpty(next) ? emptyDraft(draft.date) : next;
}

export type BoardRow = {
  slotNumber: number;
  kind: "existing" | "new";
  status: SlotStatus | null;
  rosPercentage: string;
  /** "HH:mm[:ss]" on the day's wall clock. */
  time: string;
  edited: boolean;
  removed: boolean;
  lock: SlotLock;
  slot: StatusSlot | null;
};

/** An edit that leaves a slot as it was (typed back to the same value) is no edit. */
const isRealEdit = (edit: SlotEdit | undefined, rosPercentage: string, time: string) =>
  edit !== undefined &&
  ((edit.rosPercentage !== undefined && Number(edit.rosPercentage) !== Number(rosPercentage)) ||
    (edit.time !== undefined && normalTime(edit.time) !== normalTime(time)));

const normalTime = (time: string) => (time.length === 5 ? `${time}:00` : time);

/** The rows the board shows: the day's slots with the draft's edits on PENDING ones, then new rows. */
export function boardRows(status: DistributionStatus, draft: BoardDraft): BoardRow[] {
  const existing = [...status.distributionSlots]
    .sort((a, b) => a.slotNumber - b.slotNumber)
    .map((slot): BoardRow => {
      const lock = slotLock(slot.status);
      const edit = lock.locked ? undefined : draft.edits[slot.slotNumber];
      const serverTime = timeInZone(slot.scheduledFor, status.timeZone);
      return {
        slotNumber: slot.slotNumber,
        kind: "existing",
        status: slot.status,
        rosPercentage: edit?.rosPercentage ?? String(slot.rosPercentage),
        time: edit?.time ?? serverTime,
        edited: isRealEdit(edit, String(slot.rosPercentage), serverTime),
        removed: !lock.locked && draft.removed.includes(slot.slotNumber),
        lock,
        slot,
      };
    });
  const taken = new Set(existing.map((row) => row.slotNumber));
  const added = draft.added
    .filter((row) => !taken.has(row.slotNumber))
    .map((row): BoardRow => ({ ...row, kind: "new", status: null, edited: true, removed: false, lock: slotLock("PENDING"), slot: null }));
  return [...existing, ...added];
}

/** The next slot number nobody uses, on the day or in the draft. */
export function nextFreeSlotNumber(status: DistributionStatus, draft: BoardDraft): number {
  const used = new Set([...status.distributionSlots.map((s) => s.slotNumber), ...draft.added.map((s) => s.slotNumber)]);
  let n = 1;
  while (used.has(n)) n++;
  return n;
}

/** A new row with the next free number and the settings' time for it (empty when there is none). */
export function addRow(draft: BoardDraft, status: DistributionStatus, slotTimes: Record<string, string>, rosPercentage = ""): BoardDraft {
  const slotNumber = nextFreeSlotNumber(status, draft);
  return { ...draft, added: [...draft.added, { slotNumber, rosPercentage, time: slotTimes[String(slotNumber)] ?? "" }] };
}

export function editRow(draft: BoardDraft, row: BoardRow, change: SlotEdit): BoardDraft {
  if (row.kind === "new") {
    return { ...draft, added: draft.added.map((added) => (added.slotNumber === row.slotNumber ? { ...added, ...change } : added)) };
  }
  if (row.lock.locked) return draft;
  const key = String(row.slotNumber);
  return { ...draft, edits: { ...draft.edits, [key]: { ...draft.edits[key], ...change } } };
}

/** Removes a new row, or marks a PENDING one for removal (toggle: a second call keeps it). */
export function toggleRemoveRow(draft: BoardDraft, row: BoardRow): BoardDraft {
  if (row.kind === "new") return { ...draft, added: draft.added.filter((added) => added.slotNumber !== row.slotNumber) };
  if (row.lock.locked) return draft;
  const removed = draft.removed.includes(row.slotNumber)
    ? draft.removed.filter((n) => n !== row.slotNumber)
    : [...draft.removed, row.slotNumber];
  return { ...draft, removed };
}

/**
 * The draft against a newer day: edits and removals of slots that are no longer PENDING are
 * dropped (they ran or failed meanwhile), new rows whose number was taken are dropped too.
 * Returns what was dropped, in words, so the admin is told.
 */
export function rebaseDraft(draft: BoardDraft, status: DistributionStatus): { draft: BoardDraft; dropped: string[] } {
  const bySlot = new Map(status.distributionSlots.map((slot) => [slot.slotNumber, slot]));
  const dropped: string[] = [];
  const pendingNow = (n: number) => bySlot.get(n)?.status === "PENDING";
  const edits = Object.fromEntries(
    Object.entries(draft.edits).filter(([n]) => {
      const keep = pendingNow(Number(n));
      if (!keep) dropped.push(`your change to slot ${n} (it is ${bySlot.get(Number(n))?.status.toLowerCase() ?? "gone"} now)`);
      return keep;
    }),
  );
  const removed = draft.removed.filter((n) => pendingNow(n));
  const added = draft.added.filter((row) => {
    const keep = !bySlot.has(row.slotNumber);
    if (!keep) dropped.push(`new slot ${row.slotNumber} (that number exists now)`);
    return keep;
  });
  const version = versionOf(status);
  const base = version === undefined ? undefined : { version, status };
  return { draft: { ...draft, edits, removed, added, base }, dropped };
}
