import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { NextSlot } from "./next-slot";
import { PoolsSummary } from "./pools-summary";
import { StatusBadge } from "./status-badge";
import { StatusCounts } from "./status-counts";

/** The day at a glance: date and zone, day status, counts, pools, next slot. */
export function OverviewCard({ status }: { status: DistributionStatus }) {
  return (
    <Card aria-labelledby="overview-title">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle id="overview-title">
            {status.date} <span className="font-normal text-muted-foreground">({status.timeZone})</span>
          </CardTitle>
          {status.status ? (
            <span className="flex items-center gap-1 text-sm">
              <span className="text-muted-foreground">Day:</span>
              <StatusBadge status={status.status} />
            </span>
          ) : null}
        </div>
        <CardDescription>
          {status.exists ? status.data?.description || "No description" : "Nothing is queued for today yet."}
        </CardDescription>
      </CardHeader>
      {status.exists && (
        <CardContent className="grid gap-3">
          <StatusCounts counts={status.counts} />
          <NextSlot status={status} />
          <PoolsSummary status={status} />
        </CardContent>
      )}
    </Card>
  );
}
