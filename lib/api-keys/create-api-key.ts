import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { apiKeyView } from "./api-key-view";
import { newApiKeySecret } from "./key-secret";
import type { ApiKeyScope } from "./scopes";

/** Creates a key and audits it; the answer is the only place the key itself ever appears. */
export async function createApiKey(options: { actor: AuditActor; name: string; scopes: ApiKeyScope[] }) {
  const { key, prefix, keyHash } = newApiKeySecret();
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name: options.name,
        prefix,
        keyHash,
        scopes: options.scopes,
        createdById: options.actor.id ?? null,
        createdByEmail: options.actor.email ?? null,
      },
    });
    await recordAudit(
      {
        actor: options.actor,
        action: "api-key.create",
        outcome: "OK",
        after: { id: created.id, name: created.name, prefix, scopes: options.scopes },
      },
      tx,
    );
    return created;
  });
  return {
    success: true as const,
    message: `API key ${row.name} created: copy it now, it is not shown again`,
    key,
    apiKey: apiKeyView(row),
  };
}
