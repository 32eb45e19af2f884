import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { accountHashOf } from "@/lib/auth/sign-in-keys";
import { signInFailedMessage } from "@/lib/auth/verify-credentials";
import { db } from "@/lib/db/client";
import { codeFor, createConsoleUser } from "../../factories/users";
import { appServerForThisFile } from "../../helpers/file-app-server";
import { cookieHeader, signInOverHttp } from "../../helpers/http-sign-in";

// Issue 7 items 4–9 against a real `next start`: headers, body limits before any work, forged
// forwarded headers, sign-in throttling and the known device, over HTTP as a browser sees them.

// Every request comes from 127.0.0.1: the client limits stay out of the way, the account's are low.
const app = appServerForThisFile({
  SLOTPAY_SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
  SLOTPAY_SIGN_IN_FREE_FAILURES_PER_CLIENT: "1000",
  SLOTPAY_SIGN_IN_FREE_FAILURES_PER_ACCOUNT: "2",
});
const base = () => app().baseUrl;

/** Fails the account's sign-in past its free failures, then blocks it for `seconds` (rather than wait for doublings). */
async function throttleAccount(email: string, seconds: number) {
  for (let n = 0; n < 3; n++) await signInOverHttp(base(), { email, password: "wrong" });
  const blocked = await db().signInThrottle.updateMany({
    where: { key: `account:${accountHashOf(email)}`, failures: 3 },
    data: { blockedUntil: new Date(Date.now() + seconds * 1000) },
  });
  expect(blocked.count).toBe(1);
}

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);

