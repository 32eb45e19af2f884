import { configuredOrigin } from "./app-origin";
import { trustedProxyHops } from "./forwarded";

// The security headers of every response (docs/decisions/007-headers-origin-metrics.md).
// Constant ones go out through next.config.ts for every path, static files included; the CSP
// with its per-request nonce and HSTS come from proxy.ts.

export const constantSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

export const strictTransportSecurity = "max-age=63072000; includeSubDomains";

/**
 * Scripts only from this origin with this request's nonce (and what they load: 'strict-dynamic');
 * inline styles allowed (Radix and sonner set them); nothing from any other origin; no framing.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean; development: boolean }): string {
  return policyWith(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`, options.https);
}

const apiPolicies = { http: policyWith("script-src 'none'", false), https: policyWith("script-src 'none'", true) };

/**
 * For API answers: the same policy with no script at all. JSON runs none, and the few HTML
 * answers under /api (next-auth's own pages) keep their inline styles.
 */
export function apiContentSecurityPolicy(https: boolean): string {
  return https ? apiPolicies.https : apiPolicies.http;
}

/** Whether the client reached us over https: a trusted proxy says so, else the configured origin does. */
export function servedOverHttps(headers: Headers): boolean {
  if (trustedProxyHops() > 0) return headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
  return configuredOrigin()?.startsWith("https:") ?? false;
}

/** The headers proxy.ts would add to an API answer, for a route that may be served without it. */
export function apiAnswerSecurityHeaders(request: Request): Record<string, string> {
  const https = servedOverHttps(request.headers);
  return {
    "Content-Security-Policy": apiContentSecurityPolicy(https),
    ...(https ? { "Strict-Transport-Security": strictTransportSecurity } : {}),
  };
}

function policyWith(scriptSource: string, https: boolean): string {
  return [
    "default-src 'self'",
    scriptSource,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
