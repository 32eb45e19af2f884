import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hashApiKey, looksLikeApiKey } from "./key-secret";
import { apiKeyScopes, type ApiKeyPrincipal, type ApiKeyScope } from "./scopes";

// last_used_at is written at most once a minute per key, so a busy integration costs one
// write a minute, not one per request.
const lastUsedResolutionMs = 60_000;

/**
 * The bearer token of the request, or null when it sends none. Other schemes (a proxy's Basic
 * credentials in front of the console) are not ours to judge and leave the session to decide.
 */
export function bearerToken(request: Request): string | null {
  const match = /^Bearer(?:\s+(.*))?$/i.exec(request.headers.get("authorization")?.trim() ?? "");
  if (!match) return null;
  return match[1]?.trim() || "";
}

/** The live key behind `token`: 401 when unknown or revoked. Marks it used. */
export async function authenticateApiKey(options: { token: string; now?: Date }): Promise<ApiKeyPrincipal> {
  const now = options.now ?? new Date();
  const refused = new AppError("UNAUTHENTICATED", "The API key is not valid");
  if (!looksLikeApiKey(options.token)) throw refused;
  const row = await db().apiKey.findUnique({ where: { keyHash: hashApiKey(options.token) } });
  if (!row || row.revokedAt) throw refused;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= lastUsedResolutionMs) {
    await db().apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - lastUsedResolutionMs) } }] },
      data: { lastUsedAt: now },
    });
  }
  const scopes = row.scopes.filter((scope): scope is ApiKeyScope => (apiKeyScopes as readonly string[]).includes(scope));
  return { id: row.id, name: row.name, scopes };
}
