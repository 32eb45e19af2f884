import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { revokeAuthSession } from "@/lib/auth/sessions";
import { route } from "@/lib/http/route";
import { codeFor, createConsoleUser, signInAs, wrongCodeFor } from "../../factories/users";

// A mutation behind the real wrapper; what it does is beside the point, that it ran is not.
let runs = 0;
const mutate = route({ access: "admin", action: "test.mutate", body: z.object({ value: z.number().int() }) }, async ({ body }) => {
  runs++;
  return { success: true, value: body.value };
});

/** A POST as the app's own page sends it (Origin included) unless `origin: null` or another origin is given. */
function post(options: { cookie?: string; body?: unknown; origin?: string | null; raw?: string; headers?: Record<string, string> }) {
  const headers: Record<string, string> = { "Content-Type": "application/json", ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  const origin = options.origin === undefined ? "http://localhost:3000" : options.origin;
  if (origin) headers.origin = origin;
  return mutate(
    new Request("http://localhost:3000/api/test", {
      method: "POST",
      headers,
      body: options.raw ?? JSON.stringify(options.body ?? { value: 1 }),
    }),
  );
}

async function expectError(response: Response, status: number, code: string): Promise<{ message: string }> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body = await response.json();
  expect(body).toMatchObject({ success: false, code });
  return body;
}

