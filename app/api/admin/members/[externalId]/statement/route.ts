import { recordAudit } from "@/lib/audit/record-audit";
import { inTransaction } from "@/lib/db/client";
import { callerActorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";
import { memberStatement } from "@/lib/members/member-statement";
import { statementParams, statementQuery } from "@/lib/members/statement-schemas";

export const dynamic = "force-dynamic";

// GET /api/admin/members/{externalId}/statement?from=&to= – a member's payouts slot by slot, with the balance (ADMIN,
// VIEWER, or an API key with payouts:read: the platform's backend learns what a member was paid). Audited like the
// export: who read whose money is worth a line.
export const GET = route(
  { access: "signed-in", apiKeyScope: "payouts:read", params: statementParams, query: statementQuery },
  async ({ session, apiKey, params, query }) => {
    const statement = await inTransaction((tx) => memberStatement({ db: tx, externalId: params.externalId, ...query }), {
      repeatableRead: true,
    });
    await recordAudit({
      actor: callerActorOf(session, apiKey),
      action: "members.statement",
      outcome: "OK",
      details: { member: params.externalId, from: query.from, to: query.to },
    });
    return statement;
  },
);
