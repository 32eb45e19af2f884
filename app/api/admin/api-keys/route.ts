import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeyBody } from "@/lib/api-keys/schemas";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/admin/api-keys – every key (never the key itself nor its hash)
export const GET = route({ access: "admin" }, () => listApiKeys());

// POST /api/admin/api-keys – create a key; the answer shows it once (2FA step-up)
export const POST = route({ access: "admin", action: "api-key.create", body: createApiKeyBody }, ({ session, body }) =>
  createApiKey({ actor: actorOf(session), name: body.name, scopes: body.scopes }),
);
