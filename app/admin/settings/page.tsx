import Link from "next/link";
import { SettingsView } from "@/components/settings/settings-view";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageSession } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const session = await requirePageSession();
  return (
    <AppShell user={session.user}>
      <h1 className="mb-1 text-2xl font-semibold">Settings</h1>
      <p className="mb-4 text-sm text-muted-foreground">
        Time zone, slot times, limits and pool rules. Changes need a two-factor code.
        {session.user.role === "ADMIN" && (
          <>
            {" "}
            <Link href="/admin/settings/api-keys" className="underline underline-offset-4">
              API keys
            </Link>{" "}
            for a platform&apos;s backend are on their own page.
          </>
        )}
      </p>
      <SettingsView role={session.user.role} twoFactorEnabled={session.user.twoFactorEnabled} />
    </AppShell>
  );
}
