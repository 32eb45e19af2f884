import { Suspense } from "react";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageSession } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

export default async function AuditLogPage() {
  const session = await requirePageSession();
  return (
    <AppShell user={session.user}>
      <h1 className="mb-1 text-2xl font-semibold">Audit log</h1>
      <p className="mb-4 text-sm text-muted-foreground">
        Every change, refusal, slot execution and export: who, what, before and after, when.
      </p>
      <Suspense>
        <AuditLogView />
      </Suspense>
    </AppShell>
  );
}
