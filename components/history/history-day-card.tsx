import { DownloadIcon } from "lucide-react";
import { StatusBadge } from "@/components/distribution/board/status-badge";
import { countsInWords, formatAmount, timeInZone } from "@/components/distribution/logic/format";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { payoutsCsvUrl } from "./history-range";
import type { HistoryDay } from "./use-history";

type SlotDetails = { rosStats?: { processedStakes?: number; totalDistributed?: number }; error?: string } | null;

function Totals({ day }: { day: HistoryDay }) {
  const items = [
    ["Stakes paid", day.totals.processedStakes.toLocaleString("en-US")],
    ["ROS paid", formatAmount(day.totals.rosDistributed)],
    ["Premium pool", `${formatAmount(day.totals.premiumDistributed)} of ${formatAmount(day.data?.premiumPoolAmount ?? 0)}`],
    ["Performance pool", `${formatAmount(day.totals.performanceDistributed)} of ${formatAmount(day.data?.performancePoolAmount ?? 0)}`],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm lg:grid-cols-4">
      {items.map(([term, value]) => (
        <div key={term} className="grid gap-0.5">
          <dt className="text-muted-foreground">{term}</dt>
          <dd className="font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CsvLink({ date, slotNumber, label, ariaLabel }: { date: string; slotNumber?: number; label: string; ariaLabel?: string }) {
  return (
    <a
      href={payoutsCsvUrl(date, slotNumber)}
      download
      aria-label={ariaLabel}
      className={buttonVariants({ variant: slotNumber ? "ghost" : "outline", size: "sm" })}
    >
      <DownloadIcon aria-hidden />
      {label}
    </a>
  );
}

/** Phones: each slot as a short card instead of a table row. */
function SlotList({ day }: { day: HistoryDay }) {
  return (
    <ul className="grid gap-2 sm:hidden" aria-label={`Slots of ${day.date}`}>
      {day.distributionSlots.map((slot) => {
        const details = slot.executionDetails as SlotDetails;
        return (
          <li key={slot.slotNumber} className="grid gap-1 rounded-md border p-3 text-sm">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">
                Slot {slot.slotNumber} · {timeInZone(slot.scheduledFor, day.timeZone)} · {formatAmount(slot.rosPercentage)} %
              </span>
              <StatusBadge status={slot.status} />
            </div>
            {details?.rosStats && (
              <span className="text-muted-foreground">
                {details.rosStats.processedStakes?.toLocaleString("en-US")} stakes paid, ROS{" "}
                {formatAmount(details.rosStats.totalDistributed ?? 0)}
              </span>
            )}
            {slot.status === "FAILED" && details?.error && <span className="text-muted-foreground">{details.error}</span>}
            {slot.status === "COMPLETED" && (
              <div>
                <CsvLink date={day.date} slotNumber={slot.slotNumber} label={`Payouts CSV of slot ${slot.slotNumber}`} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** One past day: its status, counts, totals, each slot, and links to its payouts. */
export function HistoryDayCard({ day }: { day: HistoryDay }) {
  const headingId = `day-${day.date}`;
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="grid gap-1">
          <CardTitle id={headingId} className="flex flex-wrap items-center gap-2">
            {day.date}
            {day.status && <StatusBadge status={day.status} />}
          </CardTitle>
          <CardDescription>
            {countsInWords(day.counts)}
            {day.data?.description ? ` · ${day.data.description}` : ""}
          </CardDescription>
        </div>
        <CsvLink date={day.date} label={`Payouts CSV of ${day.date}`} />
      </CardHeader>
      <CardContent className="grid gap-4">
        <Totals day={day} />
        <SlotList day={day} />
        <div className="hidden sm:block">
          <Table aria-label={`Slots of ${day.date}`}>
            <TableHeader>
              <TableRow>
                <TableHead>Slot</TableHead>
                <TableHead>Time ({day.timeZone})</TableHead>
                <TableHead className="text-right">ROS %</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Stakes paid</TableHead>
                <TableHead className="text-right">ROS paid</TableHead>
                <TableHead>
                  <span className="sr-only">Export</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {day.distributionSlots.map((slot) => {
                const details = slot.executionDetails as SlotDetails;
                return (
                  <TableRow key={slot.slotNumber}>
                    <TableCell className="font-medium">{slot.slotNumber}</TableCell>
                    <TableCell className="tabular-nums">{timeInZone(slot.scheduledFor, day.timeZone)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatAmount(slot.rosPercentage)}</TableCell>
                    <TableCell>
                      <div className="grid gap-1">
                        <StatusBadge status={slot.status} />
                        {slot.status === "FAILED" && details?.error && (
                          <span className="text-xs text-muted-foreground">{details.error}</span>
                        )}
                      </div>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {details?.rosStats?.processedStakes?.toLocaleString("en-US") ?? "—"}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {details?.rosStats?.totalDistributed === undefined ? "—" : formatAmount(details.rosStats.totalDistributed)}
                    </TableCell>
                    <TableCell className="text-right">
                      {slot.status === "COMPLETED" && (
                        <CsvLink
                          date={day.date}
                          slotNumber={slot.slotNumber}
                          label="CSV"
                          ariaLabel={`Payouts CSV of slot ${slot.slotNumber}`}
                        />
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      </CardContent>
    </Card>
  );
}
