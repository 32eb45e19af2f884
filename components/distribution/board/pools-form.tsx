"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import type { PoolEdits } from "../logic/board-draft";
import type { FieldErrors, PoolField } from "../logic/error-fields";

const fields: { name: Exclude<PoolField, "description">; label: string; current: (s: DistributionStatus) => number | undefined }[] = [
  { name: "premiumPoolAmount", label: "Premium pool amount", current: (s) => s.data?.premiumPoolAmount },
  { name: "performancePoolAmount", label: "Performance pool amount", current: (s) => s.data?.performancePoolAmount },
];

/** The day's pools and description, as the next change will send them. */
export function PoolsForm({
  status,
  pools,
  errors,
  readOnly,
  onChange,
}: {
  status: DistributionStatus;
  pools: PoolEdits;
  errors: FieldErrors["pools"];
  readOnly: string | null;
  onChange: (change: PoolEdits) => void;
}) {
  const describedBy = (name: PoolField) => (errors[name] ? `${name}-error` : undefined);
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      {fields.map(({ name, label, current }) => (
        <Field key={name} label={label} htmlFor={name} error={errors[name]}>
          <Input
            id={name}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0"
            value={pools[name] ?? (current(status) === undefined ? "" : String(current(status)))}
            disabled={readOnly !== null}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={describedBy(name)}
            onChange={(event) => onChange({ [name]: event.target.value })}
            className="tabular-nums"
          />
        </Field>
      ))}
      <Field label="Description" htmlFor="description" error={errors.description}>
        <Input
          id="description"
          autoComplete="off"
          maxLength={500}
          value={pools.description ?? status.data?.description ?? ""}
          disabled={readOnly !== null}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={describedBy("description")}
          onChange={(event) => onChange({ description: event.target.value })}
        />
      </Field>
    </div>
  );
}
