import { readBulkBody } from "@/lib/bulk/read-bulk-body";
import { stakeRows } from "@/lib/bulk/row-schemas";
import { upsertRows } from "@/lib/bulk/upsert-rows";
import { callerActorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// PUT /api/admin/stakes – upsert up to 50,000 stakes by externalId, all or none
// (an API key with stakes:write, or a signed-in ADMIN with the 2FA step-up)
export const PUT = route(
  { access: "admin", action: "stakes.upsert", apiKeyScope: "stakes:write", readBody: readBulkBody, readBodySchema: stakeRows },
  ({ session, apiKey, body }) => upsertRows({ kind: "stakes", actor: callerActorOf(session, apiKey), body }),
);
