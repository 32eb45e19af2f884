"use client";

import type { DistributionStatus } from "@/lib/distribution/status-view";
import { timeInZone, waitInWords } from "../logic/format";
import { useNow } from "./use-countdown";

/** The next PENDING slot's time on the day's clock, and how long until it is due. */
export function NextSlot({ status }: { status: DistributionStatus }) {
  const now = useNow();
  const next = status.distributionSlots
    .filter((slot) => slot.status === "PENDING")
    .sort((a, b) => Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor) || a.slotNumber - b.slotNumber)[0];
  if (!next) return <p className="text-sm text-muted-foreground">No slot is waiting.</p>;
  return (
    <p className="text-sm">
      Next: slot {next.slotNumber} at <span className="font-medium tabular-nums">{timeInZone(next.scheduledFor, status.timeZone)}</span>{" "}
      <span className="text-muted-foreground" aria-live="off">
        ({waitInWords(Date.parse(next.scheduledFor) - now)})
      </span>
    </p>
  );
}
