import { readBulkBody } from "@/lib/bulk/read-bulk-body";
import { memberRows } from "@/lib/bulk/row-schemas";
import { upsertRows } from "@/lib/bulk/upsert-rows";
import { callerActorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// PUT /api/admin/members – upsert up to 50,000 members by externalId, all or none
// (an API key with members:write, or a signed-in ADMIN with the 2FA step-up)
export const PUT = route(
  { access: "admin", action: "members.upsert", apiKeyScope: "members:write", readBody: readBulkBody, readBodySchema: memberRows },
  ({ session, apiKey, body }) => upsertRows({ kind: "members", actor: callerActorOf(session, apiKey), body }),
);
