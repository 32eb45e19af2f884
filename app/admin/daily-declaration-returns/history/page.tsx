import { Suspense } from "react";
import { HistoryView } from "@/components/history/history-view";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageSession } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

export default async function HistoryPage() {
  const session = await requirePageSession();
  return (
    <AppShell user={session.user}>
      <h1 className="mb-1 text-2xl font-semibold">History</h1>
      <p className="mb-4 text-sm text-muted-foreground">
        Past days with their slots, statuses and totals, and each day&apos;s payouts as CSV.
      </p>
      <Suspense>
        <HistoryView />
      </Suspense>
    </AppShell>
  );
}
