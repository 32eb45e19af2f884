// What an audited change changed: the leaves of before and after, compared path by path.

export type DiffRow = { path: string; before: unknown; after: unknown; change: "added" | "removed" | "changed" };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Slots are matched by slotNumber rather than position, so removing slot 2 does not "change" 3…N. */
function keyOf(item: unknown, index: number): string {
  return isObject(item) && typeof item.slotNumber === "number" ? `slot ${item.slotNumber}` : String(index);
}

function entries(value: unknown): Map<string, unknown> | null {
  if (Array.isArray(value)) return new Map(value.map((item, index) => [keyOf(item, index), item]));
  if (isObject(value)) return new Map(Object.entries(value));
  return null;
}

function walk(path: string, before: unknown, after: unknown, rows: DiffRow[]) {
  // A missing side (a first queue has no "before") counts as empty, so its leaves show as added.
  const b = entries(before) ?? (before == null && entries(after) ? new Map<string, unknown>() : null);
  const a = entries(after) ?? (after == null && entries(before) ? new Map<string, unknown>() : null);
  if (b && a) {
    for (const key of new Set([...b.keys(), ...a.keys()])) {
      const next = path ? `${path}.${key}` : key;
      if (!b.has(key)) rows.push({ path: next, before: undefined, after: a.get(key), change: "added" });
      else if (!a.has(key)) rows.push({ path: next, before: b.get(key), after: undefined, change: "removed" });
      else walk(next, b.get(key), a.get(key), rows);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    const change = before === undefined || before === null ? "added" : after === undefined || after === null ? "removed" : "changed";
    rows.push({ path: path || "(value)", before, after, change });
  }
}

/** Every path whose value differs between before and after (objects and arrays descended into). */
export function jsonDiff(before: unknown, after: unknown): DiffRow[] {
  const rows: DiffRow[] = [];
  walk("", before ?? null, after ?? null, rows);
  return rows;
}

/** A leaf as the diff shows it. */
export const showValue = (value: unknown) => (value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));
