import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useBadInputDay } from "../helpers/bad-input";
import { snapshotState } from "../helpers/db-state";
import { appServerForThisFile } from "../helpers/file-app-server";
import type { SignedIn } from "../helpers/session";
import { apiRoutes, routeKeys } from "../support/api-routes";
import type { FuzzRequest } from "./hostile";
import { fuzzTable, type FuzzRow } from "./route-inputs";

// Hostile input over real HTTP against `next start`, for every route file on disk (issue 7):
// never a 5xx; for invalid input always a 4xx JSON error of SPEC §5's shape; the database
// unchanged. FUZZ_RUNS inputs per route (100 in `npm test`, 1,000 in `npm run test:fuzz`).

const runs = Number(process.env.FUZZ_RUNS ?? 100);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

// Every request comes from 127.0.0.1 and many are sign-ins: the throttle must not answer for them.
const app = appServerForThisFile({
  ENABLE_TEST_ENDPOINTS: "true",
  SLOTPAY_SIGN_IN_ATTEMPTS_PER_MINUTE: "1000000",
  SLOTPAY_SIGN_IN_FREE_FAILURES_PER_CLIENT: "1000000",
  SLOTPAY_SIGN_IN_FREE_FAILURES_PER_ACCOUNT: "1000000",
});
let admin: SignedIn;
let keys: string[];

beforeAll(async () => {
  keys = routeKeys(await apiRoutes());
  // Today's day (slot 1 COMPLETED, 2 FAILED, 3 PENDING), so every mutation has something to hit;
  // the admin's step-up window stays open for the whole run, so input reaches the validation.
  admin = await useBadInputDay();
  await db().authSession.update({ where: { id: admin.sessionId }, data: { stepUpUntil: new Date(Date.now() + 24 * 3600_000) } });
}, 600_000);

let sent = 0;

async function send(method: string, pattern: string, row: FuzzRow, input: FuzzRequest): Promise<Response> {
  const segments = { ...row.path, ...input.path };
  let path = pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => segments[name] ?? name);
  // The frontend's versioned paths serve the same handlers: half the admin requests take them.
  if (path.startsWith("/api/admin/") && sent++ % 2 === 0) path = path.replace("/api/admin/", "/api/v1/admin/");
  const query = input.query && Object.keys(input.query).length > 0 ? `?${new URLSearchParams(input.query)}` : "";
  const headers: Record<string, string> = { origin: app().baseUrl, ...input.headers };
  if (row.as === "admin") headers.cookie = admin.cookie;
  const withBody = method !== "GET" && method !== "HEAD" && input.body !== undefined;
  if (withBody && input.contentType) headers["content-type"] = input.contentType;
  return fetch(`${app().baseUrl}${path}${query}`, { method, headers, body: withBody ? input.body : undefined, redirect: "manual" });
}

const errorShape = {
  success: false,
  code: expect.stringMatching(/^[A-Z][A-Z_]+$/),
  message: expect.stringMatching(/\S/),
};

async function expectAnswer(response: Response, row: FuzzRow, describeInput: string): Promise<void> {
  const text = await response.text();
  const what = `${response.status} ${text.slice(0, 200)} for ${describeInput.slice(0, 300)}`;
  expect(response.status, what).toBeLessThan(500);
  if (row.expect === "ignored") {
    expect([200, 304], what).toContain(response.status);
    return;
  }
  expect(response.status, what).toBeGreaterThanOrEqual(400);
  expect(response.headers.get("content-type"), what).toContain("application/json");
  const body = JSON.parse(text) as Record<string, unknown>;
  expect(body, what).toMatchObject(errorShape);
  expect(
    Object.keys(body).filter((key) => !["success", "code", "message", "details", "url"].includes(key)),
    what,
  ).toEqual([]);
}

describe("HTTP fuzz", () => {
  it("has a row for every route handler in app/api", () => {
    expect(
      keys.filter((key) => !fuzzTable[key]),
      "add these to tests/fuzz/route-inputs.ts",
    ).toEqual([]);
    expect(Object.keys(fuzzTable).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it.each(Object.entries(fuzzTable))(`%s: ${runs} hostile inputs, never a 5xx, the database unchanged`, async (key, row) => {
    const [method, pattern] = key.split(" ");
    const before = await snapshotState();
    await fc.assert(
      fc.asyncProperty(row.input, async (input) => {
        const response = await send(method, pattern, row, input);
        await expectAnswer(
          response,
          row,
          `${key} ${JSON.stringify(input, (_, v: unknown) => (v instanceof Blob ? `<${v.size} bytes>` : v))}`,
        );
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    expect(await snapshotState()).toEqual(before);
  });
});
