import { z } from "zod";
import { apiKeyScope } from "./scopes";

export const createApiKeyBody = z.strictObject({
  name: z
    .string({ error: "name must be text" })
    .trim()
    .min(1, "name is required")
    .max(100, "name must be at most 100 characters")
    .regex(/^[\w .:@-]+$/, "name may hold letters, digits, spaces and . : @ _ -"),
  scopes: z
    .array(apiKeyScope, { error: "scopes must be a list" })
    .min(1, "scopes needs at least one scope")
    .max(3)
    .refine((scopes) => new Set(scopes).size === scopes.length, "scopes must not repeat"),
});
export type CreateApiKeyBody = z.output<typeof createApiKeyBody>;

export const apiKeyIdParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, "id must be a key's number")
    .transform(Number),
});

export const revokeApiKeyBody = z.strictObject({});
