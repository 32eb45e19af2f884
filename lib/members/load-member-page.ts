import { inTransaction, db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { findMembers } from "./find-member";
import { memberStatement } from "./member-statement";
import { memberLookupQuery, statementQuery } from "./statement-schemas";

const dayMs = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first message of a failed parse, for the page's error line. */
const firstIssue = (issues: { message: string }[]) => issues[0]?.message ?? "Invalid input";

/**
 * What /admin/members shows for its address (?q=&from=&to=): the members `q` names and, when it
 * names exactly one with an external id, that member's statement for the period (default: the
 * last 30 days to today, UTC). Bad input becomes a message for the page, never an error page.
 */
export async function loadMemberPage(search: { q?: string; from?: string; to?: string }, now = new Date()) {
  const period = { from: search.from || isoDay(now.getTime() - 30 * dayMs), to: search.to || isoDay(now.getTime()) };
  if (!search.q) return { q: "", period, members: [], statement: null, error: null };
  const lookup = memberLookupQuery.safeParse({ q: search.q });
  if (!lookup.success) return { q: search.q, period, members: [], statement: null, error: firstIssue(lookup.error.issues) };
  const { members } = await findMembers({ db: db(), q: lookup.data.q });
  const range = statementQuery.safeParse(period);
  if (!range.success) return { q: search.q, period, members, statement: null, error: firstIssue(range.error.issues) };
  const only = members.length === 1 ? members[0] : null;
  try {
    const statement = only?.externalId
      ? await inTransaction((tx) => memberStatement({ db: tx, externalId: only.externalId ?? "", ...range.data }), { repeatableRead: true })
      : null;
    return { q: search.q, period, members, statement, error: null };
  } catch (error) {
    // A period reaching into an archived month (decision 024) is the admin's to change.
    if (error instanceof AppError && error.code === "VALIDATION")
      return { q: search.q, period, members, statement: null, error: error.message };
    throw error;
  }
}

export type MemberPage = Awaited<ReturnType<typeof loadMemberPage>>;
export type Statement = NonNullable<MemberPage["statement"]>;
