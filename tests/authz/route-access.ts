// The authorization matrix's table (tests/authz/authorization-matrix.test.ts): for every
// "METHOD /api/… pattern" of the route files, a request the route accepts once past its gates,
// and what each caller gets. A route file without a row here fails the matrix: add one.

import type { ApiKeyScope } from "@/lib/api-keys/scopes";

export const actors = ["anonymous", "viewer", "adminWithoutStepUp", "wrongCode", "replayedCode", "lockedOut"] as const;
export type Actor = (typeof actors)[number];
/** Machines (decision 021): a revoked key, a live key without the route's scope (every other scope), one with it. */
export const keyActors = ["revokedKey", "keyWithoutScope", "keyWithScope"] as const;
export type KeyActor = (typeof keyActors)[number];
export type Expected = { status: number; code?: string };

export type AccessRow = {
  /** Path parameters (the URL is built from the pattern), query, and a JSON body or a form. */
  request: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: Record<string, unknown>;
    /** A JSON array body (the bulk routes): the 2FA code then goes in X-Two-Factor-Code. */
    rows?: unknown[];
    form?: Record<string, string>;
  };
  expect: Record<Actor, Expected>;
  /** The scope that lets an API key call the route, and what such a key gets (past every gate). */
  apiKey?: { scope: ApiKeyScope; expect: Expected };
  /** A route that needs the 2FA step-up: an admin with a fresh valid code must pass every gate. */
  stepUp?: boolean;
};

const everyone = (expected: Expected): Record<Actor, Expected> =>
  Object.fromEntries(actors.map((actor) => [actor, expected])) as Record<Actor, Expected>;
const signedIn = (expected: Expected) => ({ ...everyone(expected), anonymous: { status: 401, code: "UNAUTHENTICATED" } });

const read = signedIn({ status: 200 });
const adminMutation: Record<Actor, Expected> = {
  anonymous: { status: 401, code: "UNAUTHENTICATED" },
  viewer: { status: 403, code: "FORBIDDEN" },
  adminWithoutStepUp: { status: 403, code: "TWO_FACTOR_INVALID" },
  wrongCode: { status: 403, code: "TWO_FACTOR_INVALID" },
  replayedCode: { status: 403, code: "TWO_FACTOR_INVALID" },
  lockedOut: { status: 429, code: "TWO_FACTOR_LOCKED" },
};
const adminRead: Record<Actor, Expected> = { ...read, viewer: { status: 403, code: "FORBIDDEN" } };
const slot = { slotNumber: 1, rosPercentage: 1 };
const notFound = { request: { params: { path: "no/such/route" } }, expect: everyone({ status: 404, code: "NOT_FOUND" }) };