describe("mutations: session, role and 2FA step-up", () => {
  it("answers anonymous callers 401 JSON and runs nothing", async () => {
    const before = runs;
    await expectError(await post({ body: { value: 1 } }), 401, "UNAUTHENTICATED");
    expect(runs).toBe(before);
  });

  it("answers a VIEWER 403 even with a valid code", async () => {
    const viewer = await createConsoleUser({ role: "VIEWER" });
    const { cookie } = await signInAs(viewer);
    await expectError(await post({ cookie, body: { value: 1, twoFactorCode: await codeFor(viewer) } }), 403, "FORBIDDEN");
  });

  it("refuses a mutation without a code, audited with its reason", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    await expectError(await post({ cookie }), 403, "TWO_FACTOR_INVALID");
    const audit = await db().auditLog.findFirstOrThrow({ where: { actorId: admin.id, action: "test.mutate" } });
    expect(audit).toMatchObject({ outcome: "REFUSED", reason: expect.stringContaining("TWO_FACTOR_INVALID") });
  });

  it("opens the step-up window for the session that gave the code, not for another one", async () => {
    const admin = await createConsoleUser();
    const first = await signInAs(admin);
    const second = await signInAs(admin);
    const ok = await post({ cookie: first.cookie, body: { value: 7, twoFactorCode: await codeFor(admin) } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ success: true, value: 7 });
    expect((await post({ cookie: first.cookie, body: { value: 8 } })).status).toBe(200);
    await expectError(await post({ cookie: second.cookie, body: { value: 9 } }), 403, "TWO_FACTOR_INVALID");
  });

  it("refuses a code replayed from another session", async () => {
    const admin = await createConsoleUser();
    const first = await signInAs(admin);
    const second = await signInAs(admin);
    const code = await codeFor(admin);
    expect((await post({ cookie: first.cookie, body: { value: 1, twoFactorCode: code } })).status).toBe(200);
    await expectError(await post({ cookie: second.cookie, body: { value: 1, twoFactorCode: code } }), 403, "TWO_FACTOR_INVALID");
  });

  it("closes the window when it expires and at sign-out", async () => {
    const admin = await createConsoleUser();
    const session = await signInAs(admin);
    expect((await post({ cookie: session.cookie, body: { value: 1, twoFactorCode: await codeFor(admin) } })).status).toBe(200);
    await db().authSession.update({ where: { id: session.sessionId }, data: { stepUpUntil: new Date(Date.now() - 1000) } });
    await expectError(await post({ cookie: session.cookie }), 403, "TWO_FACTOR_INVALID");
    await revokeAuthSession(session.sessionId);
    await expectError(
      await post({ cookie: session.cookie, body: { value: 1, twoFactorCode: await codeFor(admin, 1) } }),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("locks after 5 wrong codes with 429 and Retry-After, refusing even a right code", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    const wrong = await wrongCodeFor(admin);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expectError(await post({ cookie, body: { value: 1, twoFactorCode: wrong } }), 403, "TWO_FACTOR_INVALID");
    }
    const locked = await post({ cookie, body: { value: 1, twoFactorCode: wrong } });
    await expectError(locked, 429, "TWO_FACTOR_LOCKED");
    expect(Number(locked.headers.get("retry-after"))).toBe(900);
    const stillLocked = await post({ cookie, body: { value: 1, twoFactorCode: await codeFor(admin) } });
    await expectError(stillLocked, 429, "TWO_FACTOR_LOCKED");
    expect(Number(stillLocked.headers.get("retry-after"))).toBeGreaterThan(890);
  });

  it("refuses an admin who has not enrolled 2FA", async () => {
    const admin = await createConsoleUser({ twoFactor: false });
    const { cookie } = await signInAs(admin);
    await expectError(await post({ cookie, body: { value: 1, twoFactorCode: "123456" } }), 403, "FORBIDDEN");
  });

  it("refuses a cross-origin mutation before looking at the body", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    await expectError(
      await post({ cookie, origin: "https://evil.example", body: { value: 1, twoFactorCode: await codeFor(admin) } }),
      403,
      "FORBIDDEN",
    );
    expect((await post({ cookie, origin: "http://localhost:3000", body: { value: 1, twoFactorCode: await codeFor(admin) } })).status).toBe(
      200,
    );
  });

  it("refuses a mutation that carries cookies but neither Origin nor a same-origin Referer", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    const before = runs;
    const refused = await expectError(
      await post({ cookie, origin: null, body: { value: 1, twoFactorCode: await codeFor(admin) } }),
      403,
      "FORBIDDEN",
    );
    expect(refused).toMatchObject({ message: expect.stringContaining("Origin") });
    await expectError(
      await post({
        cookie,
        origin: null,
        headers: { referer: "https://evil.example/page" },
        body: { value: 1, twoFactorCode: await codeFor(admin) },
      }),
      403,
      "FORBIDDEN",
    );
    expect(runs).toBe(before);
    const sameOriginReferer = await post({
      cookie,
      origin: null,
      headers: { referer: "http://localhost:3000/admin" },
      body: { value: 1, twoFactorCode: await codeFor(admin) },
    });
    expect(sameOriginReferer.status).toBe(200);
  });

  it("believes no forwarded host unless a trusted proxy is configured", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    const forged = { origin: "http://evil.example", headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" } };
    await expectError(await post({ cookie, ...forged, body: { value: 1, twoFactorCode: await codeFor(admin) } }), 403, "FORBIDDEN");
    process.env.SLOTPAY_TRUSTED_PROXY = "true";
    try {
      expect((await post({ cookie, ...forged, body: { value: 1, twoFactorCode: await codeFor(admin) } })).status).toBe(200);
    } finally {
      delete process.env.SLOTPAY_TRUSTED_PROXY;
    }
  });

  it("lets a request without cookies (an API client) through without Origin: it has no session to ride on", async () => {
    await expectError(await post({ origin: null, body: { value: 1 } }), 401, "UNAUTHENTICATED");
  });

  it("checks the body before the code, so bad input never spends a code", async () => {
    const admin = await createConsoleUser();
    const { cookie } = await signInAs(admin);
    const code = await codeFor(admin);
    await expectError(await post({ cookie, raw: "{not json" }), 400, "VALIDATION");
    await expectError(await post({ cookie, body: { value: "seven", twoFactorCode: code } }), 400, "VALIDATION");
    expect((await post({ cookie, body: { value: 1, twoFactorCode: code } })).status).toBe(200);
  });
});

describe("unexpected errors", () => {
  it("answer a bare 500 that leaks nothing", async () => {
    const failing = route({ access: "public" }, async () => {
      throw new Error("connection to 10.0.0.5 refused: password=hunter2");
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      const response = await failing(new Request("http://localhost:3000/api/x"));
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ success: false, code: "INTERNAL", message: "Internal server error" });
      expect(text).not.toContain("hunter2");
    } finally {
      console.error = original;
    }
  });
});
