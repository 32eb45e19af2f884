import { CheckCircle2, CircleAlert, Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { listDeliveries } from "@/lib/webhooks/list-deliveries";

type Delivery = Awaited<ReturnType<typeof listDeliveries>>["deliveries"][number];

function StateBadge({ state }: { state: Delivery["state"] }) {
  if (state === "DELIVERED")
    return (
      <Badge tone="success">
        <CheckCircle2 aria-hidden /> Delivered
      </Badge>
    );
  if (state === "GIVEN_UP")
    return (
      <Badge tone="danger">
        <CircleAlert aria-hidden /> Given up
      </Badge>
    );
  return (
    <Badge tone="warning">
      <Clock aria-hidden /> Pending
    </Badge>
  );
}

const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : "—");

const lastAnswer = (delivery: Delivery) => delivery.lastError ?? (delivery.lastStatus ? `HTTP ${delivery.lastStatus}` : "—");
const targetName = (delivery: Delivery) => (delivery.target === "WEBHOOK" ? "webhook" : "Inngest event");

/** On a phone: one card per message. */
function DeliveryCards({ deliveries }: { deliveries: Delivery[] }) {
  return (
    <ul className="grid gap-2 sm:hidden" aria-label="Slot messages">
      {deliveries.map((delivery) => (
        <li key={`${delivery.id}-${delivery.target}`} className="grid gap-1 rounded-lg border bg-card p-3 text-sm">
          <div className="flex items-center justify-between gap-2">
            <span className="font-medium">{delivery.type}</span>
            <StateBadge state={delivery.state} />
          </div>
          <div className="font-mono text-xs break-all text-muted-foreground">
            {targetName(delivery)} · {delivery.id}
          </div>
          <div className="text-xs">
            {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"} · {lastAnswer(delivery)}
          </div>
          <div className="text-xs text-muted-foreground">
            Written {when(delivery.createdAt)} · {delivery.state === "PENDING" ? "next try" : "done"}{" "}
            {when(delivery.deliveredAt ?? delivery.givenUpAt ?? delivery.nextAttemptAt)} UTC
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The slot messages and where each delivery stands: attempts, the receiver's last answer, the next try. */
export function DeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  if (deliveries.length === 0) return <p className="text-sm text-muted-foreground">No slot messages yet.</p>;
  return (
    <>
      <DeliveryCards deliveries={deliveries} />
      <div className="hidden sm:block">
        <Table aria-label="Slot messages">
          <TableHeader>
            <TableRow>
              <TableHead>Message</TableHead>
              <TableHead>State</TableHead>
              <TableHead className="text-right">Attempts</TableHead>
              <TableHead>Last answer</TableHead>
              <TableHead>Written (UTC)</TableHead>
              <TableHead>Next try / done (UTC)</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {deliveries.map((delivery) => (
              <TableRow key={`${delivery.id}-${delivery.target}`}>
                <TableCell>
                  <div className="font-medium">{delivery.type}</div>
                  <div className="font-mono text-xs text-muted-foreground">
                    {targetName(delivery)} · {delivery.id}
                  </div>
                </TableCell>
                <TableCell>
                  <StateBadge state={delivery.state} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{delivery.attempts}</TableCell>
                <TableCell className="max-w-64 truncate text-xs" title={delivery.lastError ?? undefined}>
                  {lastAnswer(delivery)}
                </TableCell>
                <TableCell className="text-xs whitespace-nowrap">{when(delivery.createdAt)}</TableCell>
                <TableCell className="text-xs whitespace-nowrap">
                  {when(delivery.deliveredAt ?? delivery.givenUpAt ?? delivery.nextAttemptAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
