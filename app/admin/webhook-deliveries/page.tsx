import Link from "next/link";
import { AppShell } from "@/components/shell/app-shell";
import { DeliveriesTable } from "@/components/webhooks/deliveries-table";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requirePageSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { deliveriesQuery, deliveryStates, listDeliveries } from "@/lib/webhooks/list-deliveries";
import { outboxTargets } from "@/lib/webhooks/outbox-targets";
import { cn } from "@/components/ui/cn";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const filters = [
  { state: undefined, label: "All" },
  ...deliveryStates.map((state) => ({ state, label: state.replace("_", " ").toLowerCase() })),
];

export default async function WebhookDeliveriesPage({ searchParams }: { searchParams: Search }) {
  const session = await requirePageSession();
  const search = await searchParams;
  const query = deliveriesQuery.safeParse({ state: search.state, limit: undefined });
  const state = query.success ? query.data.state : undefined;
  const { deliveries } = await listDeliveries({ db: db(), state, limit: 100 });
  const targets = outboxTargets();
  return (
    <AppShell user={session.user}>
      <h1 className="mb-1 text-2xl font-semibold">Webhook deliveries</h1>
      <p className="mb-4 text-sm text-muted-foreground">
        Every slot that ends sends slot.completed or slot.failed, signed, retried until the receiver answers 2xx or 24 h have passed.
      </p>
      {targets.length === 0 && (
        <Alert tone="info" className="mb-4">
          <AlertDescription>No webhook is configured: set WEBHOOK_URL and WEBHOOK_SECRET (docs/WEBHOOKS.md).</AlertDescription>
        </Alert>
      )}
      <nav aria-label="Filter by state" className="mb-3 flex flex-wrap gap-2 text-sm">
        {filters.map((filter) => (
          <Link
            key={filter.label}
            href={filter.state ? `/admin/webhook-deliveries?state=${filter.state}` : "/admin/webhook-deliveries"}
            aria-current={filter.state === state ? "page" : undefined}
            className={cn("rounded-md border px-2 py-1 capitalize", filter.state === state && "bg-secondary font-medium")}
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      <DeliveriesTable deliveries={deliveries} />
    </AppShell>
  );
}
