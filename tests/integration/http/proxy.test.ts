import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

// proxy.ts called as Next calls it; the headers it hands on to the app come back as Next's
// x-middleware-override-headers / x-middleware-request-* response headers.

const run = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));
const passedOn = (response: Response) => (response.headers.get("x-middleware-override-headers") ?? "").split(",");

afterEach(() => {
  delete process.env.SLOTPAY_TRUSTED_PROXY;
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});

describe("proxy.ts", () => {
  it("gives each request its own nonce, in the CSP it answers with and in the headers the page renders with", () => {
    const [first, second] = [run("/admin"), run("/admin")];
    const nonceOf = (response: Response) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(first)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(first));
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(first.headers.get("content-security-policy"));
  });

  it("replaces a nonce or a CSP the client sent", () => {
    const response = run("/admin", { "x-nonce": "attacker", "content-security-policy": "script-src *" });
    expect(response.headers.get("x-middleware-request-x-nonce")).not.toBe("attacker");
    expect(response.headers.get("x-middleware-request-content-security-policy")).toContain("'strict-dynamic'");
  });

  it("allows no script, style, frame or connection from another origin", () => {
    const policy = run("/admin").headers.get("content-security-policy")!;
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'/);
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
  });

  it("drops forwarded headers the client sent, unless a trusted proxy is configured", () => {
    const forged = {
      "x-forwarded-for": "203.0.113.7",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=1.2.3.4",
    };
    const untrusted = passedOn(run("/api/health", forged));
    for (const name of Object.keys(forged)) expect(untrusted).not.toContain(name);
    process.env.SLOTPAY_TRUSTED_PROXY = "true";
    // Nothing to drop: the request goes on as it came, forwarded headers and all.
    expect(run("/api/health", forged).headers.get("x-middleware-override-headers")).toBeNull();
    const page = passedOn(run("/admin", forged));
    for (const name of Object.keys(forged)) expect(page).toContain(name);
  });

  it("answers API routes with a constant policy that allows no script, and passes their requests on untouched", () => {
    const [first, second] = [run("/api/health"), run("/api/admin/daily-declaration-returns/today/status")];
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toBe(second.headers.get("content-security-policy"));
    expect(policy).toMatch(/script-src 'none';/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/nonce/);
    expect(first.headers.get("x-middleware-override-headers")).toBeNull();
    expect(first.headers.get("x-middleware-next")).toBe("1");
  });

  it("sends HSTS (and upgrades requests) only when served over https", () => {
    const plain = run("/admin", { "x-forwarded-proto": "https" });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");

    process.env.SLOTPAY_TRUSTED_PROXY = "true";
    const behindTls = run("/admin", { "x-forwarded-proto": "https" });
    expect(behindTls.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(behindTls.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(run("/admin", { "x-forwarded-proto": "http" }).headers.get("strict-transport-security")).toBeNull();

    delete process.env.SLOTPAY_TRUSTED_PROXY;
    process.env.NEXTAUTH_URL = "https://slotpay.example";
    expect(run("/admin").headers.get("strict-transport-security")).not.toBeNull();
  });

  it("refuses a declared body over the route's limit before anything reads it", async () => {
    const tooLarge = run("/api/admin/daily-declaration-returns/queue", { "content-length": String(64 * 1024 + 1) });
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.json()).toEqual({ success: false, code: "VALIDATION", message: "Request body is too large" });
    expect(run("/api/auth/callback/credentials", { "content-length": String(8 * 1024 + 1) }).status).toBe(400);
    expect(run("/api/auth/callback/credentials", { "content-length": "not a number" }).status).toBe(400);
    expect(
      run("/api/admin/daily-declaration-returns/queue", { "content-length": String(64 * 1024) }).headers.get("x-middleware-next"),
    ).toBe("1");
  });
});
