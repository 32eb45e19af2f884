import { z } from "zod";

// What a machine's key may do (decision 021). Nothing here queues, modifies, adds, retries or
// changes settings: moving money stays with signed-in admins and their 2FA.
export const apiKeyScopes = ["members:write", "stakes:write", "payouts:read"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const apiKeyScope = z.enum(apiKeyScopes, { error: `scope must be one of ${apiKeyScopes.join(", ")}` });

/** The key as the routes know it once authenticated: who it is for the audit log and what it may do. */
export type ApiKeyPrincipal = { id: number; name: string; scopes: ApiKeyScope[] };

/** The audit log's actor for a key: no console user, the key's name where the email would be. */
export const apiKeyActor = (key: { name: string }) => ({ id: null, email: `api-key:${key.name}` });
