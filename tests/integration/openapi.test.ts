import { beforeAll, describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { queueBody } from "@/lib/distribution/schemas";
import { memberRows } from "@/lib/bulk/row-schemas";
import { apiRouteDocs } from "@/lib/openapi/api-route-list";
import { openApiPath, requestJsonSchema } from "@/lib/openapi/build-openapi-document";
import type { HandlerWithContract } from "@/lib/openapi/route-contract";
import { apiRoutes, routeKeys, type ApiRoute } from "../support/api-routes";

// The OpenAPI document against the route files on disk: every route is in it, with the schema
// objects the route itself parses with, and who may call it.

let routes: ApiRoute[];
beforeAll(async () => {
  routes = await apiRoutes();
});

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; security: unknown[] }>>;
};

describe("the OpenAPI document", () => {
  it("lists every route handler under app/api, and nothing else", () => {
    const keys = routeKeys(routes);
    expect(
      keys.filter((key) => !apiRouteDocs[key]),
      "add these to lib/openapi/api-route-list.ts",
    ).toEqual([]);
    expect(Object.keys(apiRouteDocs).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it("documents each route with the schemas and access the route parses and checks with", () => {
    const drifted: string[] = [];
    for (const route of routes) {
      for (const [method, handler] of Object.entries(route.handlers)) {
        const key = `${method} ${route.pattern}`;
        const doc = apiRouteDocs[key];
        const contract = (handler as HandlerWithContract).contract;
        if (!doc) continue;
        if (doc.external) {
          if (contract) drifted.push(`${key}: marked external, but made by route()`);
          continue;
        }
        if (!contract) {
          drifted.push(`${key}: the handler carries no contract (is it made by lib/http/route.ts?)`);
          continue;
        }
        for (const part of ["body", "query", "params"] as const) {
          if (doc[part] !== contract[part]) drifted.push(`${key}: the ${part} schema is not the one the route parses with`);
        }
        if (doc.access !== contract.access) drifted.push(`${key}: access ${doc.access}, the route ${contract.access}`);
        if (doc.apiKeyScope !== contract.apiKeyScope)
          drifted.push(`${key}: API key scope ${doc.apiKeyScope}, the route ${contract.apiKeyScope}`);
        if (Boolean(doc.stepUp) !== contract.stepUp) drifted.push(`${key}: step-up ${Boolean(doc.stepUp)}, the route ${contract.stepUp}`);
      }
    }
    expect(drifted).toEqual([]);
  });

  it("is served at /api/openapi.json as OpenAPI 3.1 with the routes' JSON Schemas", async () => {
    const response = await openApiRoute(new Request("http://localhost:3000/api/openapi.json"));
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [...new Set(Object.keys(apiRouteDocs).map((key) => openApiPath(key.split(" ")[1])))].sort(),
    );
    const queue = doc.paths["/api/admin/daily-declaration-returns/queue"].post;
    expect(queue.requestBody?.content["application/json"].schema).toEqual(requestJsonSchema(queueBody));
    const members = doc.paths["/api/admin/members"].put;
    expect(members.requestBody?.content["application/json"].schema).toEqual(requestJsonSchema(memberRows));
    expect(members.security).toEqual([{ session: [] }, { apiKey: ["members:write"] }]);
    expect(JSON.stringify(members.requestBody)).toContain("performanceScore");
  });
});
