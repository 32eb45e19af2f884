import Link from "next/link";
import { DailyBoard } from "@/components/distribution/board/daily-board";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageSession } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

// The seeds' "Daily Declaration Returns page": run today's day from here.
export default async function DailyDeclarationReturnsPage() {
  const session = await requirePageSession();
  const { role, twoFactorEnabled } = session.user;
  return (
    <AppShell user={session.user}>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Daily declaration returns</h1>
        {role === "ADMIN" && !twoFactorEnabled && (
          <Link href="/account/two-factor" className="text-sm text-primary underline underline-offset-4">
            Set up two-factor authentication
          </Link>
        )}
      </div>
      <DailyBoard user={{ role, twoFactorEnabled }} />
    </AppShell>
  );
}
