import { createApiKeyBody, apiKeyIdParams, revokeApiKeyBody } from "@/lib/api-keys/schemas";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";
import { auditLogQuery } from "@/lib/audit/audit-log-query";
import { enrollBody } from "@/lib/auth/enroll-body";
import { memberRows, stakeRows } from "@/lib/bulk/row-schemas";
import { statementParams, statementQuery } from "@/lib/members/statement-schemas";
import { deliveriesQuery } from "@/lib/webhooks/list-deliveries";
import {
  addSlotsBody,
  dateParam,
  historyQuery,
  modifyBody,
  previewQuery,
  queueBody,
  retryBody,
  slotNumberParam,
  tickBody,
} from "@/lib/distribution/schemas";
import { settingsBody } from "@/lib/distribution/settings-schema";
import { payoutExportParams, payoutExportQuery } from "@/lib/payouts/export-schemas";
import type { RouteContract } from "./route-contract";

// Every route under app/api, keyed "METHOD /api/… pattern" as the route files lie on disk, with
// the very schemas the route parses with (tests/integration/openapi.test.ts fails on a route
// missing here or a schema that is not the route's). A change that adds a route adds its line.

export type ApiRouteDoc = Omit<RouteContract, "stepUp"> & {
  summary: string;
  tag: string;
  /** Not handled by lib/http/route.ts (next-auth): documented, not compared. */
  external?: true;
  /** The body may also be NDJSON, one row a line. */
  ndjson?: true;
  /** What a success answers with, when not JSON. */
  produces?: "text/csv" | "text/plain";
  stepUp?: boolean;
};

const distribution = "/api/admin/daily-declaration-returns";
const signedIn = { access: "signed-in" as const };
const adminChange = { access: "admin" as const, stepUp: true };
const keyed = (scope: ApiKeyScope) => ({ access: "admin" as const, stepUp: true, apiKeyScope: scope });

export const apiRouteDocs: Record<string, ApiRouteDoc> = {
  "POST /api/account/two-factor": { tag: "account", summary: "Finish 2FA enrollment", ...signedIn, body: enrollBody, stepUp: false },
  "GET /api/account/step-up": { tag: "account", summary: "Whether this session's 2FA step-up window is open", ...signedIn },
  "GET /api/admin/api-keys": { tag: "api-keys", summary: "List API keys (never the key or its hash)", access: "admin" },
  "POST /api/admin/api-keys": {
    tag: "api-keys",
    summary: "Create an API key; the answer shows it once",
    ...adminChange,
    body: createApiKeyBody,
  },
  "POST /api/admin/api-keys/[id]/revoke": {
    tag: "api-keys",
    summary: "Revoke an API key for good",
    ...adminChange,
    body: revokeApiKeyBody,
    params: apiKeyIdParams,
  },
  "GET /api/admin/audit-log": { tag: "audit", summary: "Who changed what, when", ...signedIn, query: auditLogQuery },
  "PUT /api/admin/members": {
    tag: "integration",
    summary: "Upsert members by externalId, all or none",
    ...keyed("members:write"),
    body: memberRows,
    ndjson: true,
  },
  "GET /api/admin/members/[externalId]/statement": {
    tag: "integration",
    summary: "A member's payouts slot by slot, with the balance after each",
    ...signedIn,
    apiKeyScope: "payouts:read",
    params: statementParams,
    query: statementQuery,
  },
  "GET /api/admin/webhook-deliveries": {
    tag: "integration",
    summary: "Slot messages and their delivery",
    ...signedIn,
    query: deliveriesQuery,
  },
  "PUT /api/admin/stakes": {
    tag: "integration",
    summary: "Upsert stakes by externalId, all or none",
    ...keyed("stakes:write"),
    body: stakeRows,
    ndjson: true,
  },
  [`GET ${distribution}/cron-settings`]: { tag: "distribution", summary: "Schedule and pool rules", ...signedIn },
  [`PUT ${distribution}/cron-settings`]: { tag: "distribution", summary: "Change the settings", ...adminChange, body: settingsBody },
  [`GET ${distribution}/days/[date]`]: { tag: "distribution", summary: "A day's status by date", ...signedIn, params: dateParam },
  [`GET ${distribution}/days/[date]/payouts.csv`]: {
    tag: "distribution",
    summary: "The day's ledger entries as CSV (or NDJSON), streamed",
    ...signedIn,
    apiKeyScope: "payouts:read",
    params: payoutExportParams,
    query: payoutExportQuery,
    produces: "text/csv",
  },
  [`GET ${distribution}/history`]: {
    tag: "distribution",
    summary: "Past days with their slots and totals",
    ...signedIn,
    query: historyQuery,
  },
  [`POST ${distribution}/modify`]: { tag: "distribution", summary: "Replace the PENDING part of a day", ...adminChange, body: modifyBody },
  [`GET ${distribution}/preview`]: {
    tag: "distribution",
    summary: "Projected ROS total and pool qualification",
    ...signedIn,
    query: previewQuery,
  },
  [`POST ${distribution}/queue`]: { tag: "distribution", summary: "Queue today's day, or merge into it", ...adminChange, body: queueBody },
  [`POST ${distribution}/slots/[slotNumber]/retry`]: {
    tag: "distribution",
    summary: "A FAILED slot back to PENDING",
    ...adminChange,
    body: retryBody,
    params: slotNumberParam,
  },
  [`POST ${distribution}/test-execute-cron`]: {
    tag: "distribution",
    summary: "One scheduler tick (only with ENABLE_TEST_ENDPOINTS=true)",
    ...adminChange,
    body: tickBody,
  },
  [`POST ${distribution}/today/add-slots`]: { tag: "distribution", summary: "Add new slots to today", ...adminChange, body: addSlotsBody },
  [`GET ${distribution}/today/status`]: { tag: "distribution", summary: "Today's day and its slots", ...signedIn },
  "GET /api/auth/[...nextauth]": { tag: "auth", summary: "next-auth: session, CSRF token, providers", access: "public", external: true },
  "POST /api/auth/[...nextauth]": {
    tag: "auth",
    summary: "next-auth: sign in (email, password, code), sign out",
    access: "public",
    external: true,
  },
  "GET /api/health": { tag: "operations", summary: "200 when the database answers", access: "public" },
  "GET /api/inngest": { tag: "operations", summary: "Inngest's serve endpoint (404 without Inngest)", access: "public" },
  "POST /api/inngest": { tag: "operations", summary: "Inngest's serve endpoint", access: "public" },
  "PUT /api/inngest": { tag: "operations", summary: "Inngest's sync (signed)", access: "public" },
  "GET /api/metrics": { tag: "operations", summary: "Prometheus metrics (Bearer METRICS_TOKEN)", access: "public", produces: "text/plain" },
  "GET /api/openapi.json": { tag: "operations", summary: "This document", access: "public" },
  "GET /api/[...path]": { tag: "operations", summary: "Any other path: 404 JSON", access: "public" },
  "POST /api/[...path]": { tag: "operations", summary: "Any other path: 404 JSON", access: "public" },
  "PUT /api/[...path]": { tag: "operations", summary: "Any other path: 404 JSON", access: "public" },
  "PATCH /api/[...path]": { tag: "operations", summary: "Any other path: 404 JSON", access: "public" },
  "DELETE /api/[...path]": { tag: "operations", summary: "Any other path: 404 JSON", access: "public" },
};
