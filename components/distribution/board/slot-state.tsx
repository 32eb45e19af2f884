import { Badge } from "@/components/ui/badge";
import type { BoardRow } from "../logic/board-draft";
import { StatusBadge } from "./status-badge";

/** The status badge, or what the draft does to the row (new, edited, to be removed). */
export function SlotState({ row }: { row: BoardRow }) {
  return (
    <div className="flex flex-wrap items-center gap-1">
      {row.status ? <StatusBadge status={row.status} /> : <Badge tone="outline">New, not queued</Badge>}
      {row.removed && <Badge tone="danger">To be removed</Badge>}
      {row.kind === "existing" && row.edited && !row.removed && <Badge tone="outline">Edited</Badge>}
    </div>
  );
}
