"use client";

import { EyeIcon, InfoIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { useCronSettings } from "../hooks/use-cron-settings";
import { useSlotPreviews } from "../hooks/use-slot-previews";
import { boardActions, readOnlyReason } from "../logic/board-actions";
import { addRow, boardRows, changeDraft, editRow, emptyDraft, toggleRemoveRow, type BoardDraft } from "../logic/board-draft";
import { loadDraft, saveDraft } from "../logic/draft-storage";
import { BoardActionsBar } from "./board-actions-bar";
import { CodeDialog } from "./code-dialog";
import { ConflictBanner } from "./conflict-banner";
import type { BoardUser } from "./daily-board";
import { OverviewCard } from "./overview-card";
import { PoolsForm } from "./pools-form";
import { PreviewSummary } from "./preview-summary";
import { RefreshControls } from "./refresh-controls";
import { RefusalBanner } from "./refusal-banner";
import { SlotSheet } from "./slot-sheet";
import { SlotList } from "./slot-table";
import { StepUpIndicator } from "./step-up-indicator";
import { useBoardChanges } from "./use-board-changes";

type Live = {
  paused: boolean;
  onTogglePause: () => void;
  onRefresh: () => void;
  fetching: boolean;
  updatedAt: number;
  error: string | null;
};

export function DayBoard({ status, user, live }: { status: DistributionStatus; user: BoardUser; live: Live }) {
  const [draft, setDraft] = useState<BoardDraft>(() => (typeof window === "undefined" ? emptyDraft(status.date) : loadDraft(status.date)));
  const [sheetSlot, setSheetSlot] = useState<number | null>(null);
  const settings = useCronSettings();
  const changes = useBoardChanges({ status, draft, setDraft });
  useEffect(() => saveDraft(draft), [draft]);

  const readOnly = readOnlyReason(user);
  const rows = boardRows(status, draft);
  const actions = boardActions(status, draft, readOnly);
  const previews = useSlotPreviews(
    rows.filter((row) => !row.removed && (row.kind === "new" || row.status === "PENDING")).map((row) => Number(row.rosPercentage)),
  );
  const change = (edit: (d: BoardDraft) => BoardDraft) => setDraft((current) => changeDraft(current, status, edit));
  const slotTimes = Object.fromEntries((settings.data?.slots ?? []).map((slot) => [String(slot.slotNumber), slot.time]));
  const failed = status.distributionSlots.filter((slot) => slot.status === "FAILED").map((slot) => slot.slotNumber);
  const running = status.distributionSlots.filter((slot) => slot.status === "EXECUTING");

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StepUpIndicator />
        <RefreshControls {...live} />
      </div>
      {readOnly && (
        <Alert tone="info" data-testid="read-only-notice">
          <EyeIcon aria-hidden />
          <AlertTitle>Read-only</AlertTitle>
          <AlertDescription>{readOnly}</AlertDescription>
        </Alert>
      )}
      {live.error && (
        <Alert tone="warning">
          <InfoIcon aria-hidden />
          <AlertDescription>Refreshing failed ({live.error}); showing the day as last loaded.</AlertDescription>
        </Alert>
      )}
      {changes.conflict && (
        <ConflictBanner
          changes={changes.conflict.changes}
          onReapply={changes.reapply}
          onDiscard={() => {
            setDraft(emptyDraft(status.date));
            changes.clearProblems();
          }}
        />
      )}
      {changes.refusal && (
        <RefusalBanner refusal={changes.refusal.refusal} extra={changes.refusal.extra} onDismiss={changes.dismissRefusal} />
      )}
      <OverviewCard status={status} />
      <Card aria-labelledby="slots-title">
        <CardHeader>
          <CardTitle id="slots-title">Slots</CardTitle>
          <CardDescription>
            Pending slots can be edited or removed until they run; completed, executing and failed slots are locked.
            {running.length > 0 && ` Slot ${running.map((s) => s.slotNumber).join(", ")} is executing now.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <PoolsForm
            status={status}
            pools={draft.pools}
            errors={changes.fieldErrors.pools}
            readOnly={readOnly}
            onChange={(pools) => change((d) => ({ ...d, pools: { ...d.pools, ...pools } }))}
          />
          {rows.length > 0 ? (
            <SlotList
              rows={rows}
              date={status.date}
              timeZone={status.timeZone}
              errors={changes.fieldErrors}
              previews={previews}
              readOnly={readOnly}
              busy={changes.busy}
              onEdit={(row, edit) => change((d) => editRow(d, row, edit))}
              handlers={{
                onToggleRemove: (row) => change((d) => toggleRemoveRow(d, row)),
                onRetry: (slotNumber) => void changes.retrySlots([slotNumber]),
                onOpenDetails: setSheetSlot,
              }}
            />
          ) : (
            <p className="text-sm text-muted-foreground">No slots yet. Add a slot to start the day.</p>
          )}
          <PreviewSummary status={status} rows={rows} pools={draft.pools} previews={previews} />
          <BoardActionsBar
            actions={actions}
            busy={changes.busy}
            handlers={{
              addRow: () => change((d) => addRow(d, status, slotTimes)),
              queueNew: () => change((d) => addRow(d, status, slotTimes)),
              queue: () => void changes.send("queue"),
              modify: () => void changes.send("modify"),
              addSlots: () => void changes.send("addSlots"),
              retryAllFailed: () => void changes.retrySlots(failed),
              discard: () => {
                setDraft(emptyDraft(status.date));
                changes.clearProblems();
              },
            }}
          />
        </CardContent>
      </Card>
      <SlotSheet status={status} slotNumber={sheetSlot} onClose={() => setSheetSlot(null)} />
      <CodeDialog state={changes.stepUp.dialog} onSubmit={changes.stepUp.submitCode} onCancel={changes.stepUp.cancel} />
    </div>
  );
}
