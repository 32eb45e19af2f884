"use client";

import { DownloadIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { distributionApi } from "../api";
import { useSlotAudit } from "../hooks/use-slot-audit";
import { dateTimeInZone } from "../logic/format";
import { slotTimeline } from "../logic/slot-timeline";
import { ExecutionSummary } from "./execution-summary";
import { StatusBadge } from "./status-badge";

const dot = { neutral: "bg-muted-foreground", success: "bg-success", danger: "bg-destructive", warning: "bg-warning" } as const;

/** One slot in detail: status, what it paid, its timeline and audit entries, and its payouts as CSV. */
export function SlotSheet({ status, slotNumber, onClose }: { status: DistributionStatus; slotNumber: number | null; onClose: () => void }) {
  const slot = status.distributionSlots.find((s) => s.slotNumber === slotNumber) ?? null;
  const audit = useSlotAudit({ date: status.date, slotNumber: slotNumber ?? 0, timeZone: status.timeZone }, slot !== null);
  const events = slot ? slotTimeline(status, slot, audit.data ?? []) : [];
  return (
    <Sheet open={slot !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent side="right">
        {slot && (
          <>
            <SheetHeader>
              <SheetTitle>Slot {slot.slotNumber}</SheetTitle>
              <SheetDescription>
                {status.date} · {dateTimeInZone(slot.scheduledFor, status.timeZone).slice(11)} {status.timeZone} · {slot.rosPercentage} %
                ROS
              </SheetDescription>
              <StatusBadge status={slot.status} />
            </SheetHeader>
            <SheetBody className="grid content-start gap-5">
              <section aria-labelledby="slot-result">
                <h3 id="slot-result" className="mb-1 text-sm font-semibold">
                  Result
                </h3>
                <ExecutionSummary slot={slot} />
              </section>
              <section aria-labelledby="slot-timeline">
                <h3 id="slot-timeline" className="mb-2 text-sm font-semibold">
                  Timeline
                </h3>
                <ol className="grid gap-3 border-l pl-4">
                  {events.map((event, index) => (
                    <li key={`${event.at}-${index}`} className="relative">
                      <span className={cn("absolute top-1.5 -left-[1.3rem] size-2 rounded-full", dot[event.tone])} aria-hidden />
                      <p className="text-sm font-medium">{event.label}</p>
                      <p className="text-xs text-muted-foreground tabular-nums">
                        {dateTimeInZone(event.at, status.timeZone)} {status.timeZone}
                      </p>
                      {event.detail && <p className="text-xs break-words">{event.detail}</p>}
                    </li>
                  ))}
                </ol>
                {audit.isError && <p className="mt-2 text-xs text-muted-foreground">The audit entries could not be loaded.</p>}
              </section>
              <Button asChild variant="outline" className="w-fit">
                <a href={`${distributionApi}/days/${status.date}/payouts.csv?slot=${slot.slotNumber}`} download>
                  <DownloadIcon aria-hidden />
                  Export slot {slot.slotNumber}&apos;s payouts (CSV)
                </a>
              </Button>
            </SheetBody>
          </>
        )}
      </SheetContent>
    </Sheet>
  );
}
