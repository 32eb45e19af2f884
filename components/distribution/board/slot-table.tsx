"use client";

import { cn } from "@/components/ui/cn";
import { instantOfLocalTime, localTimePattern } from "@/lib/distribution/time-zone";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Preview } from "../hooks/use-slot-previews";
import type { BoardRow, SlotEdit } from "../logic/board-draft";
import type { FieldErrors } from "../logic/error-fields";
import { ExecutionSummary } from "./execution-summary";
import { SlotFields } from "./slot-fields";
import { SlotPreview } from "./slot-preview";
import { SlotRowActions, type SlotRowHandlers } from "./slot-row-actions";
import { SlotState } from "./slot-state";
import { SlotTime } from "./slot-time";
import { useNow } from "./use-countdown";
import { useIsWide } from "./use-is-wide";

export type SlotListProps = {
  rows: BoardRow[];
  date: string;
  timeZone: string;
  errors: FieldErrors;
  previews: Map<number, Preview>;
  readOnly: string | null;
  busy: boolean;
  onEdit: (row: BoardRow, change: SlotEdit) => void;
  handlers: SlotRowHandlers;
};

const rowTone = (row: BoardRow, hasError: boolean) =>
  cn(row.lock.locked && "bg-muted/50 text-muted-foreground", row.removed && "line-through opacity-70", hasError && "bg-destructive/5");

/** The day's slots: a table from 768 px, cards below (a 390 px phone). */
export function SlotList(props: SlotListProps) {
  return useIsWide() ? <SlotTable {...props} /> : <SlotCards {...props} />;
}

/** A row's inputs, what is wrong with the row as a whole, and what it would pay. */
function SlotEditor({
  row,
  errors,
  previews,
  readOnly,
  onEdit,
  timePassed,
  compact,
}: Pick<SlotListProps, "errors" | "previews" | "readOnly" | "onEdit"> & {
  row: BoardRow;
  timePassed: (row: BoardRow) => boolean;
  compact?: boolean;
}) {
  const rowError = errors.slots[row.slotNumber]?.row;
  return (
    <div className="grid gap-1">
      <SlotFields
        row={row}
        errors={errors.slots[row.slotNumber]}
        readOnly={readOnly}
        onEdit={(change) => onEdit(row, change)}
        timePassed={timePassed(row)}
        compact={compact}
      />
      {rowError && <p className="text-xs font-medium text-destructive">{rowError}</p>}
      <SlotPreview row={row} preview={previews.get(Number(row.rosPercentage))} />
    </div>
  );
}

/** Whether an editable row's time is already behind the clock of its day. */
function usePassedTime({ date, timeZone }: Pick<SlotListProps, "date" | "timeZone">) {
  const now = useNow(15_000);
  return (row: BoardRow) => {
    if (row.lock.locked || !localTimePattern.test(row.time) || (row.kind === "existing" && !row.edited)) return false;
    return instantOfLocalTime(date, row.time, timeZone).getTime() < now;
  };
}

function SlotTable({ rows, date, timeZone, errors, previews, readOnly, busy, onEdit, handlers }: SlotListProps) {
  const editorProps = { errors, previews, readOnly, onEdit, timePassed: usePassedTime({ date, timeZone }) };
  return (
    <Table aria-label="Slots">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Slot</TableHead>
          <TableHead scope="col">Scheduled</TableHead>
          <TableHead scope="col">ROS % and time</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col">Execution</TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow
            key={`${row.kind}-${row.slotNumber}`}
            data-testid={`slot-row-${row.slotNumber}`}
            data-status={row.status ?? "NEW"}
            className={rowTone(row, Boolean(errors.slots[row.slotNumber]))}
          >
            <TableHead scope="row" className="font-semibold text-foreground">
              {row.slotNumber}
            </TableHead>
            <TableCell>{row.slot ? <SlotTime scheduledFor={row.slot.scheduledFor} timeZone={timeZone} /> : "—"}</TableCell>
            <TableCell>
              <SlotEditor row={row} {...editorProps} compact />
            </TableCell>
            <TableCell>
              <SlotState row={row} />
            </TableCell>
            <TableCell className="max-w-64">{row.slot && <ExecutionSummary slot={row.slot} />}</TableCell>
            <TableCell>
              <SlotRowActions row={row} readOnly={readOnly} busy={busy} handlers={handlers} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function SlotCards({ rows, date, timeZone, errors, previews, readOnly, busy, onEdit, handlers }: SlotListProps) {
  const editorProps = { errors, previews, readOnly, onEdit, timePassed: usePassedTime({ date, timeZone }) };
  return (
    <ul aria-label="Slots" className="grid gap-3">
      {rows.map((row) => (
        <li
          key={`${row.kind}-${row.slotNumber}`}
          data-testid={`slot-row-${row.slotNumber}`}
          data-status={row.status ?? "NEW"}
          className={cn("grid gap-3 rounded-lg border bg-card p-3", rowTone(row, Boolean(errors.slots[row.slotNumber])))}
        >
          <div className="flex items-center justify-between gap-2">
            <h3 className="font-semibold text-foreground">Slot {row.slotNumber}</h3>
            <SlotState row={row} />
          </div>
          {row.slot && (
            <p className="text-sm">
              Scheduled <SlotTime scheduledFor={row.slot.scheduledFor} timeZone={timeZone} />
            </p>
          )}
          <SlotEditor row={row} {...editorProps} />
          {row.slot && row.status !== "PENDING" && <ExecutionSummary slot={row.slot} />}
          <SlotRowActions row={row} readOnly={readOnly} busy={busy} handlers={handlers} />
        </li>
      ))}
    </ul>
  );
}
