import type { Preview } from "../hooks/use-slot-previews";
import type { BoardRow } from "../logic/board-draft";
import { formatAmount } from "../logic/format";

/** While a row is edited: what it would pay now at its ROS % (GET /preview). */
export function SlotPreview({ row, preview }: { row: BoardRow; preview: Preview | undefined }) {
  if (!row.edited || row.removed) return null;
  if (!preview?.ros) return <p className="text-xs text-muted-foreground">Projection: enter a ROS % above 0.</p>;
  return (
    <p className="text-xs text-muted-foreground">
      Projected: <span className="tabular-nums">{formatAmount(preview.ros.totalDistributed)}</span> ROS to {preview.ros.processedStakes}{" "}
      stakes
    </p>
  );
}
