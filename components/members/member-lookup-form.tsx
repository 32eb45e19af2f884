import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** A plain GET form: the look-up lives in the address, so support can share the link. */
export function MemberLookupForm({ q, period, error }: { q: string; period: { from: string; to: string }; error: string | null }) {
  return (
    <form method="get" action="/admin/members" className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
      <Field label="External id or email" htmlFor="member-q" error={error ?? undefined}>
        <Input
          id="member-q"
          name="q"
          defaultValue={q}
          placeholder="64b7f0c2a1e4… or name@example.com"
          required
          maxLength={320}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "member-q-error" : undefined}
        />
      </Field>
      <Field label="From" htmlFor="member-from">
        <Input id="member-from" name="from" type="date" defaultValue={period.from} />
      </Field>
      <Field label="To" htmlFor="member-to">
        <Input id="member-to" name="to" type="date" defaultValue={period.to} />
      </Field>
      <Button type="submit">Look up</Button>
    </form>
  );
}
