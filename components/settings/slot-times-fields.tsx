"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FieldErrors, SlotTimeRow } from "./settings-draft";

type Props = { rows: SlotTimeRow[]; onChange: (rows: SlotTimeRow[]) => void; disabled: boolean; errors: FieldErrors; maxSlots: number };

/** Slot number → local time: the time a slot queued without one is scheduled for. */
export function SlotTimesFields({ rows, onChange, disabled, errors, maxSlots }: Props) {
  const nextNumber = () => {
    const used = new Set(rows.map((row) => Number(row.slotNumber)));
    let n = 1;
    while (used.has(n)) n++;
    return n;
  };
  const update = (index: number, patch: Partial<SlotTimeRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="grid gap-2" disabled={disabled}>
      <legend className="mb-1 text-sm font-medium">Slot times</legend>
      <p className="text-xs text-muted-foreground">The local time a slot queued without its own time is scheduled for.</p>
      {errors.slots && <p className="text-xs font-medium text-destructive">{errors.slots}</p>}
      <ul className="grid gap-2">
        {rows.map((row, index) => {
          const numberError = errors[`slots.${index}.slotNumber`];
          const timeError = errors[`slots.${index}.time`];
          return (
            <li key={index} className="grid grid-cols-[5rem_1fr_auto] items-end gap-2 sm:grid-cols-[6rem_10rem_auto]">
              <div className="grid gap-1">
                <Label htmlFor={`slot-number-${index}`}>Slot</Label>
                <Input
                  id={`slot-number-${index}`}
                  inputMode="numeric"
                  value={row.slotNumber}
                  onChange={(event) => update(index, { slotNumber: event.target.value })}
                  aria-invalid={numberError ? true : undefined}
                  aria-describedby={numberError ? `slot-number-${index}-error` : undefined}
                />
              </div>
              <div className="grid gap-1">
                <Label htmlFor={`slot-time-${index}`}>Time of slot {row.slotNumber || index + 1}</Label>
                <Input
                  id={`slot-time-${index}`}
                  type="time"
                  step={1}
                  value={row.time}
                  onChange={(event) => update(index, { time: event.target.value })}
                  aria-invalid={timeError ? true : undefined}
                  aria-describedby={timeError ? `slot-time-${index}-error` : undefined}
                />
              </div>
              <Button
                variant="ghost"
                size="icon"
                aria-label={`Remove the time of slot ${row.slotNumber || index + 1}`}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                <Trash2Icon aria-hidden />
              </Button>
              {(numberError || timeError) && (
                <p
                  id={numberError ? `slot-number-${index}-error` : `slot-time-${index}-error`}
                  className="col-span-3 text-xs font-medium text-destructive"
                >
                  {numberError ?? timeError}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div>
        <Button
          variant="outline"
          size="sm"
          disabled={rows.length >= maxSlots}
          onClick={() => onChange([...rows, { slotNumber: String(nextNumber()), time: "12:00" }])}
        >
          <PlusIcon aria-hidden />
          Add a slot time
        </Button>
      </div>
    </fieldset>
  );
}
