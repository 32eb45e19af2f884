import type { DbExecutor } from "@/lib/db/client";

/** The console's look-up: members whose external id is `q` or whose email is `q` (any case); at most 20. */
export async function findMembers(options: { db: DbExecutor; q: string }) {
  const members = await options.db.user.findMany({
    where: { OR: [{ externalId: options.q }, { email: { equals: options.q, mode: "insensitive" } }] },
    select: { externalId: true, email: true, name: true },
    orderBy: { id: "asc" },
    take: 20,
  });
  return { members };
}
