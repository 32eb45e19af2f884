import { TodayStatus } from "@/components/distribution/today-status";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageSession } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

export default async function DailyDeclarationReturnsPage() {
  const session = await requirePageSession();
  return (
    <AppShell user={session.user}>
      <h1 className="mb-4 text-2xl font-semibold">Daily declaration returns</h1>
      <TodayStatus />
    </AppShell>
  );
}
