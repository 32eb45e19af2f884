import { SettingsView } from "@/components/settings/settings-view";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageSession } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const session = await requirePageSession();
  return (
    <AppShell user={session.user}>
      <h1 className="mb-1 text-2xl font-semibold">Settings</h1>
      <p className="mb-4 text-sm text-muted-foreground">Time zone, slot times, limits and pool rules. Changes need a two-factor code.</p>
      <SettingsView role={session.user.role} twoFactorEnabled={session.user.twoFactorEnabled} />
    </AppShell>
  );
}
