import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Statement } from "@/lib/members/load-member-page";

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-mono text-sm tabular-nums">{value}</dd>
    </div>
  );
}

/** A member's statement: the period's figures, then each slot with its ROS per stake, pool shares and the balance after it. */
export function StatementView({ statement }: { statement: Statement }) {
  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle>
            {statement.member.name || statement.member.email}{" "}
            <span className="font-mono text-sm font-normal">{statement.member.externalId}</span>
          </CardTitle>
          <CardDescription>
            {statement.member.email} · performance score {statement.member.performanceScore} · {statement.from} to {statement.to}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            <Figure label="Balance before" value={statement.openingBalance} />
            <Figure label="ROS" value={statement.totals.ros} />
            <Figure label="Premium pool" value={statement.totals.premiumPool} />
            <Figure label="Performance pool" value={statement.totals.performancePool} />
            <Figure label="Balance after" value={statement.closingBalance} />
            <Figure label="Wallet now" value={statement.walletBalance} />
          </dl>
        </CardContent>
      </Card>
      {statement.slots.length === 0 && <p className="text-sm text-muted-foreground">Nothing was paid to this member in the period.</p>}
      {statement.slots.map((slot) => (
        <Card key={`${slot.date}-${slot.slotNumber}`} aria-label={`${slot.date} slot ${slot.slotNumber}`}>
          <CardHeader>
            <CardTitle>
              {slot.date} · slot {slot.slotNumber}
            </CardTitle>
            <CardDescription>
              ROS {slot.rosPercentage} % at {slot.scheduledFor.slice(11, 16)} UTC · paid {slot.total} · balance after {slot.balance}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            {slot.ros.length > 0 && (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Stake</TableHead>
                    <TableHead className="text-right">Principal</TableHead>
                    <TableHead className="text-right">ROS paid</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {slot.ros.map((entry) => (
                    <TableRow key={entry.stakeId}>
                      <TableCell className="font-mono text-xs break-all whitespace-normal">
                        {entry.stakeExternalId ?? `#${entry.stakeId}`}
                      </TableCell>
                      <TableCell className="text-right font-mono tabular-nums">{entry.principal ?? "—"}</TableCell>
                      <TableCell className="text-right font-mono tabular-nums">{entry.amount}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Figure label="Premium pool share" value={slot.premiumPoolShare} />
              <Figure label="Performance pool share" value={slot.performancePoolShare} />
              <Figure label="Slot total" value={slot.total} />
              <Figure label="Balance after" value={slot.balance} />
            </dl>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
