"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { DateRangeFields } from "@/components/date-range-fields";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { HistoryDayCard } from "./history-day-card";
import { historyRangeFromSearch, searchOfHistoryRange, type HistoryRange } from "./history-range";
import { useHistory } from "./use-history";

function RangeForm({ range, onApply }: { range: HistoryRange; onApply: (range: HistoryRange) => void }) {
  const [draft, setDraft] = useState(range);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={submit} aria-label="Date range" className="flex flex-wrap items-end gap-3">
      <DateRangeFields idPrefix="history" labels={{ from: "From", to: "To" }} value={draft} onChange={setDraft} />
      <div className="flex gap-2">
        <Button type="submit">Show days</Button>
        <Button variant="outline" onClick={() => onApply({ from: "", to: "" })}>
          Last 30 days
        </Button>
      </div>
    </form>
  );
}

/** The history page's body: the range kept in the URL, then each day of it, newest first. */
export function HistoryView() {
  const router = useRouter();
  const pathname = usePathname();
  const { range, error } = historyRangeFromSearch(new URLSearchParams(useSearchParams().toString()));
  const query = useHistory(range);
  const apply = (next: HistoryRange) => {
    const search = searchOfHistoryRange(next);
    router.push(search ? `${pathname}?${search}` : pathname);
  };
  const data = query.data;

  return (
    <div className="grid gap-4">
      <RangeForm
        key={`${searchOfHistoryRange(range)}/${data?.from}/${data?.to}`}
        range={data && !range.from ? { from: data.from, to: data.to } : range}
        onApply={apply}
      />
      {error && (
        <Alert tone="warning">
          <AlertTitle>The range in the address is not valid; showing the last 30 days</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      {query.isError && (
        <Alert tone="danger" role="alert">
          <AlertTitle>History could not be loaded</AlertTitle>
          <AlertDescription>{query.error.message}</AlertDescription>
        </Alert>
      )}
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {data
          ? `${data.days.length} ${data.days.length === 1 ? "day" : "days"} from ${data.from} to ${data.to} (${data.timeZone})`
          : query.isError
            ? ""
            : "Loading…"}
      </p>
      {!data && !query.isError && <Skeleton className="h-48" />}
      {data?.days.length === 0 && <p className="text-sm">No distribution day in this range.</p>}
      {data?.days.map((day) => (
        <HistoryDayCard key={day.date} day={day} />
      ))}
    </div>
  );
}
