import Link from "next/link";
import { ApiKeysView } from "@/components/api-keys/api-keys-view";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageSession } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

export default async function ApiKeysPage() {
  const session = await requirePageSession();
  return (
    <AppShell user={session.user}>
      <p className="mb-1 text-sm">
        <Link href="/admin/settings" className="text-muted-foreground underline-offset-4 hover:underline">
          Settings
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-semibold">API keys</h1>
      <p className="mb-4 text-sm text-muted-foreground">
        Keys for a platform&apos;s backend to send members and stakes and read payouts (docs/INTEGRATION.md). Each key is shown once.
      </p>
      {session.user.role === "ADMIN" ? (
        <ApiKeysView />
      ) : (
        <p className="text-sm text-muted-foreground">Only administrators manage API keys.</p>
      )}
    </AppShell>
  );
}
