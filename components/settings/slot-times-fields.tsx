"use client";

import { PlusIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FieldErrors, SlotTimeRow } from "./settings-draft";

type Props = { rows: SlotTimeRow[]; onChange: (rows: SlotTimeRow[]) => void; disabled: boolean; errors: FieldErrors; maxSlots: number };

/** Slot number → local time: the time a slot queued without one is scheduled for. */
export function SlotTimesFields({ rows, onChange, disabled, errors, maxSlots }: Props) {
  const used = new Set(rows.map((row) => Number(row.slotNumber)));
  const nextNumber = Array.from({ length: maxSlots }, (_, i) => i + 1).find((n) => !used.has(n));
  const update = (index: number, time: string) => onChange(rows.map((row, i) => (i === index ? { ...row, time } : row)));
  return (
    <fieldset className="grid gap-3" disabled={disabled}>
      <legend className="sr-only">Slot times</legend>
      {errors.slots && <p className="text-xs font-medium text-destructive">{errors.slots}</p>}
      <ul className="grid grid-cols-1 gap-x-4 gap-y-2 min-[420px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4">
        {rows.map((row, index) => {
          const error = errors[`slots.${index}.time`] ?? errors[`slots.${index}.slotNumber`];
          const id = `slot-time-${row.slotNumber}`;
          return (
            <li key={row.slotNumber} className="grid gap-1">
              <div className="flex items-center gap-2">
                <Label htmlFor={id} className="w-16 shrink-0">
                  Slot {row.slotNumber}
                </Label>
                <Input
                  id={id}
                  type="time"
                  step={1}
                  value={row.time}
                  onChange={(event) => update(index, event.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  className="h-8"
                />
                <Button
                  variant="ghost"
                  size="icon"
                  className="size-8"
                  aria-label={`Remove the time of slot ${row.slotNumber}`}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  <XIcon aria-hidden />
                </Button>
              </div>
              {error && (
                <p id={`${id}-error`} className="text-xs font-medium text-destructive">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="outline"
          size="sm"
          disabled={nextNumber === undefined}
          aria-describedby={nextNumber === undefined ? "slot-times-full" : undefined}
          onClick={() => nextNumber !== undefined && onChange([...rows, { slotNumber: String(nextNumber), time: "12:00" }])}
        >
          <PlusIcon aria-hidden />
          Add a slot time
        </Button>
        {nextNumber === undefined && (
          <span id="slot-times-full" className="text-xs text-muted-foreground">
            Every slot number up to {maxSlots} has a time.
          </span>
        )}
      </div>
    </fieldset>
  );
}
