import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { apiKeyIdParams, revokeApiKeyBody } from "@/lib/api-keys/schemas";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// POST /api/admin/api-keys/{id}/revoke – revoke a key for good (2FA step-up)
export const POST = route(
  { access: "admin", action: "api-key.revoke", body: revokeApiKeyBody, params: apiKeyIdParams },
  ({ session, params }) => revokeApiKey({ actor: actorOf(session), id: params.id }),
);
