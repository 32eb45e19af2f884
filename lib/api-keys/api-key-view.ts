import type { ApiKey } from "@/lib/db/generated/client";

/** A key as lists and answers show it: never its hash. */
export const apiKeyView = (row: ApiKey) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  createdByEmail: row.createdByEmail,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});
export type ApiKeyView = ReturnType<typeof apiKeyView>;