export const accessTable: Record<string, AccessRow> = {
  "POST /api/account/two-factor": {
    // Enrolling needs no step-up (there is nothing to step up with yet); this token is not valid.
    request: { body: { enrollmentToken: "v1.x.y.z", code: "123456" } },
    expect: signedIn({ status: 400, code: "VALIDATION" }),
  },
  "GET /api/account/step-up": { request: {}, expect: read },
  "GET /api/admin/api-keys": { request: {}, expect: adminRead },
  "POST /api/admin/api-keys": { request: { body: { name: "matrix", scopes: ["payouts:read"] } }, expect: adminMutation, stepUp: true },
  // No key has this id: past the gates the answer is a 404.
  "POST /api/admin/api-keys/[id]/revoke": { request: { params: { id: "999999" }, body: {} }, expect: adminMutation, stepUp: true },
  "PUT /api/admin/members": {
    request: { rows: [{ externalId: "matrix-member", email: "matrix-member@platform.test", name: "Matrix", performanceScore: "1" }] },
    expect: adminMutation,
    stepUp: true,
    apiKey: { scope: "members:write", expect: { status: 200 } },
  },
  "PUT /api/admin/stakes": {
    request: { rows: [] },
    expect: adminMutation,
    stepUp: true,
    apiKey: { scope: "stakes:write", expect: { status: 200 } },
  },
  "GET /api/admin/audit-log": { request: { query: { pageSize: "5" } }, expect: read },
  "GET /api/admin/daily-declaration-returns/cron-settings": { request: {}, expect: read },
  "PUT /api/admin/daily-declaration-returns/cron-settings": { request: { body: { maxAttempts: 3 } }, expect: adminMutation, stepUp: true },
  // A date with no day reads like today without one; its payouts are then a 404 past the gates.
  "GET /api/admin/daily-declaration-returns/days/[date]": { request: { params: { date: "2026-01-15" } }, expect: read },
  "GET /api/admin/daily-declaration-returns/days/[date]/payouts.csv": {
    request: { params: { date: "2026-01-15" } },
    expect: signedIn({ status: 404, code: "NOT_FOUND" }),
    apiKey: { scope: "payouts:read", expect: { status: 404, code: "NOT_FOUND" } },
  },
  // A member nobody has: a 404 past the gates.
  "GET /api/admin/members/[externalId]/statement": {
    request: { params: { externalId: "no-such-member" }, query: { from: "2026-01-01", to: "2026-01-31" } },
    expect: signedIn({ status: 404, code: "NOT_FOUND" }),
    apiKey: { scope: "payouts:read", expect: { status: 404, code: "NOT_FOUND" } },
  },
  "GET /api/admin/webhook-deliveries": { request: { query: { limit: "5" } }, expect: read },
  "GET /api/admin/daily-declaration-returns/history": { request: { query: { from: "2026-01-01", to: "2026-01-31" } }, expect: read },
  "POST /api/admin/daily-declaration-returns/modify": {
    request: { body: { distributionSlots: [slot] } },
    expect: adminMutation,
    stepUp: true,
  },
  "GET /api/admin/daily-declaration-returns/preview": { request: { query: { rosPercentage: "1" } }, expect: read },
  "POST /api/admin/daily-declaration-returns/queue": {
    request: { body: { premiumPoolAmount: 10, performancePoolAmount: 5, distributionSlots: [{ ...slot, time: "23:59:59" }] } },
    expect: adminMutation,
    stepUp: true,
  },
  "POST /api/admin/daily-declaration-returns/slots/[slotNumber]/retry": {
    request: { params: { slotNumber: "1" }, body: {} },
    expect: adminMutation,
    stepUp: true,
  },
  "POST /api/admin/daily-declaration-returns/test-execute-cron": { request: { body: {} }, expect: adminMutation, stepUp: true },
  "POST /api/admin/daily-declaration-returns/today/add-slots": {
    request: { body: { additionalSlots: [{ slotNumber: 2, rosPercentage: 1, time: "23:59:59" }] } },
    expect: adminMutation,
    stepUp: true,
  },
  "GET /api/admin/daily-declaration-returns/today/status": { request: {}, expect: read },
  "GET /api/auth/[...nextauth]": { request: { params: { nextauth: "session" } }, expect: everyone({ status: 200 }) },
  // Public and guarded by next-auth's CSRF token: without one, next-auth only points back to sign-in.
  "POST /api/auth/[...nextauth]": {
    request: { params: { nextauth: "callback/credentials" }, form: { email: "x@slotpay.test", password: "x", json: "true" } },
    expect: everyone({ status: 200 }),
  },
  "GET /api/health": { request: {}, expect: everyone({ status: 200 }) },
  // The suites run the embedded scheduler: without Inngest configured its endpoint does not exist.
  "GET /api/inngest": { request: {}, expect: everyone({ status: 404, code: "NOT_FOUND" }) },
  "POST /api/inngest": { request: { body: {} }, expect: everyone({ status: 404, code: "NOT_FOUND" }) },
  "PUT /api/inngest": { request: { body: {} }, expect: everyone({ status: 404, code: "NOT_FOUND" }) },
  // With a database and no METRICS_TOKEN the endpoint does not exist.
  "GET /api/metrics": { request: {}, expect: everyone({ status: 404, code: "NOT_FOUND" }) },
  // Public (decision 021): it describes the API and holds no data.
  "GET /api/openapi.json": { request: {}, expect: everyone({ status: 200 }) },
  "GET /api/[...path]": notFound,
  "POST /api/[...path]": notFound,
  "PUT /api/[...path]": notFound,
  "PATCH /api/[...path]": notFound,
  "DELETE /api/[...path]": notFound,
};

/**
 * What a key gets: on a public route the same as anyone; elsewhere a revoked key 401, a key
 * without the route's scope 403, and one with it the row's answer (403 where no scope admits keys).
 */
export function keyExpectation(row: AccessRow, actor: KeyActor): Expected {
  if (row.expect.anonymous.status !== 401) return row.expect.anonymous;
  if (actor === "revokedKey") return { status: 401, code: "UNAUTHENTICATED" };
  if (actor === "keyWithScope" && row.apiKey) return row.apiKey.expect;
  return { status: 403, code: "FORBIDDEN" };
}