describe("security headers", () => {
  it("are on pages, API answers, unknown paths, static files and the proxy's own refusals", async () => {
    const page = await fetch(`${base()}/sign-in`);
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(chunk).toBeDefined();
    const responses = {
      page,
      api: await fetch(`${base()}/api/health`),
      unknownApi: await fetch(`${base()}/api/admin/no-such-route`),
      unknownPage: await fetch(`${base()}/no-such-page`),
      staticFile: await fetch(`${base()}${chunk}`),
      refusedByProxy: await fetch(`${base()}/api/admin/daily-declaration-returns/queue`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) },
        body: "x",
      }).catch(() => null),
    };
    for (const [name, response] of Object.entries(responses)) {
      if (!response) continue; // undici may refuse a body shorter than its declared length
      expect({ name, ...headersOf(response) }).toMatchObject({
        name,
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "referrer-policy": "same-origin",
        "permissions-policy": expect.stringContaining("camera=()"),
        "strict-transport-security": null, // served over http
      });
      if (name !== "staticFile")
        expect({ name, csp: response.headers.get("content-security-policy") }).toMatchObject({
          name,
          csp: expect.stringContaining("frame-ancestors 'none'"),
        });
    }
  });

  it("give every page its own nonce, which Next stamps on its scripts", async () => {
    const nonces = [];
    for (let n = 0; n < 2; n++) {
      const response = await fetch(`${base()}/sign-in`);
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

describe("limits before any work", () => {
  const fiftyMegabytes = "a".repeat(50 * 1024 * 1024);

  it("refuse a 50 MB sign-in at once, declared or streamed, storing nothing of it", async () => {
    const auditRows = await db().auditLog.count();
    const before = rssKb(app().pid);
    for (const streamed of [false, true]) {
      const body = `email=${fiftyMegabytes}&password=x`;
      const started = performance.now();
      const response = await fetch(`${base()}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: streamed ? new Blob([body]).stream() : body,
        ...(streamed ? { duplex: "half" } : {}),
      } as RequestInit);
      expect({ streamed, status: response.status, body: await response.json() }).toMatchObject({
        streamed,
        status: 400,
        body: { success: false, code: "VALIDATION", message: "Request body is too large" },
      });
      expect(performance.now() - started).toBeLessThan(15_000);
    }
    // Both requests together, allocation that the garbage collector has not given back included:
    // reading the 50 MB field whole (as before) cost 440 MB for one.
    expect(rssKb(app().pid) - before).toBeLessThan(200 * 1024);
    expect(await db().auditLog.count()).toBe(auditRows);
    const [{ longest }] = await db().$queryRaw<{ longest: number | null }[]>`SELECT max(length(actor_email)) AS longest FROM audit_log`;
    expect(longest ?? 0).toBeLessThanOrEqual(254);
  });

  it("refuse an email over 254 characters before looking it up", async () => {
    const { response, body, error } = await signInOverHttp(base(), { email: `${"x".repeat(300)}@slotpay.test`, password: "x" });
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ success: false, code: "VALIDATION" });
    expect(error).toBe(body.message);
  });

  it("refuse a 50 MB body to an API route before the session is even looked at", async () => {
    const response = await fetch(`${base()}/api/admin/daily-declaration-returns/queue`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ description: fiftyMegabytes }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "VALIDATION", message: "Request body is too large" });
  });
});

describe("sign-in over HTTP", () => {
  it("ignores a forged X-Forwarded-For: both attempts count against the one real address", async () => {
    const before = await db().signInThrottle.findMany({ where: { key: { startsWith: "client:" } } });
    for (const forged of ["203.0.113.7", "198.51.100.9"]) {
      await signInOverHttp(base(), { email: `nobody-${forged}@slotpay.test`, password: "x" }, { headers: { "x-forwarded-for": forged } });
    }
    const after = await db().signInThrottle.findMany({ where: { key: { startsWith: "client:" } } });
    expect(after.map((row) => row.key).filter((key) => /203\.0\.113|198\.51\.100/.test(key))).toEqual([]);
    const grew = after.filter((row) => row.failures > (before.find((b) => b.key === row.key)?.failures ?? 0));
    expect(grew).toHaveLength(1);
    expect(grew[0].failures - (before.find((b) => b.key === grew[0].key)?.failures ?? 0)).toBe(2);
  });

  it("answers a right password without a code exactly like a wrong password", async () => {
    const admin = await createConsoleUser();
    const wrong = await signInOverHttp(base(), { email: admin.email, password: "wrong" });
    const noCode = await signInOverHttp(base(), { email: admin.email, password: admin.password });
    for (const attempt of [wrong, noCode]) {
      expect({ status: attempt.response.status, error: attempt.error }).toEqual({ status: 401, error: signInFailedMessage });
    }
  });

  it("throttles an account with 429, Retry-After and the wait in the page's error", async () => {
    const admin = await createConsoleUser();
    await throttleAccount(admin.email, 90);
    const throttled = await signInOverHttp(base(), { email: admin.email, password: admin.password, code: await codeFor(admin) });
    expect(throttled.response.status).toBe(429);
    expect(Number(throttled.response.headers.get("retry-after"))).toBeGreaterThan(80);
    expect(throttled.body).toMatchObject({ success: false, code: "RATE_LIMITED" });
    expect(throttled.error).toMatch(/^Too many sign-in attempts\. Try again in (8\d|90) seconds\.$/);
  });

  it("keeps the owner's browser in while failures from elsewhere throttle the account", async () => {
    const admin = await createConsoleUser();
    const owner = await signInOverHttp(base(), { email: admin.email, password: admin.password, code: await codeFor(admin) });
    expect(owner.response.status).toBe(200);
    const device = owner.response.headers.getSetCookie().find((cookie) => cookie.startsWith("slotpay-known-device="));
    expect(device).toMatch(/Path=\/api\/auth\/callback; Max-Age=\d+; HttpOnly; SameSite=Lax/);

    await throttleAccount(admin.email, 600);
    expect(
      (await signInOverHttp(base(), { email: admin.email, password: admin.password, code: await codeFor(admin, 1) })).response.status,
    ).toBe(429);

    const deviceOnly = new Map([...owner.jar].filter(([name]) => name === "slotpay-known-device"));
    const again = await signInOverHttp(
      base(),
      { email: admin.email, password: admin.password, code: await codeFor(admin, 1) },
      { jar: deviceOnly },
    );
    expect(again.response.status).toBe(200);
    expect(cookieHeader(again.jar)).toMatch(/next-auth\.session-token=/);
  });

  it("sends the browser back to our origin whatever callbackUrl it was given", async () => {
    const admin = await createConsoleUser();
    const { response, body } = await signInOverHttp(base(), {
      email: admin.email,
      password: admin.password,
      code: await codeFor(admin),
      callbackUrl: "/\\localhost:3999/pwned",
    });
    expect(response.status).toBe(200);
    expect(new URL(body.url!).origin).toBe(base());
  });

  it("answers next-auth paths it does not serve with JSON errors, not plain-text 500s", async () => {
    const callback = await fetch(`${base()}/api/auth/callback/credentials`);
    expect(callback.status).toBe(405);
    expect(await callback.json()).toMatchObject({ success: false, code: "METHOD_NOT_ALLOWED" });
    const unknown = await fetch(`${base()}/api/auth/verify-request`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ success: false, code: "NOT_FOUND" });
  });
});

describe("/api/metrics with a database and no METRICS_TOKEN", () => {
  it("does not exist", async () => {
    const response = await fetch(`${base()}/api/metrics`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ success: false, code: "NOT_FOUND" });
  });
});

function headersOf(response: Response): Record<string, string | null> {
  const names = ["x-content-type-options", "x-frame-options", "referrer-policy", "permissions-policy", "strict-transport-security"];
  return Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
}
