import type { SlotStatus } from "@/lib/distribution/slot-status";
import { countsInWords } from "../logic/format";

/** Seed 000's overview counts, in words. */
export function StatusCounts({ counts }: { counts: Record<SlotStatus, number> }) {
  return (
    <p className="text-sm" data-testid="status-counts">
      {countsInWords(counts)}
    </p>
  );
}
