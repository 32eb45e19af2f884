import type { DistributionStatus } from "@/lib/distribution/status-view";
import type { Preview } from "../hooks/use-slot-previews";
import type { BoardRow, PoolEdits } from "../logic/board-draft";
import { formatAmount } from "../logic/format";

const amountOr = (text: string | undefined, fallback: number) =>
  text !== undefined && text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : fallback;

/** While editing: what the slots still to run would pay as things stand, with the pools still to pay. */
export function PreviewSummary({
  status,
  rows,
  pools,
  previews,
}: {
  status: DistributionStatus;
  rows: BoardRow[];
  pools: PoolEdits;
  previews: Map<number, Preview>;
}) {
  const toRun = rows.filter((row) => !row.removed && (row.kind === "new" || row.status === "PENDING"));
  if (toRun.length === 0) return null;
  const projected = toRun.map((row) => previews.get(Number(row.rosPercentage))?.ros);
  const known = projected.filter((ros) => ros !== undefined && ros !== null);
  const ros = known.reduce((sum, p) => sum + (p?.totalDistributed ?? 0), 0);
  const poolsLeft =
    Math.max(0, amountOr(pools.premiumPoolAmount, status.data?.premiumPoolAmount ?? 0) - status.poolsPaid.premium) +
    Math.max(0, amountOr(pools.performancePoolAmount, status.data?.performancePoolAmount ?? 0) - status.poolsPaid.performance);
  return (
    <p className="text-sm" data-testid="preview-summary">
      Projected for the {toRun.length} slot{toRun.length === 1 ? "" : "s"} still to run: ROS{" "}
      <span className="tabular-nums">{formatAmount(ros)}</span> + pools still to pay{" "}
      <span className="tabular-nums">{formatAmount(poolsLeft)}</span> ={" "}
      <strong className="tabular-nums">{formatAmount(ros + poolsLeft)}</strong>
      {known.length < toRun.length && <span className="text-muted-foreground"> (slots without a valid ROS % not counted)</span>}
    </p>
  );
}
