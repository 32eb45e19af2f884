import { AppError } from "@/lib/errors/app-error";
import { configuredOrigin, originOf } from "./app-origin";
import { forwardedOrigin } from "./forwarded";

/** The origins this request may come from: the configured one, the one it was sent to, a trusted proxy's. */
function allowedOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const allowed = new Set([url.origin]);
  const configured = configuredOrigin();
  if (configured) allowed.add(configured);
  // Host names this server (a browser cannot send another site's cookies with it).
  const host = request.headers.get("host");
  if (host) allowed.add(`${url.protocol}//${host}`);
  const forwarded = forwardedOrigin(request.headers);
  if (forwarded) allowed.add(forwarded);
  return allowed;
}

/**
 * Cross-site request check for mutations. A browser sends Origin on every POST/PUT; it must be
 * this app's. A request carrying cookies but no Origin must at least have a same-origin Referer,
 * or it is refused: only non-browser clients omit both, and those need no ambient cookies.
 * Requests without cookies (API clients, curl without a session) pass without either.
 */
export function assertSameOrigin(request: Request): void {
  const allowed = allowedOrigins(request);
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (!allowed.has(origin)) throw new AppError("FORBIDDEN", "Cross-origin request refused");
    return;
  }
  if (!request.headers.get("cookie")) return;
  const referer = originOf(request.headers.get("referer") ?? "");
  if (referer && allowed.has(referer)) return;
  throw new AppError("FORBIDDEN", "Cross-origin request refused: a request with cookies must send its Origin header");
}
