import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";

const factoryActor = { id: null, email: "tests" };

/** A key made as an admin would make it (optionally revoked at once); returns the key itself. */
export async function createTestApiKey(options: { scopes: ApiKeyScope[]; revoked?: boolean; name?: string }) {
  const name = options.name ?? `test-${options.scopes.join("+") || "none"}-${Math.random().toString(36).slice(2, 8)}`;
  const created = await createApiKey({ actor: factoryActor, name, scopes: options.scopes });
  if (options.revoked) await revokeApiKey({ actor: factoryActor, id: created.apiKey.id });
  return { key: created.key, id: created.apiKey.id, name };
}
