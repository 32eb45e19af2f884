"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { dateTimeInZone } from "@/components/distribution/logic/format";
import type { AuditLogEntry } from "@/lib/audit/list-audit-log";
import { jsonDiff, showValue } from "./json-diff";
import { OutcomeBadge } from "./outcome-badge";

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <section className="grid min-w-0 gap-1">
      <h3 className="text-sm font-medium">{title}</h3>
      <pre className="max-h-80 overflow-auto rounded-md border bg-muted p-2 text-xs" tabIndex={0} aria-label={`${title} JSON`}>
        {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </section>
  );
}

/** One entry in full: what changed (path by path), before and after side by side, and its details. */
export function AuditEntryDialog({ entry, timeZone }: { entry: AuditLogEntry; timeZone: string }) {
  const changes = jsonDiff(entry.before, entry.after);
  const hasChange = entry.before != null || entry.after != null;
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Details of entry ${entry.id}`}>
          Details
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90dvh] max-w-4xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>
            {entry.action} <span className="text-muted-foreground">#{entry.id}</span>
          </DialogTitle>
          <DialogDescription>
            {dateTimeInZone(entry.at, timeZone)} ({timeZone}) · {entry.actor?.email ?? "System"}
          </DialogDescription>
        </DialogHeader>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <OutcomeBadge outcome={entry.outcome} />
          {entry.reason && <span>{entry.reason}</span>}
        </div>
        {hasChange ? (
          <section className="grid gap-2">
            <h3 className="text-sm font-medium">What changed</h3>
            {changes.length === 0 ? (
              <p className="text-sm text-muted-foreground">Before and after are the same.</p>
            ) : (
              <Table aria-label="What changed">
                <TableHeader>
                  <TableRow>
                    <TableHead>Field</TableHead>
                    <TableHead>Change</TableHead>
                    <TableHead>Before</TableHead>
                    <TableHead>After</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {changes.map((row) => (
                    <TableRow key={row.path}>
                      <TableCell className="font-mono text-xs">{row.path}</TableCell>
                      <TableCell>{row.change}</TableCell>
                      <TableCell className="max-w-64 font-mono text-xs break-all">{showValue(row.before)}</TableCell>
                      <TableCell className="max-w-64 font-mono text-xs break-all">{showValue(row.after)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <div className="grid gap-3 md:grid-cols-2">
              <JsonBlock title="Before" value={entry.before} />
              <JsonBlock title="After" value={entry.after} />
            </div>
          </section>
        ) : (
          <p className="text-sm text-muted-foreground">This entry records no before/after state.</p>
        )}
        {entry.details != null && <JsonBlock title="Details" value={entry.details} />}
      </DialogContent>
    </Dialog>
  );
}
