import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { configuredOrigin } from "@/lib/http/app-origin";
import { bodyLimitFor } from "@/lib/http/body-limits";
import { forwardedHeaderNames, trustedProxyHops } from "@/lib/http/forwarded";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/http/security-headers";

// Runs before every page and API route (Next 16's middleware): refuses an oversized body before
// anything reads it, keeps the client from speaking for a proxy, and sets the CSP with a fresh
// nonce, which Next reads from the request's CSP header to stamp its own scripts.

function servedOverHttps(request: NextRequest): boolean {
  if (trustedProxyHops() > 0) return request.headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
  return configuredOrigin()?.startsWith("https:") ?? false;
}

export function proxy(request: NextRequest) {
  const declaredLength = request.headers.get("content-length");
  if (declaredLength !== null && !(Number(declaredLength) <= bodyLimitFor(request.nextUrl.pathname))) {
    return NextResponse.json({ success: false, code: "VALIDATION", message: "Request body is too large" }, { status: 400 });
  }

  const requestHeaders = new Headers(request.headers);
  if (trustedProxyHops() === 0) for (const name of forwardedHeaderNames) requestHeaders.delete(name);
  const nonce = randomBytes(16).toString("base64");
  const https = servedOverHttps(request);
  const policy = contentSecurityPolicy(nonce, { https, development: process.env.NODE_ENV === "development" });
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", strictTransportSecurity);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
