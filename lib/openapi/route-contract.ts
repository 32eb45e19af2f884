import type { z } from "zod";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";

/** What a handler made by lib/http/route.ts parses and who may call it: the OpenAPI test reads it off the handler. */
export type RouteContract = {
  access: "public" | "signed-in" | "admin";
  apiKeyScope?: ApiKeyScope;
  stepUp: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
};

export type HandlerWithContract = { contract?: RouteContract };
