import Link from "next/link";
import { TodayStatus } from "@/components/distribution/today-status";
import { TopBar } from "@/components/top-bar";
import { requirePageSession } from "@/lib/auth/current-session";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const session = await requirePageSession();
  return (
    <>
      <TopBar user={session.user} />
      <main>
        <h1>Daily declaration returns</h1>
        {!session.user.twoFactorEnabled && session.user.role === "ADMIN" && (
          <p className="card" role="status">
            Changes need two-factor authentication. <Link href="/account/two-factor">Set it up</Link>.
          </p>
        )}
        <TodayStatus />
      </main>
    </>
  );
}
