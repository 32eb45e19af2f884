import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { knownDeviceCookieName } from "@/lib/auth/known-device";
import { gateAuthRequest, type AuthHandler } from "@/lib/auth/sign-in-gate";

// The gate in front of next-auth, on its own: what it refuses never reaches next-auth (here a
// stand-in that records calls; the real next-auth behind it runs in hardening-over-http.test.ts).

function nextAuthStandIn(answer: () => Response = () => Response.json({ url: "http://localhost:3000/admin" })) {
  const calls: { path: string; body: string }[] = [];
  const handle: AuthHandler = async (request, context) => {
    calls.push({ path: ((await context.params).nextauth ?? []).join("/"), body: await request.text() });
    return answer();
  };
  return { handle, calls };
}

function call(handle: AuthHandler, path: string, init: { method?: string; body?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = init.contentType ? { "content-type": init.contentType } : {};
  const request = new NextRequest(`http://localhost:3000/api/auth/${path}`, { method: init.method ?? "GET", headers, body: init.body });
  return gateAuthRequest(request, { params: Promise.resolve({ nextauth: path.split("/") }) }, handle);
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields).toString(),
  contentType: "application/x-www-form-urlencoded",
});

describe("the sign-in gate", () => {
  it("passes what next-auth serves here, with the body it was given", async () => {
    const nextAuth = nextAuthStandIn();
    expect((await call(nextAuth.handle, "session")).status).toBe(200);
    expect(
      (await call(nextAuth.handle, "callback/credentials", form({ email: "a@slotpay.test", password: "pw", code: "123456" }))).status,
    ).toBe(200);
    expect(nextAuth.calls).toEqual([
      { path: "session", body: "" },
      { path: "callback/credentials", body: "email=a%40slotpay.test&password=pw&code=123456" },
    ]);
  });

  it.each([
    ["GET callback/credentials", "callback/credentials", {}, 405, "METHOD_NOT_ALLOWED"],
    ["GET an action next-auth does not serve here", "verify-request", {}, 404, "NOT_FOUND"],
    ["POST signin/credentials", "signin/credentials", form({}), 405, "METHOD_NOT_ALLOWED"],
    ["a 255-character email", "callback/credentials", form({ email: `${"a".repeat(243)}@slotpay.test`, password: "x" }), 400, "VALIDATION"],
    [
      "a 17-character code",
      "callback/credentials",
      form({ email: "a@slotpay.test", password: "x", code: "1".repeat(17) }),
      400,
      "VALIDATION",
    ],
    ["a NUL in the password", "callback/credentials", form({ email: "a@slotpay.test", password: "a\u0000b" }), 400, "VALIDATION"],
    [
      "17 form fields",
      "callback/credentials",
      form(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`f${i}`, "x"]))),
      400,
      "VALIDATION",
    ],
    ["a body over 8 KB", "callback/credentials", form({ email: "a@slotpay.test", password: "x".repeat(9000) }), 400, "VALIDATION"],
    [
      "credentials as JSON",
      "callback/credentials",
      { method: "POST", body: '{"email":"a@slotpay.test"}', contentType: "application/json" },
      400,
      "VALIDATION",
    ],
    [
      "a session update that is not JSON",
      "session",
      { method: "POST", body: "{not json", contentType: "application/json" },
      400,
      "VALIDATION",
    ],
  ])("refuses %s before next-auth sees it", async (_name, path, init, status, code) => {
    const nextAuth = nextAuthStandIn();
    const response = await call(nextAuth.handle, path, init);
    expect({ status: response.status, body: await response.json() }).toMatchObject({ status, body: { success: false, code } });
    expect(nextAuth.calls).toEqual([]);
  });

  it("hands next-auth's client its refusal as the `url` error it reads", async () => {
    const response = await call(nextAuthStandIn().handle, "callback/credentials", form({ email: "x".repeat(300), password: "x" }));
    const body = (await response.json()) as { message: string; url: string };
    expect(new URL(body.url).searchParams.get("error")).toBe(body.message);
  });

  it("marks the browser as a known device of the account only when next-auth signed it in", async () => {
    const signedIn = nextAuthStandIn(
      () => new Response("{}", { headers: { "set-cookie": "next-auth.session-token=abc; Path=/; HttpOnly" } }),
    );
    const ok = await call(signedIn.handle, "callback/credentials", form({ email: "owner@slotpay.test", password: "pw" }));
    expect(ok.headers.getSetCookie().some((cookie) => cookie.startsWith(`${knownDeviceCookieName}=`))).toBe(true);
    const refused = nextAuthStandIn(() => Response.json({ url: "http://localhost:3000/api/auth/error?error=x" }, { status: 401 }));
    const failed = await call(refused.handle, "callback/credentials", form({ email: "owner@slotpay.test", password: "wrong" }));
    expect(failed.headers.getSetCookie()).toEqual([]);
  });
});
