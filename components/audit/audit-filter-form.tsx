"use client";

import { useState, type FormEvent } from "react";
import { DateRangeFields } from "@/components/date-range-fields";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { emptyAuditFilters, type AuditFilters } from "./audit-filters";

const any = "any"; // Radix Select items cannot have an empty value

type Props = { filters: AuditFilters; actions: string[]; onApply: (filters: AuditFilters) => void };

/** The filters as a form; applying them writes the URL (the page reads them back from there). */
export function AuditFilterForm({ filters, actions, onApply }: Props) {
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof AuditFilters) => (value: string) => setDraft((current) => ({ ...current, [key]: value === any ? "" : value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, slot: draft.date ? draft.slot : "", page: 1 });
  };
  const actionChoices = draft.action && !actions.includes(draft.action) ? [draft.action, ...actions] : actions;

  return (
    <form onSubmit={submit} aria-label="Audit log filters" className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field label="Action" htmlFor="audit-action">
        <Select value={draft.action || any} onValueChange={set("action")}>
          <SelectTrigger id="audit-action">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={any}>Any action</SelectItem>
            {actionChoices.map((action) => (
              <SelectItem key={action} value={action}>
                {action}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      <Field label="Outcome" htmlFor="audit-outcome">
        <Select value={draft.outcome || any} onValueChange={set("outcome")}>
          <SelectTrigger id="audit-outcome">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={any}>Any outcome</SelectItem>
            <SelectItem value="OK">OK</SelectItem>
            <SelectItem value="REFUSED">Refused</SelectItem>
            <SelectItem value="FAILED">Failed</SelectItem>
          </SelectContent>
        </Select>
      </Field>
      <Field label="Actor (email contains)" htmlFor="audit-actor" className="sm:col-span-2">
        <Input
          id="audit-actor"
          type="search"
          value={draft.actor}
          onChange={(event) => set("actor")(event.target.value)}
          autoComplete="off"
        />
      </Field>
      <DateRangeFields
        idPrefix="audit"
        labels={{ from: "Recorded from", to: "Recorded to" }}
        value={{ from: draft.from, to: draft.to }}
        onChange={(range) => setDraft((current) => ({ ...current, ...range }))}
      />
      <Field label="About day" htmlFor="audit-date" hint="A distribution day's changes, executions and exports">
        <Input
          id="audit-date"
          type="date"
          value={draft.date}
          onChange={(event) => set("date")(event.target.value)}
          aria-describedby="audit-date-hint"
        />
      </Field>
      <Field label="Slot of that day" htmlFor="audit-slot" hint={draft.date ? undefined : "Pick a day first"}>
        <Input
          id="audit-slot"
          type="number"
          inputMode="numeric"
          min={1}
          max={200}
          value={draft.slot}
          disabled={!draft.date}
          onChange={(event) => set("slot")(event.target.value)}
          aria-describedby={draft.date ? undefined : "audit-slot-hint"}
        />
      </Field>
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="outline"
          onClick={() => {
            setDraft(emptyAuditFilters);
            onApply(emptyAuditFilters);
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
