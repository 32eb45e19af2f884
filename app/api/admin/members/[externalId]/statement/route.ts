import { inTransaction } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { memberStatement } from "@/lib/members/member-statement";
import { statementParams, statementQuery } from "@/lib/members/statement-schemas";

export const dynamic = "force-dynamic";

// GET /api/admin/members/{externalId}/statement?from=&to= – a member's payouts slot by slot, with the balance (ADMIN, VIEWER)
export const GET = route({ access: "signed-in", params: statementParams, query: statementQuery }, ({ params, query }) =>
  inTransaction((tx) => memberStatement({ db: tx, externalId: params.externalId, ...query }), { repeatableRead: true }),
);
