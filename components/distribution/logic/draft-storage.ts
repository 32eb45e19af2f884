import { z } from "zod";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { emptyDraft, isDraftEmpty, type BoardDraft } from "./board-draft";

// The board's unsaved edits live in sessionStorage, one entry per day, so neither an error nor
// a reload of the tab loses them. What is read back is checked; anything unreadable is dropped.

const keyOf = (date: string) => `slotpay:board-draft:${date}`;

const isStatus = (value: unknown): value is DistributionStatus =>
  typeof value === "object" && value !== null && "distributionSlots" in value && Array.isArray(value.distributionSlots) && "date" in value;

const storedDraft = z.object({
  date: z.string(),
  edits: z.record(z.string(), z.object({ rosPercentage: z.string().optional(), time: z.string().optional() })),
  removed: z.array(z.number()),
  added: z.array(z.object({ slotNumber: z.number(), rosPercentage: z.string(), time: z.string() })),
  pools: z.object({
    premiumPoolAmount: z.string().optional(),
    performancePoolAmount: z.string().optional(),
    description: z.string().optional(),
  }),
  base: z.object({ version: z.number(), status: z.custom<DistributionStatus>(isStatus) }).optional(),
});

export function loadDraft(date: string, storage: Pick<Storage, "getItem"> | undefined = globalThis.sessionStorage): BoardDraft {
  try {
    const parsed = storedDraft.safeParse(JSON.parse(storage?.getItem(keyOf(date)) ?? "null"));
    return parsed.success && parsed.data.date === date ? parsed.data : emptyDraft(date);
  } catch {
    return emptyDraft(date);
  }
}

export function saveDraft(
  draft: BoardDraft,
  storage: Pick<Storage, "setItem" | "removeItem"> | undefined = globalThis.sessionStorage,
): void {
  try {
    if (isDraftEmpty(draft)) storage?.removeItem(keyOf(draft.date));
    else storage?.setItem(keyOf(draft.date), JSON.stringify(draft));
  } catch {
    // storage full or disabled: the draft still lives in memory
  }
}

export { isStatus as isDistributionStatus };
