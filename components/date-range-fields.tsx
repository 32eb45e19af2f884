import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Props = {
  idPrefix: string;
  labels: { from: string; to: string };
  value: { from: string; to: string };
  onChange: (value: { from: string; to: string }) => void;
};

/** Two date inputs, "from" never after "to" (each bounds the other's picker). */
export function DateRangeFields({ idPrefix, labels, value, onChange }: Props) {
  return (
    <>
      <Field label={labels.from} htmlFor={`${idPrefix}-from`}>
        <Input
          id={`${idPrefix}-from`}
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(event) => onChange({ ...value, from: event.target.value })}
        />
      </Field>
      <Field label={labels.to} htmlFor={`${idPrefix}-to`}>
        <Input
          id={`${idPrefix}-to`}
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(event) => onChange({ ...value, to: event.target.value })}
        />
      </Field>
    </>
  );
}
