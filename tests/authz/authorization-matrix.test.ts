import { beforeAll, describe, expect, it } from "vitest";
import { openAuthSession } from "@/lib/auth/sessions";
import { sessionCookieFor } from "@/lib/auth/session-cookie";
import { verifySessionCode } from "@/lib/auth/two-factor";
import { db } from "@/lib/db/client";
import { apiKeyScopes, type ApiKeyScope } from "@/lib/api-keys/scopes";
import { createTestApiKey } from "../factories/api-keys";
import { codeFor, createConsoleUser, wrongCodeFor, type ConsoleUser } from "../factories/users";
import { appServerForThisFile } from "../helpers/file-app-server";
import { useMiddayTimeZone } from "../helpers/today";
import { apiRoutes, routeKeys, type ApiRoute } from "../support/api-routes";
import { accessTable, actors, keyActors, keyExpectation, type AccessRow, type Actor, type KeyActor } from "./route-access";

// SPEC §9: every route refuses anonymous callers, VIEWERs (for mutations), and wrong, replayed
// and locked-out 2FA. Over real HTTP, for every route file on disk × every caller; the table
// (route-access.ts) says what each gets.

const app = appServerForThisFile({ ENABLE_TEST_ENDPOINTS: "true" });
let routes: ApiRoute[];
let viewer: ConsoleUser;
let admin: ConsoleUser;
let replayer: { user: ConsoleUser; spentCode: string };
let revokedKey: string;
const keysByScopes = new Map<string, string>();

/** A live key holding exactly `scopes` (made once per set). */
async function keyWith(scopes: ApiKeyScope[]): Promise<string> {
  const name = [...scopes].sort().join("+");
  if (!keysByScopes.has(name)) keysByScopes.set(name, (await createTestApiKey({ scopes })).key);
  return keysByScopes.get(name)!;
}

function keyOf(actor: KeyActor, row: AccessRow): Promise<string> {
  if (actor === "revokedKey") return Promise.resolve(revokedKey);
  const scope = row.apiKey?.scope;
  if (actor === "keyWithScope") return keyWith(scope ? [scope] : [...apiKeyScopes]);
  return keyWith(apiKeyScopes.filter((other) => other !== scope));
}

beforeAll(async () => {
  routes = await apiRoutes();
  await useMiddayTimeZone();
  [viewer, admin] = await Promise.all([createConsoleUser({ role: "VIEWER" }), createConsoleUser()]);
  const user = await createConsoleUser();
  const spentCode = await codeFor(user);
  await verifySessionCode({ sessionId: await openAuthSession(user.id), userId: user.id, code: spentCode });
  replayer = { user, spentCode };
  revokedKey = (await createTestApiKey({ scopes: [...apiKeyScopes], revoked: true })).key;
});

/** A fresh session of the user: every cell starts with its own, so one cell's failures never lock the next. */
async function freshCookie(user: ConsoleUser, options: { lockedOut?: boolean } = {}) {
  const sid = await openAuthSession(user.id);
  if (options.lockedOut)
    await db().authSession.update({ where: { id: sid }, data: { codesLockedUntil: new Date(Date.now() + 15 * 60_000) } });
  return sessionCookieFor({ sid, sub: String(user.id), email: user.email });
}

async function caller(actor: Actor | "adminWithCode"): Promise<{ cookie?: string; code?: string }> {
  switch (actor) {
    case "anonymous":
      return {};
    case "viewer":
      return { cookie: await freshCookie(viewer), code: await codeFor(viewer) };
    case "adminWithoutStepUp":
      return { cookie: await freshCookie(admin) };
    case "wrongCode":
      return { cookie: await freshCookie(admin), code: await wrongCodeFor(admin) };
    case "replayedCode":
      return { cookie: await freshCookie(replayer.user), code: replayer.spentCode };
    case "lockedOut":
      return { cookie: await freshCookie(admin, { lockedOut: true }), code: await codeFor(admin) };
    case "adminWithCode": {
      const fresh = await createConsoleUser();
      return { cookie: await freshCookie(fresh), code: await codeFor(fresh) };
    }
  }
}

async function send(method: string, pattern: string, row: AccessRow, who: { cookie?: string; code?: string; key?: string }) {
  const { params = {}, query, body, rows, form } = row.request;
  const path = pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => params[name] ?? name);
  const url = `${app().baseUrl}${path}${query ? `?${new URLSearchParams(query)}` : ""}`;
  const headers: Record<string, string> = { origin: app().baseUrl };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.key) headers.authorization = `Bearer ${who.key}`;
  let payload: string | undefined;
  if (rows) {
    headers["content-type"] = "application/json";
    if (who.code) headers["x-two-factor-code"] = who.code;
    payload = JSON.stringify(rows);
  } else if (form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    payload = new URLSearchParams(form).toString();
  } else if (body && method !== "GET") {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(who.code ? { ...body, twoFactorCode: who.code } : body);
  }
  return fetch(url, { method, headers, body: payload, redirect: "manual" });
}

describe("the authorization matrix", () => {
  it("has a row for every route handler in app/api", () => {
    const missing = routeKeys(routes).filter((key) => !accessTable[key]);
    expect(missing, "add these to tests/authz/route-access.ts").toEqual([]);
    const stale = Object.keys(accessTable).filter((key) => !routeKeys(routes).includes(key));
    expect(stale, "these rows name no route handler any more").toEqual([]);
  });

  it("answers every caller of every route as the table says", async () => {
    const answers: string[] = [];
    const expected: string[] = [];
    for (const key of routeKeys(routes)) {
      const row = accessTable[key];
      if (!row) continue;
      const [method, pattern] = key.split(" ");
      for (const actor of actors) {
        const response = await send(method, pattern, row, await caller(actor));
        const body = (response.headers.get("content-type") ?? "").includes("json") ? ((await response.json()) as { code?: string }) : {};
        const want = row.expect[actor];
        expected.push(`${key} as ${actor}: ${want.status}${want.code ? ` ${want.code}` : ""}`);
        answers.push(`${key} as ${actor}: ${response.status}${want.code ? ` ${body.code}` : ""}`);
        if (response.status === 429)
          expect(Number(response.headers.get("retry-after")), `${key} as ${actor}: Retry-After`).toBeGreaterThan(0);
      }
      for (const actor of keyActors) {
        const response = await send(method, pattern, row, { key: await keyOf(actor, row) });
        const body = (response.headers.get("content-type") ?? "").includes("json") ? ((await response.json()) as { code?: string }) : {};
        const want = keyExpectation(row, actor);
        expected.push(`${key} as ${actor}: ${want.status}${want.code ? ` ${want.code}` : ""}`);
        answers.push(`${key} as ${actor}: ${response.status}${want.code ? ` ${body.code}` : ""}`);
      }
    }
    expect(answers).toEqual(expected);
    expect(answers.length).toBeGreaterThan(100);
  });

  it("lets an admin with a fresh valid code past every gate of every step-up route", async () => {
    const refused: string[] = [];
    for (const [key, row] of Object.entries(accessTable)) {
      if (!row.stepUp) continue;
      const [method, pattern] = key.split(" ");
      const response = await send(method, pattern, row, await caller("adminWithCode"));
      if ([401, 403, 429].includes(response.status)) refused.push(`${key}: ${response.status} ${await response.text()}`);
    }
    expect(refused).toEqual([]);
  });
});
