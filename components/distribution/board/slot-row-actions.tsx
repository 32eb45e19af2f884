"use client";

import { PanelRightOpenIcon, RotateCcwIcon, Trash2Icon, Undo2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { BoardRow } from "../logic/board-draft";

export type SlotRowHandlers = {
  onToggleRemove: (row: BoardRow) => void;
  onRetry: (slotNumber: number) => void;
  onOpenDetails: (slotNumber: number) => void;
};

/** Per-row actions: details for slots that exist, remove/undo for editable ones, retry for failed ones. */
export function SlotRowActions({
  row,
  readOnly,
  busy,
  handlers,
}: { row: BoardRow; readOnly: string | null; busy: boolean } & { handlers: SlotRowHandlers }) {
  const editable = !row.lock.locked && readOnly === null;
  return (
    <div className="flex flex-wrap items-center gap-1">
      {row.slot && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => handlers.onOpenDetails(row.slotNumber)}
          aria-label={`Details of slot ${row.slotNumber}`}
        >
          <PanelRightOpenIcon aria-hidden />
          Details
        </Button>
      )}
      {row.status === "FAILED" && (
        <Button
          variant="outline"
          size="sm"
          disabled={readOnly !== null || busy}
          title={readOnly ?? undefined}
          onClick={() => handlers.onRetry(row.slotNumber)}
          aria-label={`Retry slot ${row.slotNumber}`}
        >
          <RotateCcwIcon aria-hidden />
          Retry
        </Button>
      )}
      {(row.kind === "new" || row.status === "PENDING") && (
        <Button
          variant="ghost"
          size="sm"
          disabled={!editable}
          title={readOnly ?? undefined}
          onClick={() => handlers.onToggleRemove(row)}
          aria-label={row.removed ? `Keep slot ${row.slotNumber}` : `Remove slot ${row.slotNumber}`}
        >
          {row.removed ? <Undo2Icon aria-hidden /> : <Trash2Icon aria-hidden />}
          {row.removed ? "Keep" : "Remove"}
        </Button>
      )}
    </div>
  );
}
