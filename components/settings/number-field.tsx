import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { NumberField } from "./settings-draft";

type Props = {
  field: NumberField;
  label: string;
  hint: string;
  value: string | undefined;
  error?: string;
  disabled: boolean;
  onChange: (value: string) => void;
  step?: string;
};

/** One numeric setting with its label, hint and server error. Hidden when the server does not have it. */
export function NumberSettingField({ field, label, hint, value, error, disabled, onChange, step = "any" }: Props) {
  if (value === undefined) return null;
  const id = `setting-${field}`;
  return (
    <Field label={label} htmlFor={id} hint={hint} error={error}>
      <Input
        id={id}
        type="number"
        inputMode="decimal"
        step={step}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
      />
    </Field>
  );
}
