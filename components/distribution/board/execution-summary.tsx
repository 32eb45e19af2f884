import { durationMsOf, executionDetailsOf, type StatusSlot } from "../logic/execution-details";
import { formatAmount, formatDuration } from "../logic/format";

/** What a run of the slot did: stakes and amounts paid, how long it took, attempts, or why it failed. */
export function ExecutionSummary({ slot }: { slot: StatusSlot }) {
  const details = executionDetailsOf(slot);
  const duration = durationMsOf(details);
  const attempts = slot.attempts > 0 ? `${slot.attempts} attempt${slot.attempts === 1 ? "" : "s"}` : null;
  if (slot.status === "FAILED") {
    return (
      <div className="grid gap-0.5 text-sm">
        <p className="font-medium text-destructive">{details?.error ?? "Failed"}</p>
        {attempts && <p className="text-xs text-muted-foreground">{attempts}; nothing was paid</p>}
      </div>
    );
  }
  if (slot.status !== "COMPLETED" || !details?.rosStats) {
    return (
      <p className="text-sm text-muted-foreground">
        {slot.status === "EXECUTING" ? "Paying out now…" : attempts ? `${attempts} so far` : "—"}
      </p>
    );
  }
  const pools = (details.premiumPoolStats?.totalDistributed ?? 0) + (details.performancePoolStats?.totalDistributed ?? 0);
  return (
    <div className="grid gap-0.5 text-sm">
      <p>
        {details.rosStats.processedStakes} stakes paid · ROS{" "}
        <span className="tabular-nums">{formatAmount(details.rosStats.totalDistributed)}</span>
      </p>
      <p className="text-xs text-muted-foreground">
        Pools <span className="tabular-nums">{formatAmount(pools)}</span>
        {duration !== null && ` · ${formatDuration(duration)}`}
        {attempts && ` · ${attempts}`}
      </p>
    </div>
  );
}
