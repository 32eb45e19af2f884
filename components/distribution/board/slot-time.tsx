"use client";

import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { dateTimeInZone, offsetNameAt, timeInZone, viewerTimeZone } from "../logic/format";

/** A slot's time on the day's clock; focus or hover shows it in UTC and in the viewer's own zone. */
export function SlotTime({ scheduledFor, timeZone }: { scheduledFor: string; timeZone: string }) {
  const local = viewerTimeZone();
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button
          type="button"
          className="rounded-sm font-medium tabular-nums underline decoration-dotted underline-offset-4 outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          {timeInZone(scheduledFor, timeZone)}
        </button>
      </TooltipTrigger>
      <TooltipContent>
        <p>
          {dateTimeInZone(scheduledFor, timeZone)} {timeZone} ({offsetNameAt(scheduledFor, timeZone)})
        </p>
        <p>{dateTimeInZone(scheduledFor, "UTC")} UTC</p>
        <p>
          {dateTimeInZone(scheduledFor, local)} your time ({local})
        </p>
      </TooltipContent>
    </Tooltip>
  );
}
