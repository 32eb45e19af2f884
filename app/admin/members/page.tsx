import Link from "next/link";
import { MemberLookupForm } from "@/components/members/member-lookup-form";
import { StatementView } from "@/components/members/statement-view";
import { AppShell } from "@/components/shell/app-shell";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requirePageSession } from "@/lib/auth/current-session";
import { loadMemberPage } from "@/lib/members/load-member-page";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function MembersPage({ searchParams }: { searchParams: Search }) {
  const session = await requirePageSession();
  const search = await searchParams;
  const page = await loadMemberPage({ q: one(search.q), from: one(search.from), to: one(search.to) });
  const link = (externalId: string) => `/admin/members?${new URLSearchParams({ q: externalId, ...page.period })}`;
  return (
    <AppShell user={session.user}>
      <h1 className="mb-1 text-2xl font-semibold">Member statement</h1>
      <p className="mb-4 text-sm text-muted-foreground">
        What a member was paid, slot by slot, from the ledger: each stake&apos;s ROS, the pool shares and the balance.
      </p>
      <div className="grid gap-4">
        <MemberLookupForm q={page.q} period={page.period} error={page.error} />
        {page.q && !page.error && page.members.length === 0 && (
          <Alert tone="warning">
            <AlertDescription>No member has the external id or email {page.q}.</AlertDescription>
          </Alert>
        )}
        {page.members.length > 1 && (
          <ul className="grid gap-1 text-sm">
            {page.members.map((member) => (
              <li key={member.email}>
                {member.externalId ? (
                  <Link className="underline" href={link(member.externalId)}>
                    {member.email}
                  </Link>
                ) : (
                  member.email
                )}
              </li>
            ))}
          </ul>
        )}
        {page.members.length === 1 && !page.members[0].externalId && (
          <Alert tone="info">
            <AlertDescription>{page.members[0].email} has no external id: the platform has not sent this member.</AlertDescription>
          </Alert>
        )}
        {page.statement && <StatementView statement={page.statement} />}
      </div>
    </AppShell>
  );
}
