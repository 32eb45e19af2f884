import { z } from "zod";
import { apiRouteDocs, type ApiRouteDoc } from "./api-route-list";
import { errorCodes } from "@/lib/errors/app-error";

// The OpenAPI 3.1 document of the API, built from the route list and the zod schemas the routes
// parse with (zod 4's JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses as is).

type JsonSchema = Record<string, unknown>;

/** A request schema as clients must send it (the input side of transforms and defaults). */
export const requestJsonSchema = (schema: z.ZodType): JsonSchema => {
  const jsonSchema: JsonSchema = { ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) };
  delete jsonSchema.$schema; // the document's jsonSchemaDialect says it once
  return jsonSchema;
};

const errorSchema: JsonSchema = {
  type: "object",
  required: ["success", "code", "message"],
  properties: {
    success: { const: false },
    code: {
      enum: [...errorCodes],
    },
    message: { type: "string" },
    details: {
      description:
        "Schema refusals: [{path, message, code}]. Bulk upserts: [{row, field, message}] (row: index in the body, or line in a file).",
    },
  },
};

const errorResponses = {
  "400": {
    description: "Invalid input (nothing was changed)",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "401": {
    description: "No session, or an unknown or revoked API key",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
  "403": {
    description: "Not allowed (role, key scope, 2FA)",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  },
};

/** "/api/…/[date]" → "/api/…/{date}"; "[...path]" → "{path}". */
export const openApiPath = (pattern: string) => pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, "{$1}");

function parameters(doc: ApiRouteDoc, pattern: string) {
  const names = [...pattern.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((match) => match[1]);
  const pathSchema = doc.params ? (requestJsonSchema(doc.params).properties as Record<string, JsonSchema>) : {};
  const query = doc.query ? requestJsonSchema(doc.query) : null;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  return [
    ...names.map((name) => ({ name, in: "path", required: true, schema: pathSchema[name] ?? { type: "string" } })),
    ...Object.entries((query?.properties as Record<string, JsonSchema> | undefined) ?? {}).map(([name, schema]) => ({
      name,
      in: "query",
      required: required.has(name),
      schema,
    })),
  ];
}

function security(doc: ApiRouteDoc) {
  if (doc.access === "public") return [];
  return [{ session: [] }, ...(doc.apiKeyScope ? [{ apiKey: [doc.apiKeyScope] }] : [])];
}

function operation(key: string, doc: ApiRouteDoc) {
  const [method, pattern] = key.split(" ");
  const body = doc.body ? requestJsonSchema(doc.body) : null;
  const stepUp = doc.stepUp
    ? " Signed-in callers need the 2FA step-up: `twoFactorCode` in the body (bulk routes: the `X-Two-Factor-Code` header)."
    : "";
  return [
    method.toLowerCase(),
    {
      operationId: `${method.toLowerCase()}${openApiPath(pattern).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
      summary: doc.summary,
      tags: [doc.tag],
      description: `Access: ${doc.access}${doc.apiKeyScope ? `, or an API key with ${doc.apiKeyScope}` : ""}.${stepUp}`,
      parameters: parameters(doc, pattern),
      security: security(doc),
      ...(body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: body },
                ...(doc.ndjson
                  ? { "application/x-ndjson": { schema: { type: "string", description: "One row (JSON object) a line" } } }
                  : {}),
              },
            },
          }
        : {}),
      responses: {
        "200": {
          description: "OK",
          content: { [doc.produces ?? "application/json"]: { schema: doc.produces ? { type: "string" } : { type: "object" } } },
        },
        ...(doc.access === "public" ? {} : errorResponses),
      },
    },
  ] as const;
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, doc] of Object.entries(apiRouteDocs)) {
    const [name, op] = operation(key, doc);
    const path = openApiPath(key.split(" ")[1]);
    paths[path] = { ...paths[path], [name]: op };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Slotpay API",
      version: "1",
      description:
        "Daily declaration returns paid per time slot, and the integration routes a staking platform feeds members and stakes through. Every /api/admin/… path is also served under /api/v1/admin/…. See docs/INTEGRATION.md.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "A signed-in console session (sign in at /sign-in)",
        },
        apiKey: { type: "http", scheme: "bearer", description: "Authorization: Bearer slotpay_…, an API key with the operation's scope" },
      },
    },
  };
}
