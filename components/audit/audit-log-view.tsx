"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { dateTimeInZone } from "@/components/distribution/logic/format";
import type { AuditLogEntry } from "@/lib/audit/list-audit-log";
import { auditFiltersFromSearch, auditPageSize, searchOfAuditFilters, type AuditFilters } from "./audit-filters";
import { AuditEntryDialog } from "./audit-entry-dialog";
import { AuditFilterForm } from "./audit-filter-form";
import { OutcomeBadge } from "./outcome-badge";
import { useAuditLog } from "./use-audit-log";

const actorOf = (entry: AuditLogEntry) => entry.actor?.email ?? "System";

function EntryCards({ entries, timeZone }: { entries: AuditLogEntry[]; timeZone: string }) {
  return (
    <ul className="grid gap-2 md:hidden" aria-label="Audit entries">
      {entries.map((entry) => (
        <li key={entry.id} className="grid gap-1 rounded-md border p-3 text-sm">
          <div className="flex items-center justify-between gap-2">
            <span className="font-medium break-all">{entry.action}</span>
            <OutcomeBadge outcome={entry.outcome} />
          </div>
          <span className="text-muted-foreground">{dateTimeInZone(entry.at, timeZone)}</span>
          <span className="break-all">{actorOf(entry)}</span>
          {entry.reason && <span className="text-muted-foreground break-words">{entry.reason}</span>}
          <div>
            <AuditEntryDialog entry={entry} timeZone={timeZone} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function EntryTable({ entries, timeZone }: { entries: AuditLogEntry[]; timeZone: string }) {
  return (
    <div className="hidden md:block">
      <Table aria-label="Audit entries">
        <TableHeader>
          <TableRow>
            <TableHead>When ({timeZone})</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Outcome</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Reason</TableHead>
            <TableHead>
              <span className="sr-only">Before and after</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell className="whitespace-nowrap tabular-nums">{dateTimeInZone(entry.at, timeZone)}</TableCell>
              <TableCell className="font-medium">{entry.action}</TableCell>
              <TableCell>
                <OutcomeBadge outcome={entry.outcome} />
              </TableCell>
              <TableCell className="max-w-56 truncate" title={actorOf(entry)}>
                {actorOf(entry)}
              </TableCell>
              <TableCell className="max-w-72 text-muted-foreground">{entry.reason}</TableCell>
              <TableCell className="text-right">
                <AuditEntryDialog entry={entry} timeZone={timeZone} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The audit log page's body: filters kept in the URL, one page of entries, each with its before/after. */
export function AuditLogView() {
  const router = useRouter();
  const pathname = usePathname();
  const { filters, dropped } = auditFiltersFromSearch(new URLSearchParams(useSearchParams().toString()));
  const query = useAuditLog(filters);
  const hrefOf = (next: AuditFilters) => {
    const search = searchOfAuditFilters(next);
    return search ? `${pathname}?${search}` : pathname;
  };
  const data = query.data;
  const pageCount = data ? Math.ceil(data.total / auditPageSize) : 1;

  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Filters</CardTitle>
          <CardDescription>Kept in the address, so a filtered view can be shared or bookmarked.</CardDescription>
        </CardHeader>
        <CardContent>
          <AuditFilterForm
            key={searchOfAuditFilters(filters)}
            filters={filters}
            actions={data?.actions ?? []}
            onApply={(next) => router.push(hrefOf(next))}
          />
        </CardContent>
      </Card>
      {dropped.length > 0 && (
        <Alert tone="warning">
          <AlertTitle>Some filters in the address were not valid and are ignored</AlertTitle>
          <AlertDescription>{dropped.join(", ")}</AlertDescription>
        </Alert>
      )}
      {query.isError && (
        <Alert tone="danger" role="alert">
          <AlertTitle>The audit log could not be loaded</AlertTitle>
          <AlertDescription>{query.error.message}</AlertDescription>
        </Alert>
      )}
      <Card aria-busy={query.isFetching}>
        <CardHeader>
          <CardTitle>Entries</CardTitle>
          <CardDescription aria-live="polite">
            {data ? `${data.total.toLocaleString("en-US")} ${data.total === 1 ? "entry" : "entries"} match, newest first` : "Loading…"}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {!data && !query.isError && <Skeleton className="h-40" />}
          {data && data.entries.length === 0 && <p className="text-sm text-muted-foreground">No entry matches these filters.</p>}
          {data && data.entries.length > 0 && (
            <>
              <EntryTable entries={data.entries} timeZone={data.timeZone} />
              <EntryCards entries={data.entries} timeZone={data.timeZone} />
              <Pagination page={filters.page} pageCount={pageCount} hrefFor={(page) => hrefOf({ ...filters, page })} />
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
