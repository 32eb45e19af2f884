import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { bodyLimitFor } from "@/lib/http/body-limits";
import { forwardedHeaderNames, trustedProxyHops } from "@/lib/http/forwarded";
import { apiContentSecurityPolicy, contentSecurityPolicy, servedOverHttps, strictTransportSecurity } from "@/lib/http/security-headers";

// Runs before every page and API route (Next 16's middleware): refuses an oversized body before
// anything reads it, keeps the client from speaking for a proxy, and sets the CSP. Pages get a
// fresh nonce, which Next reads from the request's CSP header to stamp its own scripts; API
// answers run no script, so they get a constant policy and the request goes on untouched
// unless it carries forwarded headers to drop (decision 025).

function forwardedToDrop(request: NextRequest): boolean {
  return trustedProxyHops() === 0 && forwardedHeaderNames.some((name) => request.headers.has(name));
}

function withoutForwarded(request: NextRequest): Headers {
  const headers = new Headers(request.headers);
  if (trustedProxyHops() === 0) for (const name of forwardedHeaderNames) headers.delete(name);
  return headers;
}

function apiResponse(request: NextRequest, https: boolean): NextResponse {
  const response = forwardedToDrop(request) ? NextResponse.next({ request: { headers: withoutForwarded(request) } }) : NextResponse.next();
  response.headers.set("Content-Security-Policy", apiContentSecurityPolicy(https));
  return response;
}

function pageResponse(request: NextRequest, https: boolean): NextResponse {
  const requestHeaders = withoutForwarded(request);
  const nonce = randomBytes(16).toString("base64");
  const policy = contentSecurityPolicy(nonce, { https, development: process.env.NODE_ENV === "development" });
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const declaredLength = request.headers.get("content-length");
  if (declaredLength !== null && !(Number(declaredLength) <= bodyLimitFor(pathname))) {
    return NextResponse.json({ success: false, code: "VALIDATION", message: "Request body is too large" }, { status: 400 });
  }
  const https = servedOverHttps(request.headers);
  const response = pathname.startsWith("/api/") ? apiResponse(request, https) : pageResponse(request, https);
  if (https) response.headers.set("Strict-Transport-Security", strictTransportSecurity);
  return response;
}

// GET /today/status is polled by every open console, and this function's call (Next builds a
// request for it and merges what it answers) costs a third of the poll. The status route reads
// no body and no forwarded header and sets its own CSP, so a request carrying neither skips it;
// one that carries either still comes here (decision 025). Next needs the lists as literals:
// tests/unit/proxy-matcher.test.ts checks them against forwardedHeaderNames.

export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|api/admin/daily-declaration-returns/today/status$).*)",
    { source: "/api/admin/daily-declaration-returns/today/status", has: [{ type: "header", key: "content-length" }] },
    { source: "/api/admin/daily-declaration-returns/today/status", has: [{ type: "header", key: "transfer-encoding" }] },
    { source: "/api/admin/daily-declaration-returns/today/status", has: [{ type: "header", key: "forwarded" }] },
    { source: "/api/admin/daily-declaration-returns/today/status", has: [{ type: "header", key: "x-forwarded-for" }] },
    { source: "/api/admin/daily-declaration-returns/today/status", has: [{ type: "header", key: "x-forwarded-host" }] },
    { source: "/api/admin/daily-declaration-returns/today/status", has: [{ type: "header", key: "x-forwarded-proto" }] },
    { source: "/api/admin/daily-declaration-returns/today/status", has: [{ type: "header", key: "x-forwarded-port" }] },
    { source: "/api/admin/daily-declaration-returns/today/status", has: [{ type: "header", key: "x-real-ip" }] },
  ],
};
