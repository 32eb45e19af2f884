"use client";

import { LockIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { BoardRow, SlotEdit } from "../logic/board-draft";
import type { SlotField } from "../logic/error-fields";

type SlotFieldsProps = {
  row: BoardRow;
  /** Shown under a time that has already passed today: such a slot runs as soon as it is queued. */
  timePassed?: boolean;
  errors?: Partial<Record<SlotField, string>>;
  readOnly: string | null;
  onEdit: (change: SlotEdit) => void;
  /** In the table the labels are for screen readers only (the column heads say it). */
  compact?: boolean;
};

const id = (row: BoardRow, field: string) => `slot-${row.slotNumber}-${field}`;

/** A slot's ROS % and time inputs: disabled, muted and saying why when the slot is locked. */
export function SlotFields({ row, errors, readOnly, onEdit, compact, timePassed }: SlotFieldsProps) {
  const disabled = row.lock.locked || readOnly !== null || row.removed;
  const describedBy = (field: SlotField) =>
    [errors?.[field] && id(row, `${field}-error`), row.lock.locked && id(row, "lock")].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("grid gap-2", compact ? "grid-cols-[6rem_7.5rem]" : "grid-cols-2")}>
      <div className="grid gap-1">
        <Label htmlFor={id(row, "ros")} className={compact ? "sr-only" : undefined}>
          Slot {row.slotNumber} ROS %
        </Label>
        <Input
          id={id(row, "ros")}
          inputMode="decimal"
          autoComplete="off"
          value={row.rosPercentage}
          disabled={disabled}
          aria-invalid={errors?.rosPercentage ? true : undefined}
          aria-describedby={describedBy("rosPercentage")}
          onChange={(event) => onEdit({ rosPercentage: event.target.value })}
          className="tabular-nums"
        />
      </div>
      <div className="grid gap-1">
        <Label htmlFor={id(row, "time")} className={compact ? "sr-only" : undefined}>
          Slot {row.slotNumber} time
        </Label>
        <Input
          id={id(row, "time")}
          inputMode="numeric"
          autoComplete="off"
          placeholder="HH:mm:ss"
          pattern="([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?"
          value={row.time}
          disabled={disabled}
          aria-invalid={errors?.time ? true : undefined}
          aria-describedby={describedBy("time")}
          onChange={(event) => onEdit({ time: event.target.value })}
          className="tabular-nums"
        />
      </div>
      {errors?.rosPercentage && (
        <p id={id(row, "rosPercentage-error")} className="col-span-2 text-xs font-medium text-destructive">
          {errors.rosPercentage}
        </p>
      )}
      {errors?.time && (
        <p id={id(row, "time-error")} className="col-span-2 text-xs font-medium text-destructive">
          {errors.time}
        </p>
      )}
      {timePassed && !row.lock.locked && !errors?.time && (
        <p className="col-span-2 text-xs text-warning">This time has passed today: the slot runs as soon as it is saved.</p>
      )}
      {row.lock.locked && (
        <p id={id(row, "lock")} className="col-span-2 flex items-start gap-1 text-xs text-muted-foreground">
          <LockIcon className="mt-0.5 size-3 shrink-0" aria-hidden />
          {row.lock.reason}
        </p>
      )}
    </div>
  );
}
